package org.kalkan.industry;

import java.time.Instant;
import java.util.List;
import org.kalkan.council.Decision;
import org.kalkan.security.Subject;
import org.kalkan.shared.SecurityLabel;

/** Work share across programmes, and rebalancing proposals for the Council. */
public interface WorkShares {

    /** The global balance over the readable programmes in {@code currency}. */
    GlobalBalance globalBalance(Subject subject, String currency);

    /** Readable proposals, newest first ({@code programme} null = of every readable programme). */
    List<RebalancingProposal> proposals(Subject subject, @org.jspecify.annotations.Nullable ProgrammeId programme);

    /**
     * The Council chair circulates a proposal as a silence-procedure decision ending at {@code silenceEndsAt} (the
     * Council's own rules apply: a decision binds the members, so it is releasable to every member state and its
     * silence lasts at least the minimum); the proposal becomes CIRCULATED and ADOPTED with the decision. The
     * decision's label is {@code label}, or by default the programme's classification released to its nations and
     * {@code MEMBERS}: circulating releases the proposal to every member, an audited act of the chair.
     */
    Decision circulate(Subject subject, ProposalId proposal, Instant silenceEndsAt,
            @org.jspecify.annotations.Nullable SecurityLabel label);
}
