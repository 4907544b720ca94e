package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The current plan against the latest saved baseline: per package the baseline's and the current planned and early
 * dates, the slips in days (positive = later) and the budget change. Packages added since have no baseline.
 */
public record BaselineComparison(ProgrammeId programme, Instant savedAt, String savedBy, List<Row> packages) {

    public BaselineComparison {
        packages = List.copyOf(packages);
    }

    /** One package; the baseline fields are null for a package added after the baseline. */
    public record Row(String code, @Nullable LocalDate baselineStart, @Nullable LocalDate baselineFinish,
            LocalDate plannedStart, LocalDate plannedFinish, @Nullable LocalDate baselineEarlyFinish,
            LocalDate earlyFinish, @Nullable Long finishSlipDays, @Nullable BigDecimal baselineBudget,
            BigDecimal budget, @Nullable BigDecimal budgetChange) {
    }
}
