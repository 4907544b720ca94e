package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A point of the S-curve: cumulative PV, and EV and AC up to the status date (null after it). */
public record SCurvePoint(LocalDate date, BigDecimal pv, @Nullable BigDecimal ev, @Nullable BigDecimal ac) {
}
