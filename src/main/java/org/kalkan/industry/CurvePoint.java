package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A point of a time-phased planned-value curve: {@code cumulativePercent} of the budget is planned by the start of
 * {@code date}. Between points (and the implied 0 % at the planned start and 100 % at the planned finish) the
 * planned value accrues linearly over calendar days.
 */
public record CurvePoint(LocalDate date, BigDecimal cumulativePercent) {
}
