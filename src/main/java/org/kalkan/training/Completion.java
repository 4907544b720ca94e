package org.kalkan.training;

import java.time.LocalDate;
import java.util.UUID;

/** A course a person finished: from a session's result or a learning system's xAPI statement ({@code source}). */
public record Completion(UUID id, PersonId person, String course, Outcome outcome, LocalDate completedOn,
        String source, String recordedBy) {
}
