package org.kalkan.industry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A milestone or delivery to add, due on a date, optionally reached by finishing a work package. */
public record NewMilestone(String name, MilestoneKind kind, LocalDate due, @Nullable String workPackage) {
}
