package org.kalkan.industry;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A nation's part of a programme: its cost share, the work its industry performs (planned: budgets at completion
 * of its packages; earned: their earned value) and the balance, the work-share coefficient
 * {@code plannedWork / (costShare × BAC)} (1 = the work its money pays for; absent when it pays nothing).
 * {@code earnedBalance} is the same on earned value; {@code inBand} whether the balance is within the tolerance.
 */
public record NationPerformance(BigDecimal costShare, BigDecimal plannedWork, BigDecimal earnedWork,
        @Nullable BigDecimal balance, @Nullable BigDecimal earnedBalance, boolean inBand, EvmFigures figures) {
}
