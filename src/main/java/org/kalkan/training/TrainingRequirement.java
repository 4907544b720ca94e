package org.kalkan.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * Training that a lesson learned asks for: a lesson moved to REMEDIAL_ACTION with training as its remedy. The
 * coordinator sees it and addresses it with a course. Labelled as the exercise it came from.
 */
public record TrainingRequirement(TrainingRequirementId id, UUID lessonId, UUID exerciseId, String title, String remedialAction,
        @Nullable String owner, @Nullable LocalDate dueOn, Status status, @Nullable String course,
        SecurityLabel label, NationCode originNation, Instant createdAt) {

    public enum Status {
        OPEN, ADDRESSED
    }
}
