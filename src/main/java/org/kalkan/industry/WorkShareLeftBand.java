package org.kalkan.industry;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * A nation's work-share balance in a programme left the tolerance band ({@code balance} is the coefficient, 1 =
 * balanced; {@code shortfall} the work it would need to gain, negative when it has too much). A rebalancing
 * proposal was stored for the Council.
 */
public record WorkShareLeftBand(ProgrammeId programme, String programmeName, String nation,
        @Nullable BigDecimal balance, BigDecimal tolerance, BigDecimal shortfall, String currency, ProposalId proposal,
        SecurityLabel label, String originNation, @Nullable UUID exerciseId) {
}
