package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * A proposal to restore a nation's work share in a programme, made when its balance left the band: the work it
 * would need to gain ({@code shortfall}, negative to give up), the text for the Council, and, once circulated,
 * the Council decision and its register number when adopted.
 */
public record RebalancingProposal(ProposalId id, ProgrammeId programme, String programmeName, String nation,
        @Nullable BigDecimal balance, BigDecimal shortfall, String text, ProposalStatus status,
        @Nullable UUID decisionId, @Nullable String registerNumber, Instant createdAt, SecurityLabel label,
        String originNation) {
}
