package org.kalkan.force.internal;

import java.util.List;
import org.kalkan.security.AuditTrail;
import org.kalkan.shared.ExercisePurged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the force requirements of a purged exercise's crises, with their requests, offers and any plan drawn
 * from them, in the purge's transaction (ADR 0006). The units themselves are the real registry and stay.
 */
@Component
class ExerciseRequirementsPurge {

    private static final String REQUIREMENTS = "SELECT id FROM force_requirement WHERE exercise_id = :id";
    private static final String PLANS = "SELECT id FROM force_plan WHERE crisis_id IN "
            + "(SELECT crisis_id FROM force_requirement WHERE exercise_id = :id)";
    private static final List<String> CHILDREN = List.of(
            "DELETE FROM force_plan_assignment WHERE plan_id IN (" + PLANS + ")",
            "DELETE FROM force_plan_gap WHERE plan_id IN (" + PLANS + ")",
            "DELETE FROM force_plan WHERE id IN (" + PLANS + ")",
            "DELETE FROM force_offer WHERE requirement_id IN (" + REQUIREMENTS + ")",
            "DELETE FROM force_request WHERE requirement_id IN (" + REQUIREMENTS + ")");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ExerciseRequirementsPurge(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void on(ExercisePurged purged) {
        CHILDREN.forEach(sql -> jdbc.sql(sql).param("id", purged.exerciseId()).update());
        int requirements = jdbc.sql("DELETE FROM force_requirement WHERE exercise_id = :id")
                .param("id", purged.exerciseId()).update();
        audit.record(purged.purgedBy(), "EXERCISE_REQUIREMENTS_PURGED", "exercise:" + purged.exerciseId(),
                requirements + " force requirements deleted with their requests, offers and plans");
    }
}
