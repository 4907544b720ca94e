package org.kalkan.crisis.internal;

import java.util.List;
import org.kalkan.security.AuditTrail;
import org.kalkan.shared.ExercisePurged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the crises of a purged exercise with everything in them, in the purge's transaction (ADR 0006). The
 * log's and SITREPs' immutability triggers let exercise rows go (V32), and only those.
 */
@Component
class ExerciseCrisesPurge {

    private static final String CRISES = "SELECT id FROM crisis WHERE exercise_id = :id";
    private static final List<String> CHILDREN = List.of(
            "DELETE FROM crisis_rfi_answer WHERE rfi_id IN (SELECT id FROM crisis_rfi WHERE crisis_id IN (" + CRISES
                    + "))",
            "DELETE FROM crisis_rfi WHERE crisis_id IN (" + CRISES + ")",
            "DELETE FROM crisis_task WHERE crisis_id IN (" + CRISES + ")",
            "DELETE FROM crisis_sitrep WHERE crisis_id IN (" + CRISES + ")",
            "DELETE FROM crisis_log_entry WHERE crisis_id IN (" + CRISES + ")",
            "DELETE FROM crisis_incident WHERE crisis_id IN (" + CRISES + ")",
            "DELETE FROM crisis_team_user WHERE crisis_id IN (" + CRISES + ")",
            "DELETE FROM crisis_team_nation WHERE crisis_id IN (" + CRISES + ")");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ExerciseCrisesPurge(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void on(ExercisePurged purged) {
        CHILDREN.forEach(sql -> jdbc.sql(sql).param("id", purged.exerciseId()).update());
        int crises = jdbc.sql("DELETE FROM crisis WHERE exercise_id = :id").param("id", purged.exerciseId()).update();
        audit.record(purged.purgedBy(), "EXERCISE_CRISES_PURGED", "exercise:" + purged.exerciseId(),
                crises + " crises deleted with their logs, tasks, RFIs and SITREPs");
    }
}
