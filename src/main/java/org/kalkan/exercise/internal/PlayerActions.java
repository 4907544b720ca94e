package org.kalkan.exercise.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.DecisionAdopted;
import org.kalkan.crisis.CrisisOpened;
import org.kalkan.crisis.RfiAnswered;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExpectedAction;
import org.kalkan.exercise.Inject;
import org.kalkan.exercise.InjectStatus;
import org.kalkan.exercise.PlayerAction;
import org.kalkan.incident.IncidentReported;
import org.kalkan.notification.AlertAcknowledged;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Measures what players do from the events themselves, with the exercise time it happened at: an acknowledgement
 * of an alert an inject delivered, a crisis opened, an RFI answered, a Council decision adopted and a report filed
 * inside the exercise. Each counts for the inject it answers — the one whose delivered record it names (the
 * incident a crisis was opened on, the RFI answered, the alert acknowledged), otherwise the earliest delivered
 * inject expecting that action that has none yet (for a report: one addressed to the reporter first). Reports that
 * are themselves inject deliveries, or filed by EXCON, are not player actions. Real-world events are ignored.
 */
@Component
class PlayerActions {

    private final ExerciseStore exercises;
    private final InjectStore injects;
    private final EvaluationStore evaluation;
    private final UserDirectory users;
    private final Clock clock;

    PlayerActions(ExerciseStore exercises, InjectStore injects, EvaluationStore evaluation, UserDirectory users,
            Clock clock) {
        this.exercises = exercises;
        this.injects = injects;
        this.evaluation = evaluation;
        this.users = users;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AlertAcknowledged acknowledged) {
        UUID exerciseId = acknowledged.exerciseId();
        Exercise exercise = exerciseId == null ? null : exercises.get(exerciseId).orElse(null);
        if (exercise == null) {
            return;
        }
        String ref = "alert:" + acknowledged.alertId();
        Inject inject = injects.byDeliveredRef(exercise.id(), ref).orElse(null);
        insert(exercise, inject, ExpectedAction.ACKNOWLEDGE_ALERT, acknowledged.username(),
                acknowledged.acknowledgedAt(), ref);
    }

    @ApplicationModuleListener
    void on(CrisisOpened opened) {
        Exercise exercise = exercise(opened.exerciseId());
        if (exercise == null) {
            return;
        }
        List<String> incidents = opened.incidentIds().stream().map(id -> "incident:" + id.value()).toList();
        Inject inject = answering(exercise, ExpectedAction.OPEN_CRISIS,
                i -> i.deliveredRef() != null && incidents.stream().anyMatch(i.deliveredRef()::contains), i -> true);
        insert(exercise, inject, ExpectedAction.OPEN_CRISIS, opened.openedBy(), clock.instant(),
                "crisis:" + opened.crisisId().value());
    }

    @ApplicationModuleListener
    void on(RfiAnswered answered) {
        Exercise exercise = exercise(answered.exerciseId());
        if (exercise == null) {
            return;
        }
        String rfi = "rfi:" + answered.rfiId();
        Inject inject = answering(exercise, ExpectedAction.ANSWER_RFI,
                i -> i.deliveredRef() != null && i.deliveredRef().contains(rfi), i -> true);
        insert(exercise, inject, ExpectedAction.ANSWER_RFI, answered.answeredBy(), answered.answeredAt(),
                rfi + " answer:" + answered.answerId());
    }

    @ApplicationModuleListener
    void on(DecisionAdopted adopted) {
        Exercise exercise = exercise(adopted.exerciseId());
        if (exercise == null) {
            return;
        }
        Inject inject = answering(exercise, ExpectedAction.ADOPT_DECISION, i -> false, i -> true);
        insert(exercise, inject, ExpectedAction.ADOPT_DECISION, "council", adopted.at(),
                "decision:" + adopted.decisionId().value() + " " + adopted.registerNumber());
    }

    // Only exercise reports are player actions. The condition keeps real-world reports out of the event publication
    // registry: without it each one cost a stored event, a second transaction and its completion write, only to be
    // ignored here.
    @ApplicationModuleListener(condition = "#reported.exerciseId() != null")
    void on(IncidentReported reported) {
        Exercise exercise = exercise(reported.exerciseId());
        if (exercise == null || exercise.isExcon(reported.reportedBy())) {
            return;
        }
        String report = "report:" + reported.reportId().value();
        boolean delivery = injects.list(exercise.id()).stream()
                .anyMatch(i -> i.deliveredRef() != null && i.deliveredRef().contains(report));
        if (delivery) {
            return;
        }
        String nation = users.find(reported.reportedBy()).map(u -> u.nation().value()).orElse("");
        Inject inject = answering(exercise, ExpectedAction.FILE_REPORT, i -> false,
                i -> i.to().contains(nation) || i.to().contains(reported.reportedBy()));
        insert(exercise, inject, ExpectedAction.FILE_REPORT, reported.reportedBy(), clock.instant(),
                report + " incident:" + reported.incident().id().value());
    }

    private @Nullable Exercise exercise(@Nullable UUID id) {
        return id == null ? null : exercises.get(id).orElse(null);
    }

    /**
     * The inject the action answers: a delivered one expecting it that names the action's record, else the earliest
     * delivered one expecting it that has no such action yet (preferring those {@code preferred} accepts).
     */
    private @Nullable Inject answering(Exercise exercise, ExpectedAction action, Predicate<Inject> names,
            Predicate<Inject> preferred) {
        List<Inject> delivered = injects.list(exercise.id()).stream()
                .filter(i -> i.status() == InjectStatus.DELIVERED && i.expectedAction() == action)
                .sorted(Comparator.comparing(Inject::deliveredAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        Optional<Inject> named = delivered.stream().filter(names).findFirst();
        if (named.isPresent()) {
            return named.get();
        }
        List<PlayerAction> done = evaluation.actions(exercise.id());
        List<Inject> open = delivered.stream().filter(i -> done.stream()
                .noneMatch(a -> i.id().equals(a.injectId()) && a.action() == action)).toList();
        return open.stream().filter(preferred).findFirst().orElse(open.stream().findFirst().orElse(null));
    }

    private void insert(Exercise exercise, @Nullable Inject inject, ExpectedAction action, String actor, Instant at,
            String reference) {
        evaluation.insertAction(exercise.id(), inject == null ? null : inject.id(), action, actor,
                users.find(actor).map(UserSummary::nation).map(n -> n.value()).orElse(null), at,
                exercise.clock().elapsed(at), reference);
    }
}
