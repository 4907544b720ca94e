package org.kalkan.exercise.internal;

import java.util.UUID;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExpectedAction;
import org.kalkan.exercise.Inject;
import org.kalkan.notification.AlertAcknowledged;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Measures what players do: an acknowledgement of an alert an inject delivered is recorded against that inject,
 * with the exercise time it happened at. Events of the real world (no exercise id) are ignored.
 */
@Component
class PlayerActions {

    private final ExerciseStore exercises;
    private final InjectStore injects;
    private final EvaluationStore evaluation;
    private final UserDirectory users;

    PlayerActions(ExerciseStore exercises, InjectStore injects, EvaluationStore evaluation, UserDirectory users) {
        this.exercises = exercises;
        this.injects = injects;
        this.evaluation = evaluation;
        this.users = users;
    }

    @ApplicationModuleListener
    void on(AlertAcknowledged acknowledged) {
        UUID exerciseId = acknowledged.exerciseId();
        if (exerciseId == null) {
            return;
        }
        Exercise exercise = exercises.get(exerciseId).orElse(null);
        if (exercise == null) {
            return;
        }
        String ref = "alert:" + acknowledged.alertId();
        Inject inject = injects.byDeliveredRef(exerciseId, ref).orElse(null);
        evaluation.insertAction(exerciseId, inject == null ? null : inject.id(), ExpectedAction.ACKNOWLEDGE_ALERT,
                acknowledged.username(), users.find(acknowledged.username()).map(UserSummary::nation)
                        .map(n -> n.value()).orElse(null),
                acknowledged.acknowledgedAt(), exercise.clock().elapsed(acknowledged.acknowledgedAt()), ref);
    }
}
