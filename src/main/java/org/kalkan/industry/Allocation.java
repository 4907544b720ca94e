package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An allocation of a programme's open packages to qualified suppliers, found by CP-SAT: minimal cost plus the
 * weighted deviation from each nation's balance, within capacity, clearance, certification and licence feasibility.
 * {@code gap} is (objective − best bound) / objective (0 when proven optimal); each package left out has a reason.
 */
public record Allocation(AllocationId id, ProgrammeId programme, String status, String solverStatus,
        boolean provenOptimal, @Nullable BigDecimal objective, @Nullable BigDecimal bound, @Nullable BigDecimal gap,
        List<Assignment> assignments, List<Unallocated> unallocated, String createdBy, Instant createdAt) {

    public Allocation {
        assignments = List.copyOf(assignments);
        unallocated = List.copyOf(unallocated);
    }

    /** A package given to a supplier, at the supplier's cost. */
    public record Assignment(String code, SupplierId supplier, String supplierName, String nation, BigDecimal cost) {
    }

    /** A package left without a supplier, and why. */
    public record Unallocated(String code, String reason) {
    }
}
