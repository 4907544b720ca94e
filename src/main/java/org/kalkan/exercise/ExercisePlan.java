package org.kalkan.exercise;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/** What an exercise director plans; checked here and against the nations, users and units by {@link Exercises}. */
public record ExercisePlan(String name, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
        List<String> trainingAudience, List<String> exconUsers, List<String> evaluatorUsers, List<String> objectives,
        List<String> phases, List<UUID> participatingUnits, SecurityLabel label) {

    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 1000;

    public ExercisePlan {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException("name is required, at most " + MAX_NAME + " characters");
        }
        name = name.strip();
        if (label == null) {
            throw new IllegalArgumentException("label is required: {\"classification\":…,\"releasableTo\":[…]}");
        }
        if (trainingAudience == null || trainingAudience.isEmpty()) {
            throw new IllegalArgumentException("trainingAudience needs at least one nation");
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("endsOn " + endsOn + " is before startsOn " + startsOn);
        }
        trainingAudience = texts(trainingAudience, "trainingAudience").stream().distinct().sorted().toList();
        exconUsers = texts(exconUsers, "exconUsers");
        evaluatorUsers = texts(evaluatorUsers, "evaluatorUsers");
        objectives = texts(objectives, "objectives");
        phases = texts(phases, "phases");
        participatingUnits = participatingUnits == null ? List.of() : List.copyOf(participatingUnits);
    }

    private static List<String> texts(@Nullable List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > 100) {
            throw new IllegalArgumentException(field + " has more than 100 entries");
        }
        for (String value : values) {
            if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
                throw new IllegalArgumentException(field + " has an empty entry or one longer than " + MAX_TEXT);
            }
        }
        return values.stream().map(String::strip).distinct().toList();
    }
}
