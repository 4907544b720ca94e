package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A work package to add: its code (unique in the programme), the performing nation, optionally a supplier, the
 * budget at completion, the planned start (inclusive) and finish (exclusive), finish-to-start dependencies, an
 * optional time-phased curve and the control-list entry of the technology it needs (for export control).
 */
public record NewWorkPackage(String code, String title, String nation, @Nullable SupplierId supplier, BigDecimal budget,
        LocalDate plannedStart, LocalDate plannedFinish, List<Dependency> dependsOn, List<CurvePoint> curve,
        @Nullable String controlEntry) {

    public NewWorkPackage {
        dependsOn = List.copyOf(dependsOn);
        curve = List.copyOf(curve);
    }
}
