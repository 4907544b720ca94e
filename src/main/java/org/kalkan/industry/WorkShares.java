package org.kalkan.industry;

import java.time.Instant;
import java.util.List;
import org.kalkan.council.Decision;
import org.kalkan.security.Subject;

/** Work share across programmes, and rebalancing proposals for the Council. */
public interface WorkShares {

    /** The global balance over the readable programmes in {@code currency}. */
    GlobalBalance globalBalance(Subject subject, String currency);

    /** Readable proposals, newest first ({@code programme} null = of every readable programme). */
    List<RebalancingProposal> proposals(Subject subject, @org.jspecify.annotations.Nullable ProgrammeId programme);

    /**
     * The Council chair circulates a proposal as a silence-procedure decision ending at {@code silenceEndsAt} (the
     * Council's own rules on silences apply); the proposal becomes CIRCULATED and ADOPTED with the decision.
     */
    Decision circulate(Subject subject, ProposalId proposal, Instant silenceEndsAt);
}
