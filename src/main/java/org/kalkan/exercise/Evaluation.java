package org.kalkan.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Measures of performance computed from what players did: per inject the exercise time to the first
 * acknowledgement and to the expected action, or that it was missed; per objective and per training-audience
 * nation the counts and mean times; the evaluators' observations; and the timeline of it all.
 */
public record Evaluation(Exercise exercise, Duration exerciseTime, Instant computedAt, List<InjectMeasure> injects,
        List<ObjectiveMeasure> objectives, List<AudienceMeasure> audience, List<Observation> observations,
        List<TimelineEntry> timeline) {

    public record InjectMeasure(int number, InjectKind kind, @Nullable String objective, List<String> to,
            ExpectedAction expectedAction, InjectStatus status, @Nullable Instant deliveredAt,
            @Nullable Duration deliveredAtExerciseTime, @Nullable Duration timeToAcknowledge,
            @Nullable String acknowledgedBy, @Nullable Duration timeToExpectedAction, @Nullable String actedBy,
            boolean missed, boolean contingencyFired) {
    }

    /** {@code trainingObjectives}: the training objectives (e.g. {@code EOD-201.1}) the objective tests. */
    public record ObjectiveMeasure(String objective, int injects, int delivered, int met, int missed,
            @Nullable Duration meanTimeToExpectedAction, List<String> trainingObjectives) {

        public ObjectiveMeasure {
            trainingObjectives = List.copyOf(trainingObjectives);
        }
    }

    public record AudienceMeasure(String nation, int acknowledgements, @Nullable Duration meanTimeToAcknowledge,
            int expectedActions) {
    }

    public record TimelineEntry(Instant at, @Nullable Duration exerciseTime, String what) {
    }
}
