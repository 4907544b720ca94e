package org.kalkan.exercise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/** A lesson on its way from an observation to a validated lesson learned; it carries its exercise's label. */
public record Lesson(UUID id, UUID exerciseId, String exerciseName, @Nullable UUID observationId, String title,
        String text, LessonStatus status, @Nullable String remedialAction, @Nullable String owner,
        @Nullable LocalDate dueOn, @Nullable String validatedBy, String createdBy, Instant createdAt,
        Instant updatedAt, int version, SecurityLabel label, @Nullable Remedy remedy) {
}
