package org.kalkan.incident.internal;

import org.kalkan.shared.ExercisePurged;
import org.kalkan.security.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deletes the reports and incidents of a purged exercise, in the purge's transaction (ADR 0006). */
@Component
class ExerciseReportsPurge {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ExerciseReportsPurge(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void on(ExercisePurged purged) {
        int reports = jdbc.sql("DELETE FROM report WHERE exercise_id = :id").param("id", purged.exerciseId()).update();
        jdbc.sql("UPDATE incident SET merged_into = NULL WHERE exercise_id = :id").param("id", purged.exerciseId())
                .update();
        int incidents = jdbc.sql("DELETE FROM incident WHERE exercise_id = :id").param("id", purged.exerciseId())
                .update();
        audit.record(purged.purgedBy(), "EXERCISE_INCIDENTS_PURGED", "exercise:" + purged.exerciseId(),
                reports + " reports, " + incidents + " incidents deleted");
    }
}
