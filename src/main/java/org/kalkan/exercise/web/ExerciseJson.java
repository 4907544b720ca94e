package org.kalkan.exercise.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.Evaluation;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExerciseClock;
import org.kalkan.exercise.Inject;
import org.kalkan.exercise.Lesson;
import org.kalkan.exercise.Observation;
import org.kalkan.exercise.internal.InjectContent;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.SecurityLabel;
import tools.jackson.databind.JsonNode;

/** The exercise module's JSON shapes: times ISO 8601 (with DTG beside), durations ISO 8601. */
final class ExerciseJson {

    private ExerciseJson() {
    }

    record ClockJson(String state, double rate, String exerciseTime, long exerciseSeconds,
            @Nullable Instant startedAt, @Nullable Instant resumedAt) {

        static ClockJson of(ExerciseClock clock, Instant now) {
            Duration elapsed = clock.elapsed(now);
            return new ClockJson(clock.state().name(), clock.rate(), elapsed.withNanos(0).toString(),
                    elapsed.toSeconds(), clock.startedAt(), clock.resumedAt());
        }
    }

    record ExerciseView(UUID id, String name, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
            List<String> trainingAudience, List<String> exconUsers, List<String> evaluatorUsers,
            List<String> objectives, List<String> phases, List<UUID> participatingUnits, String status,
            SecurityLabel label, String originNation, String createdBy, Instant createdAt, int version,
            ClockJson clock, String exerciseMarking) {

        static ExerciseView of(Exercise x, Instant now) {
            return new ExerciseView(x.id(), x.name(), x.startsOn(), x.endsOn(), x.trainingAudience(), x.exconUsers(),
                    x.evaluatorUsers(), x.objectives(), x.phases(), x.participatingUnits(), x.status().name(),
                    x.label(), x.originNation().value(), x.createdBy(), x.createdAt(), x.version(),
                    ClockJson.of(x.clock(), now), x.exerciseMarking());
        }
    }

    record InjectView(int number, String at, String start, @Nullable Integer after, String kind, String from,
            List<String> to, String expectedAction, @Nullable String objective, @Nullable Integer contingency,
            @Nullable String deadline, @Nullable JsonNode content, String status, boolean held, @Nullable String due,
            @Nullable Instant deliveredAt, @Nullable String deliveredAtDtg, @Nullable String deliveredAtExerciseTime,
            @Nullable String deliveredRef, int deliveries, boolean contingencyFired, @Nullable String lastError,
            SecurityLabel label, boolean contentWithheld) {

        /** An inject whose content the reader may not read shows no content ({@code contentWithheld}). */
        static InjectView of(Inject i) {
            return new InjectView(i.number(), i.at().toString(), i.startCondition().name(), i.afterNumber(),
                    i.kind().name(), i.from(), i.to(), i.expectedAction().name(), i.objective(),
                    i.contingencyNumber(), iso(i.deadline()),
                    i.contentWithheld() ? null : InjectContent.parse(i.content()), i.status().name(),
                    i.held(), iso(i.due()), i.deliveredAt(), dtg(i.deliveredAt()), iso(i.deliveredAtExerciseTime()),
                    i.deliveredRef(), i.deliveries(), i.contingencyFired(), i.lastError(), i.label(),
                    i.contentWithheld());
        }
    }

    record InjectMeasureJson(int number, String kind, @Nullable String objective, List<String> to,
            String expectedAction, String status, @Nullable Instant deliveredAt,
            @Nullable String deliveredAtExerciseTime, @Nullable String timeToAcknowledge,
            @Nullable Long secondsToAcknowledge, @Nullable String acknowledgedBy,
            @Nullable String timeToExpectedAction, @Nullable Long secondsToExpectedAction,
            @Nullable String actedBy, boolean missed, boolean contingencyFired) {

        static InjectMeasureJson of(Evaluation.InjectMeasure m) {
            return new InjectMeasureJson(m.number(), m.kind().name(), m.objective(), m.to(),
                    m.expectedAction().name(), m.status().name(), m.deliveredAt(), iso(m.deliveredAtExerciseTime()),
                    iso(m.timeToAcknowledge()), seconds(m.timeToAcknowledge()), m.acknowledgedBy(),
                    iso(m.timeToExpectedAction()), seconds(m.timeToExpectedAction()), m.actedBy(), m.missed(),
                    m.contingencyFired());
        }
    }

    record ObjectiveJson(String objective, int injects, int delivered, int met, int missed,
            @Nullable String meanTimeToExpectedAction, List<String> trainingObjectives) {
    }

    record AudienceJson(String nation, int acknowledgements, @Nullable String meanTimeToAcknowledge,
            int expectedActions) {
    }

    record ObservationJson(UUID id, @Nullable Integer inject, @Nullable String objective, String text, String author,
            Instant createdAt, String createdAtDtg) {

        static ObservationJson of(Observation o) {
            return new ObservationJson(o.id(), o.injectNumber(), o.objective(), o.text(), o.author(), o.createdAt(),
                    Dtg.of(o.createdAt()));
        }
    }

    record TimelineJson(Instant at, String atDtg, @Nullable String exerciseTime, String what) {
    }

    record EvaluationJson(UUID exerciseId, String name, String exerciseMarking, SecurityLabel label,
            String exerciseTime, Instant computedAt, List<InjectMeasureJson> injects,
            List<ObjectiveJson> objectives, List<AudienceJson> trainingAudience, List<ObservationJson> observations,
            List<TimelineJson> timeline) {

        static EvaluationJson of(Evaluation e) {
            Exercise x = e.exercise();
            return new EvaluationJson(x.id(), x.name(), x.exerciseMarking(), x.label(),
                    e.exerciseTime().withNanos(0).toString(), e.computedAt(), e.injects().stream().map(InjectMeasureJson::of).toList(),
                    e.objectives().stream().map(o -> new ObjectiveJson(o.objective(), o.injects(), o.delivered(),
                            o.met(), o.missed(), iso(o.meanTimeToExpectedAction()), o.trainingObjectives())).toList(),
                    e.audience().stream().map(a -> new AudienceJson(a.nation(), a.acknowledgements(),
                            iso(a.meanTimeToAcknowledge()), a.expectedActions())).toList(),
                    e.observations().stream().map(ObservationJson::of).toList(),
                    e.timeline().stream().map(t -> new TimelineJson(t.at(), Dtg.of(t.at()), iso(t.exerciseTime()),
                            t.what())).toList());
        }
    }

    record LessonJson(UUID id, UUID exerciseId, String exerciseName, @Nullable UUID observationId, String title,
            String text, String status, @Nullable String remedialAction, @Nullable String owner,
            @Nullable LocalDate dueOn, @Nullable String validatedBy, String createdBy, Instant createdAt,
            Instant updatedAt, int version, SecurityLabel label, @Nullable String remedy) {

        static LessonJson of(Lesson l) {
            return new LessonJson(l.id(), l.exerciseId(), l.exerciseName(), l.observationId(), l.title(), l.text(),
                    l.status().name(), l.remedialAction(), l.owner(), l.dueOn(), l.validatedBy(), l.createdBy(),
                    l.createdAt(), l.updatedAt(), l.version(), l.label(),
                    l.remedy() == null ? null : l.remedy().name());
        }
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        return InjectContent.enumOf(type, value, field);
    }

    static @Nullable LocalDate date(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO 8601 date such as 2026-12-01: " + value);
        }
    }

    static @Nullable String iso(@Nullable Duration duration) {
        return duration == null ? null : duration.withNanos(0).toString();
    }

    private static @Nullable Long seconds(@Nullable Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    private static @Nullable String dtg(@Nullable Instant instant) {
        return instant == null ? null : Dtg.of(instant);
    }
}
