package org.kalkan.exercise;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A lesson moved to REMEDIAL_ACTION with its action, owner, due date and remedy; {@code label} and
 * {@code originNation} are its exercise's.
 */
public record LessonRemedyAssigned(UUID lessonId, UUID exerciseId, String title, String remedialAction,
        @Nullable Remedy remedy, String owner, LocalDate dueOn, SecurityLabel label, NationCode originNation) {
}
