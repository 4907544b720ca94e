package org.kalkan.industry;

import java.time.LocalDate;

/**
 * A package in the computed schedule (critical path method, calendar days): its early and late dates (finishes
 * exclusive), its total float and whether it is on the critical path. A package starts no earlier than its planned
 * start, nor before each predecessor's early finish plus the lag.
 */
public record ScheduledPackage(String code, LocalDate earlyStart, LocalDate earlyFinish, LocalDate lateStart,
        LocalDate lateFinish, long totalFloatDays, boolean critical) {
}
