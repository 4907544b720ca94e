package org.kalkan.exercise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** An exercise plan with its state and clock. */
public record Exercise(UUID id, String name, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
        List<String> trainingAudience, List<String> exconUsers, List<String> evaluatorUsers, List<String> objectives,
        List<String> phases, List<UUID> participatingUnits, ExerciseStatus status, SecurityLabel label,
        NationCode originNation, String createdBy, Instant createdAt, int version, ExerciseClock clock) {

    public Exercise {
        trainingAudience = List.copyOf(trainingAudience);
        exconUsers = List.copyOf(exconUsers);
        evaluatorUsers = List.copyOf(evaluatorUsers);
        objectives = List.copyOf(objectives);
        phases = List.copyOf(phases);
        participatingUnits = List.copyOf(participatingUnits);
    }

    /** Whether the user runs the exercise: its author or on its EXCON staff. */
    public boolean isExcon(String username) {
        return createdBy.equals(username) || exconUsers.contains(username);
    }

    /** Whether the user evaluates it (EXCON may also observe). */
    public boolean isEvaluator(String username) {
        return evaluatorUsers.contains(username) || isExcon(username);
    }

    /** The marking every page and PDF of the exercise carries. */
    public String exerciseMarking() {
        return "EXERCISE EXERCISE EXERCISE — " + name;
    }
}
