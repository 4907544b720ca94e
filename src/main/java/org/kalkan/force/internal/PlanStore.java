package org.kalkan.force.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.PlanStatus;
import org.kalkan.force.SourcingPlan;
import org.kalkan.force.StoredPlan;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for stored sourcing plans with their assignments (and the offer each uses) and gaps. */
@Repository
public class PlanStore {

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a computed plan in the planner's context ({@code exercise}, null = real world: the context its
     * requirements were read in); {@code offerOfUnit} names the offer each assigned unit comes from.
     */
    public void insert(UUID id, @Nullable UUID crisisId, SourcingPlan plan, List<UUID> requirementIds,
            Map<UUID, UUID> offerOfAssignment, SecurityLabel label, NationCode origin, String by, Instant now,
            @Nullable UUID exercise) {
        jdbc.sql("""
                INSERT INTO force_plan (id, crisis_id, status, objective, bound, proven_optimal, requirement_ids,
                    classification, releasable_to, origin_nation, created_by, created_at, exercise_id)
                VALUES (:id, :crisis, 'DRAFT', :objective, :bound, :optimal, :requirements, :classification,
                    :releasable, :origin, :by, :now, :exercise)""")
                .param("exercise", exercise)
                .param("id", id).param("crisis", crisisId).param("objective", plan.objective())
                .param("bound", plan.bound()).param("optimal", plan.provenOptimal())
                .param("requirements", requirementIds.toArray(UUID[]::new))
                .param("classification", LabelColumns.classification(label))
                .param("releasable", LabelColumns.releasableTo(label)).param("origin", origin.value())
                .param("by", by).param("now", Timestamp.from(now)).update();
        for (SourcingPlan.Assignment a : plan.assignments()) {
            jdbc.sql("""
                    INSERT INTO force_plan_assignment (plan_id, requirement_id, unit_id, offer_id, nation,
                        estimated_arrival, late_hours, explanation)
                    VALUES (:plan, :requirement, :unit, :offer, :nation, :arrival, :late, :explanation)""")
                    .param("plan", id).param("requirement", a.requirementId()).param("unit", a.unitId())
                    .param("offer", offerOfAssignment.get(a.unitId())).param("nation", a.nation())
                    .param("arrival", Timestamp.from(a.estimatedArrival())).param("late", a.lateHours())
                    .param("explanation", a.explanation()).update();
        }
        for (SourcingPlan.Gap gap : plan.gaps()) {
            jdbc.sql("INSERT INTO force_plan_gap (plan_id, requirement_id, missing, reasons) "
                            + "VALUES (:plan, :requirement, :missing, :reasons)")
                    .param("plan", id).param("requirement", gap.requirementId()).param("missing", gap.missing())
                    .param("reasons", gap.reasons().toArray(String[]::new)).update();
        }
    }

    public Optional<StoredPlan> find(LabelFilter filter, UUID id) {
        return jdbc.sql("SELECT * FROM force_plan p WHERE p.id = :id AND " + filter.sql())
                .param("id", id).params(filter.parameters()).query(this::plan).optional();
    }

    /** The plan, its row locked; for the module's own acts (the caller has checked who may act). */
    public Optional<StoredPlan> lock(UUID id) {
        return jdbc.sql("SELECT * FROM force_plan p WHERE p.id = :id FOR UPDATE").param("id", id)
                .query(this::plan).optional();
    }

    public List<StoredPlan> ofCrisis(LabelFilter filter, UUID crisisId, int limit) {
        return jdbc.sql("SELECT * FROM force_plan p WHERE p.crisis_id = :crisis AND " + filter.sql()
                        + " ORDER BY p.created_at DESC LIMIT :limit")
                .param("crisis", crisisId).params(filter.parameters()).param("limit", limit).query(this::plan).list();
    }

    /** The offers the plan's assignments use. */
    public List<UUID> offers(UUID planId) {
        return jdbc.sql("SELECT offer_id FROM force_plan_assignment WHERE plan_id = :plan ORDER BY offer_id")
                .param("plan", planId).query(UUID.class).list();
    }

    public void submitted(UUID id, String by, Instant now) {
        jdbc.sql("UPDATE force_plan SET status = 'SUBMITTED', submitted_by = :by, submitted_at = :now WHERE id = :id")
                .param("id", id).param("by", by).param("now", Timestamp.from(now)).update();
    }

    public void circulated(UUID id, UUID decisionId) {
        jdbc.sql("UPDATE force_plan SET status = 'CIRCULATED', decision_id = :decision WHERE id = :id")
                .param("id", id).param("decision", decisionId).update();
    }

    /** The plan circulated as this Council decision, if any. */
    public Optional<UUID> circulatedAs(UUID decisionId) {
        return jdbc.sql("SELECT id FROM force_plan WHERE decision_id = :decision AND status = 'CIRCULATED'")
                .param("decision", decisionId).query(UUID.class).optional();
    }

    /** A circulated plan the Council did not adopt goes back to the chair: SUBMITTED, without a decision. */
    public boolean notAdopted(UUID id) {
        return jdbc.sql("UPDATE force_plan SET status = 'SUBMITTED', decision_id = NULL "
                        + "WHERE id = :id AND status = 'CIRCULATED'")
                .param("id", id).update() == 1;
    }

    public void adopted(UUID id, UUID decisionId, String registerNumber) {
        jdbc.sql("UPDATE force_plan SET status = 'ADOPTED', decision_id = :decision, register_number = :number "
                        + "WHERE id = :id")
                .param("id", id).param("decision", decisionId).param("number", registerNumber).update();
    }

    private StoredPlan plan(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<SourcingPlan.Assignment> assignments = jdbc.sql(
                        "SELECT * FROM force_plan_assignment WHERE plan_id = :plan ORDER BY estimated_arrival, unit_id")
                .param("plan", id)
                .query((a, i) -> new SourcingPlan.Assignment(a.getObject("requirement_id", UUID.class),
                        a.getObject("unit_id", UUID.class), a.getString("nation"),
                        a.getTimestamp("estimated_arrival").toInstant(), a.getDouble("late_hours"),
                        a.getString("explanation")))
                .list();
        List<SourcingPlan.Gap> gaps = jdbc.sql("SELECT * FROM force_plan_gap WHERE plan_id = :plan "
                        + "ORDER BY requirement_id")
                .param("plan", id)
                .query((g, i) -> new SourcingPlan.Gap(g.getObject("requirement_id", UUID.class), g.getInt("missing"),
                        Arrays.asList((String[]) g.getArray("reasons").getArray())))
                .list();
        SourcingPlan plan = new SourcingPlan(assignments, gaps, rs.getLong("objective"), rs.getLong("bound"),
                rs.getBoolean("proven_optimal"));
        return new StoredPlan(id, rs.getObject("crisis_id", UUID.class), PlanStatus.valueOf(rs.getString("status")),
                plan, Arrays.asList((UUID[]) rs.getArray("requirement_ids").getArray()),
                rs.getObject("decision_id", UUID.class), rs.getString("register_number"), SourcingStore.label(rs),
                NationCode.of(rs.getString("origin_nation")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("submitted_by"),
                SourcingStore.instant(rs.getTimestamp("submitted_at")), rs.getObject("exercise_id", UUID.class));
    }
}
