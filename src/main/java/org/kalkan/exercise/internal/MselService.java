package org.kalkan.exercise.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExerciseClock;
import org.kalkan.exercise.ExerciseStatus;
import org.kalkan.exercise.Inject;
import org.kalkan.exercise.InjectStatus;
import org.kalkan.exercise.Msel;
import org.kalkan.exercise.NewInject;
import org.kalkan.exercise.StartCondition;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Msel}, implemented: the checks, the store and the audit behind the module's API. */
@Service
class MselService implements Msel {

    private final ExerciseStore exercises;
    private final InjectStore injects;
    private final ExerciseAccess access;
    private final InjectContent content;
    private final Deliveries deliveries;
    private final AuditTrail audit;
    private final UserDirectory users;
    private final AccessPolicy policy;

    MselService(ExerciseStore exercises, InjectStore injects, ExerciseAccess access, InjectContent content,
            Deliveries deliveries, AuditTrail audit, UserDirectory users, AccessPolicy policy) {
        this.policy = policy;
        this.users = users;
        this.exercises = exercises;
        this.injects = injects;
        this.access = access;
        this.content = content;
        this.deliveries = deliveries;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Inject add(Subject subject, UUID exerciseId, NewInject inject) {
        Exercise exercise = editable(subject, exerciseId, "add injects");
        Set<Integer> numbers = numbers(exerciseId);
        check(subject, exercise, inject, numbers);
        return store(subject, exercise, inject);
    }

    @Override
    @Transactional
    public List<Inject> importAll(Subject subject, UUID exerciseId, List<@Nullable NewInject> rows,
            List<RowError> parseErrors) {
        Exercise exercise = editable(subject, exerciseId, "import injects");
        List<RowError> errors = new ArrayList<>(parseErrors);
        Set<Integer> numbers = numbers(exerciseId);
        for (int i = 0; i < rows.size(); i++) {
            NewInject row = rows.get(i);
            if (row == null) {
                continue;
            }
            try {
                check(subject, exercise, row, numbers);
                numbers.add(row.number());
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                errors.add(new RowError(i + 1, message == null ? "the row is not valid" : message));
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            throw new IllegalArgumentException("the file holds no injects");
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            throw new ImportRefused(errors);
        }
        List<Inject> stored = rows.stream().map(row -> store(subject, exercise, row)).toList();
        audit.record(subject.username(), "EXERCISE_MSEL_IMPORTED", "exercise:" + exerciseId, stored.size()
                + " injects");
        return stored;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Inject> list(Subject subject, UUID exerciseId) {
        Exercise exercise = access.readable(subject, exerciseId);
        access.requireEvaluator(subject, exercise, "read the MSEL");
        return injects.listFor(exerciseId, policy.filterAcrossContexts(subject, "i")).stream()
                .map(i -> readable(subject, i)).toList();
    }

    /** The inject as the subject may see it: the content asserted readable, or withheld. */
    private Inject readable(Subject subject, Inject inject) {
        if (inject.contentWithheld() || !policy.canReadInAnyContext(subject, inject.label(), inject.originNation())) {
            return inject.withheld();
        }
        return inject;
    }

    @Override
    @Transactional
    public Inject act(Subject subject, UUID exerciseId, int number, Action action, @Nullable Duration by) {
        Exercise exercise = access.readable(subject, exerciseId);
        access.requireExcon(subject, exercise, "steer injects");
        if (!exercise.status().open() || exercise.status() == ExerciseStatus.ENDED && action != Action.CANCEL) {
            throw new RefusedException("The exercise is " + exercise.status() + ".");
        }
        exercise = exercises.lock(exerciseId).orElseThrow();
        Inject inject = injects.lockByNumber(exerciseId, number)
                .orElseThrow(() -> new NotFoundException("No inject " + number + " in this exercise."));
        String target = "exercise:" + exerciseId + "/inject:" + number;
        switch (action) {
            case DELIVER -> {
                require(inject, inject.status() == InjectStatus.PLANNED || inject.status() == InjectStatus.SCHEDULED,
                        "deliver");
                requireStarted(exercise);
                return readable(subject, deliveries.deliver(exercise, inject, subject.username()));
            }
            case RESEND -> {
                require(inject, inject.status() == InjectStatus.DELIVERED, "resend");
                requireStarted(exercise);
                return readable(subject, deliveries.deliver(exercise, inject, subject.username()));
            }
            case HOLD, RELEASE -> {
                require(inject, inject.status() == InjectStatus.PLANNED || inject.status() == InjectStatus.SCHEDULED,
                        action.name().toLowerCase(java.util.Locale.ROOT));
                injects.hold(inject.id(), action == Action.HOLD);
            }
            case DELAY -> {
                require(inject, inject.status() == InjectStatus.PLANNED || inject.status() == InjectStatus.SCHEDULED,
                        "delay");
                if (by == null || by.isNegative() || by.isZero()) {
                    throw new IllegalArgumentException("delay needs a positive duration: {\"action\":\"delay\","
                            + "\"by\":\"PT5M\"}");
                }
                injects.delay(inject.id(), by);
            }
            case CANCEL -> {
                require(inject, inject.status() != InjectStatus.DELIVERED && inject.status() != InjectStatus.CANCELLED,
                        "cancel");
                injects.cancel(inject.id());
            }
        }
        audit.record(subject.username(), "EXERCISE_INJECT_" + action, target, by == null ? "" : "by " + by);
        return readable(subject, injects.find(inject.id()).orElseThrow());
    }

    private Inject store(Subject subject, Exercise exercise, NewInject inject) {
        boolean timedAndRunning = inject.startCondition() == StartCondition.AT_TIME
                && exercise.clock().state() != ExerciseClock.State.STOPPED;
        SecurityLabel label = InjectContent.labelOf(inject.content(), exercise.label());
        UUID id = injects.insert(exercise.id(), inject, timedAndRunning ? inject.at() : null, label,
                subject.nation());
        audit.record(subject.username(), "EXERCISE_INJECT_ADDED", "exercise:" + exercise.id() + "/inject:"
                + inject.number(), inject.kind() + " " + inject.startCondition() + " " + inject.at() + " to "
                + inject.to());
        return readable(subject, injects.find(id).orElseThrow());
    }

    private Exercise editable(Subject subject, UUID exerciseId, String what) {
        Exercise exercise = access.readable(subject, exerciseId);
        access.requireExcon(subject, exercise, what);
        if (!exercise.status().open() || exercise.status() == ExerciseStatus.ENDED) {
            throw new RefusedException("The exercise is " + exercise.status() + "; its MSEL can no longer change.");
        }
        return exercise;
    }

    private void check(Subject subject, Exercise exercise, NewInject inject, Set<Integer> numbers) {
        if (numbers.contains(inject.number())) {
            throw new IllegalArgumentException("inject number " + inject.number() + " is already taken");
        }
        for (String recipient : inject.to()) {
            if (NationCode.isValid(recipient)) {
                if (!exercise.trainingAudience().contains(recipient)) {
                    throw new IllegalArgumentException("to: " + recipient + " is not in the training audience "
                            + exercise.trainingAudience());
                }
            } else if (users.find(recipient).isEmpty()) {
                throw new IllegalArgumentException("to: no user " + recipient);
            }
        }
        content.validate(inject.kind(), inject.content(), inject.from(), inject.to(), exercise.label());
        // The author may write the content's label (known entries, within their clearance), like any record.
        policy.checkWritable(subject, InjectContent.labelOf(inject.content(), exercise.label()));
    }

    private Set<Integer> numbers(UUID exerciseId) {
        Set<Integer> numbers = new HashSet<>();
        injects.list(exerciseId).forEach(i -> numbers.add(i.number()));
        return numbers;
    }

    private static void require(Inject inject, boolean allowed, String what) {
        if (!allowed) {
            throw new RefusedException("Inject " + inject.number() + " is " + inject.status() + "; it cannot " + what
                    + ".");
        }
    }

    private static void requireStarted(Exercise exercise) {
        if (exercise.clock().state() == ExerciseClock.State.STOPPED) {
            throw new RefusedException("Start the exercise clock before delivering injects.");
        }
    }
}
