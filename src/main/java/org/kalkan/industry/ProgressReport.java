package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Progress of a work package as of a date: percent complete and the cumulative actual cost to date. */
public record ProgressReport(LocalDate asOf, BigDecimal percentComplete, BigDecimal actualCost, String reportedBy,
        Instant reportedAt) {
}
