package org.kalkan.notification.internal;

import org.kalkan.security.AuditTrail;
import org.kalkan.shared.ExercisePurged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deletes the alerts of a purged exercise and their recipients, in the purge's transaction (ADR 0006). */
@Component
class ExerciseAlertsPurge {

    private static final String OF_EXERCISE = "SELECT id FROM alert WHERE exercise_id = :id";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ExerciseAlertsPurge(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void on(ExercisePurged purged) {
        jdbc.sql("DELETE FROM alert_recipient WHERE alert_id IN (" + OF_EXERCISE + ")")
                .param("id", purged.exerciseId()).update();
        jdbc.sql("UPDATE alert SET escalated_from = NULL WHERE exercise_id = :id").param("id", purged.exerciseId())
                .update();
        int alerts = jdbc.sql("DELETE FROM alert WHERE exercise_id = :id").param("id", purged.exerciseId()).update();
        audit.record(purged.purgedBy(), "EXERCISE_ALERTS_PURGED", "exercise:" + purged.exerciseId(),
                alerts + " alerts deleted");
    }
}
