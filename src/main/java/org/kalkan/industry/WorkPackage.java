package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A work package of a programme with its progress reports (oldest first). */
public record WorkPackage(String code, String title, String nation, @Nullable SupplierId supplier,
        @Nullable String supplierName, BigDecimal budget, LocalDate plannedStart, LocalDate plannedFinish,
        List<Dependency> dependsOn, List<CurvePoint> curve, @Nullable String controlEntry,
        List<ProgressReport> progress) {

    public WorkPackage {
        dependsOn = List.copyOf(dependsOn);
        curve = List.copyOf(curve);
        progress = List.copyOf(progress);
    }

    /** Open: no supplier yet and no progress reported, so it may still be allocated. */
    public boolean open() {
        return supplier == null && progress.isEmpty();
    }
}
