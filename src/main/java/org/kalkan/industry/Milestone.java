package org.kalkan.industry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A milestone or delivery of a programme and its acceptance. */
public record Milestone(MilestoneId id, String name, MilestoneKind kind, LocalDate due, @Nullable String workPackage,
        Acceptance status, @Nullable String decidedBy, @Nullable LocalDate decidedOn, @Nullable String note) {
}
