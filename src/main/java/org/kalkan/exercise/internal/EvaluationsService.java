package org.kalkan.exercise.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.Evaluation;
import org.kalkan.exercise.Evaluations;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExerciseStatus;
import org.kalkan.exercise.ExpectedAction;
import org.kalkan.exercise.Inject;
import org.kalkan.exercise.InjectStatus;
import org.kalkan.exercise.Observation;
import org.kalkan.exercise.PlayerAction;
import org.kalkan.exercise.TrainingObjectives;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Evaluations}, implemented: the checks, the store and the audit behind the module's API. */
@Service
class EvaluationsService implements Evaluations {


    private final ExerciseAccess access;
    private final InjectStore injects;
    private final EvaluationStore store;
    private final UserDirectory users;
    private final AarPdf pdf;
    private final AuditTrail audit;
    private final ObjectProvider<TrainingObjectives> trainingObjectives;
    private final Clock clock;

    EvaluationsService(ExerciseAccess access, InjectStore injects, EvaluationStore store, UserDirectory users, AarPdf pdf,
            AuditTrail audit, ObjectProvider<TrainingObjectives> trainingObjectives, Clock clock) {
        this.access = access;
        this.injects = injects;
        this.store = store;
        this.users = users;
        this.pdf = pdf;
        this.audit = audit;
        this.trainingObjectives = trainingObjectives;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PlayerAction recordAction(Subject evaluator, UUID exerciseId, int number, ExpectedAction action,
            String actor) {
        Exercise exercise = access.readable(evaluator, exerciseId);
        access.requireEvaluator(evaluator, exercise, "record player actions");
        Inject inject = injects.byNumber(exerciseId, number)
                .orElseThrow(() -> new NotFoundException("No inject " + number + " in this exercise."));
        if (inject.status() != InjectStatus.DELIVERED) {
            throw new RefusedException("Inject " + number + " has not been delivered.");
        }
        UserSummary player = users.find(actor)
                .orElseThrow(() -> new IllegalArgumentException("unknown player " + actor));
        Instant now = clock.instant();
        store.insertAction(exerciseId, inject.id(), action, player.username(), player.nation().value(), now,
                exercise.clock().elapsed(now), "recorded by " + evaluator.username());
        audit.record(evaluator.username(), "EXERCISE_ACTION_RECORDED", "exercise:" + exerciseId + "/inject:"
                + number, action + " by " + actor);
        return store.actions(exerciseId).get(store.actions(exerciseId).size() - 1);
    }

    @Override
    @Transactional
    public List<String> nameTrainingObjectives(Subject excon, UUID exerciseId, String objective, List<String> codes) {
        Exercise exercise = access.readable(excon, exerciseId);
        access.requireExcon(excon, exercise, "name training objectives");
        String checked = objective == null ? "" : objective.strip();
        if (!exercise.objectives().contains(checked)) {
            throw new IllegalArgumentException("objective '" + checked + "' is not one of the exercise's "
                    + exercise.objectives());
        }
        TrainingObjectives catalogue = trainingObjectives.getIfAvailable();
        List<String> named = new ArrayList<>();
        for (String code : codes) {
            String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
            if (catalogue == null || !c.matches("[A-Z0-9][A-Z0-9-]{1,31}\\.[0-9]{1,2}")
                    || !catalogue.exists(excon, c)) {
                throw new IllegalArgumentException("trainingObjectives: '" + code + "' is not a training objective "
                        + "of the catalogue (course code and objective number, e.g. EOD-201.1)");
            }
            if (!named.contains(c)) {
                named.add(c);
            }
        }
        store.replaceTrainingObjectives(exerciseId, checked, named);
        audit.record(excon.username(), "EXERCISE_TRAINING_OBJECTIVES", "exercise:" + exerciseId, checked + " tests "
                + named);
        return named;
    }

    @Override
    @Transactional
    public Observation observe(Subject evaluator, UUID exerciseId, @Nullable Integer injectNumber,
            @Nullable String objective, String text) {
        Exercise exercise = access.readable(evaluator, exerciseId);
        access.requireEvaluator(evaluator, exercise, "record observations");
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text is required, at most " + MAX_TEXT + " characters");
        }
        String checkedObjective = objective == null || objective.isBlank() ? null : objective.strip();
        if (checkedObjective != null && !exercise.objectives().contains(checkedObjective)) {
            throw new IllegalArgumentException("objective '" + checkedObjective + "' is not one of the exercise's "
                    + exercise.objectives());
        }
        UUID inject = null;
        if (injectNumber != null) {
            inject = injects.byNumber(exerciseId, injectNumber)
                    .orElseThrow(() -> new IllegalArgumentException("no inject " + injectNumber)).id();
        }
        UUID id = store.insertObservation(exerciseId, inject, checkedObjective, text.strip(), evaluator.username(),
                clock.instant());
        audit.record(evaluator.username(), "EXERCISE_OBSERVATION", "exercise:" + exerciseId + "/observation:" + id,
                (injectNumber == null ? "" : "inject " + injectNumber + " ") + (checkedObjective == null ? ""
                        : "objective " + checkedObjective));
        return store.observation(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public Evaluation evaluate(Subject subject, UUID exerciseId) {
        Exercise exercise = access.readable(subject, exerciseId);
        access.requireEvaluator(subject, exercise, "read the evaluation");
        return compute(exercise);
    }

    @Override
    @Transactional
    public byte[] afterActionPdf(Subject subject, UUID exerciseId) {
        Evaluation evaluation = evaluate(subject, exerciseId);
        audit.record(subject.username(), "EXERCISE_AAR_EXPORTED", "exercise:" + exerciseId, "PDF "
                + evaluation.exercise().label().marking());
        return pdf.render(evaluation);
    }

    Evaluation compute(Exercise exercise) {
        Instant now = clock.instant();
        Duration elapsed = exercise.clock().elapsed(now);
        List<Inject> msel = injects.list(exercise.id());
        List<PlayerAction> actions = store.actions(exercise.id());
        List<Evaluation.InjectMeasure> measures = new ArrayList<>();
        for (Inject inject : msel) {
            measures.add(measure(exercise, inject, actions, elapsed));
        }
        List<Observation> observations = store.observations(exercise.id());
        return new Evaluation(exercise, elapsed, now, measures,
                objectives(exercise, measures, store.trainingObjectives(exercise.id())),
                audience(exercise, msel, actions), observations, timeline(msel, actions, observations));
    }

    private static Evaluation.InjectMeasure measure(Exercise exercise, Inject inject, List<PlayerAction> actions,
            Duration elapsed) {
        Duration delivered = inject.deliveredAtExerciseTime();
        Optional<PlayerAction> ack = first(actions, inject, ExpectedAction.ACKNOWLEDGE_ALERT);
        Optional<PlayerAction> expected = inject.expectedAction().measurable()
                ? first(actions, inject, inject.expectedAction()) : Optional.empty();
        boolean missed = inject.expectedAction().measurable() && inject.status() == InjectStatus.DELIVERED
                && expected.isEmpty() && (inject.contingencyFired()
                        || inject.deadline() != null && delivered != null
                                && elapsed.compareTo(delivered.plus(inject.deadline())) >= 0
                        || exercise.status() != ExerciseStatus.RUNNING && exercise.status() != ExerciseStatus.PLANNED);
        return new Evaluation.InjectMeasure(inject.number(), inject.kind(), inject.objective(), inject.to(),
                inject.expectedAction(), inject.status(), inject.deliveredAt(), delivered,
                ack.map(a -> since(delivered, a)).orElse(null), ack.map(PlayerAction::actor).orElse(null),
                expected.map(a -> since(delivered, a)).orElse(null), expected.map(PlayerAction::actor).orElse(null),
                missed, inject.contingencyFired());
    }

    private static Optional<PlayerAction> first(List<PlayerAction> actions, Inject inject, ExpectedAction kind) {
        return actions.stream().filter(a -> inject.id().equals(a.injectId()) && a.action() == kind)
                .min(Comparator.comparing(PlayerAction::at));
    }

    private static @Nullable Duration since(@Nullable Duration delivered, PlayerAction action) {
        return delivered == null ? null : action.atExerciseTime().minus(delivered).abs();
    }

    private static List<Evaluation.ObjectiveMeasure> objectives(Exercise exercise,
            List<Evaluation.InjectMeasure> measures, Map<String, List<String>> trainingObjectives) {
        Map<String, List<Evaluation.InjectMeasure>> byObjective = new LinkedHashMap<>();
        exercise.objectives().forEach(o -> byObjective.put(o, new ArrayList<>()));
        for (Evaluation.InjectMeasure m : measures) {
            byObjective.computeIfAbsent(m.objective() == null ? "—" : m.objective(), o -> new ArrayList<>()).add(m);
        }
        List<Evaluation.ObjectiveMeasure> result = new ArrayList<>();
        byObjective.forEach((objective, list) -> result.add(new Evaluation.ObjectiveMeasure(objective, list.size(),
                (int) list.stream().filter(m -> m.status() == InjectStatus.DELIVERED).count(),
                (int) list.stream().filter(m -> m.timeToExpectedAction() != null).count(),
                (int) list.stream().filter(Evaluation.InjectMeasure::missed).count(),
                mean(list.stream().map(Evaluation.InjectMeasure::timeToExpectedAction).toList()),
                trainingObjectives.getOrDefault(objective, List.of()))));
        return result;
    }

    private static List<Evaluation.AudienceMeasure> audience(Exercise exercise, List<Inject> msel,
            List<PlayerAction> actions) {
        Map<UUID, Inject> byId = new LinkedHashMap<>();
        msel.forEach(i -> byId.put(i.id(), i));
        List<Evaluation.AudienceMeasure> result = new ArrayList<>();
        for (String nation : exercise.trainingAudience()) {
            List<@Nullable Duration> ackTimes = new ArrayList<>();
            int acks = 0;
            int expected = 0;
            for (PlayerAction action : actions) {
                UUID injectId = action.injectId();
                Inject inject = injectId == null ? null : byId.get(injectId);
                if (inject == null || !nation.equals(action.actorNation())) {
                    continue;
                }
                if (action.action() == ExpectedAction.ACKNOWLEDGE_ALERT) {
                    acks++;
                    ackTimes.add(since(inject.deliveredAtExerciseTime(), action));
                }
                if (action.action() == inject.expectedAction()) {
                    expected++;
                }
            }
            result.add(new Evaluation.AudienceMeasure(nation, acks, mean(ackTimes), expected));
        }
        return result;
    }

    private static @Nullable Duration mean(List<@Nullable Duration> durations) {
        OptionalDouble mean = durations.stream().filter(Objects::nonNull).mapToLong(Duration::toMillis).average();
        return mean.isPresent() ? Duration.ofMillis(Math.round(mean.getAsDouble())) : null;
    }

    private static List<Evaluation.TimelineEntry> timeline(List<Inject> msel, List<PlayerAction> actions,
            List<Observation> observations) {
        Map<UUID, Integer> numbers = new LinkedHashMap<>();
        msel.forEach(i -> numbers.put(i.id(), i.number()));
        List<Evaluation.TimelineEntry> entries = new ArrayList<>();
        for (Inject inject : msel) {
            if (inject.deliveredAt() != null) {
                entries.add(new Evaluation.TimelineEntry(inject.deliveredAt(), inject.deliveredAtExerciseTime(),
                        "Inject " + inject.number() + " " + inject.kind() + " from " + inject.from() + " delivered to "
                                + String.join(", ", inject.to())));
            }
        }
        for (PlayerAction action : actions) {
            entries.add(new Evaluation.TimelineEntry(action.at(), action.atExerciseTime(), action.action() + " by "
                    + action.actor() + (action.injectId() == null ? "" : " (inject "
                    + numbers.get(action.injectId()) + ")")));
        }
        for (Observation observation : observations) {
            entries.add(new Evaluation.TimelineEntry(observation.createdAt(), null, "Observation by "
                    + observation.author() + ": " + observation.text()));
        }
        entries.sort(Comparator.comparing(Evaluation.TimelineEntry::at));
        return entries;
    }
}
