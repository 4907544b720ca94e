package org.kalkan.industry;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Earned value figures as of a date: money to 2 decimals, indices to 4 (half-even). An index whose divisor is zero
 * is absent (null), never 0 or infinity: {@code CPI = EV / AC}, {@code SPI = EV / PV}, {@code EAC = BAC / CPI},
 * {@code TCPI = (BAC − EV) / (BAC − AC)}, {@code spiT = ES / AT} (earned schedule, in calendar days).
 */
public record EvmFigures(BigDecimal bac, BigDecimal pv, BigDecimal ev, BigDecimal ac, BigDecimal cv, BigDecimal sv,
        @Nullable BigDecimal cpi, @Nullable BigDecimal spi, @Nullable BigDecimal eac, @Nullable BigDecimal tcpi,
        @Nullable BigDecimal spiT) {
}
