package org.kalkan.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kalkan.force.Capability;
import org.kalkan.force.UnitId;
import org.kalkan.shared.NationCode;
import org.kalkan.training.Billet;
import org.kalkan.training.CertificationId;
import org.kalkan.training.CertificationOutcome;
import org.kalkan.training.Criterion;
import org.kalkan.training.UnitCertification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQL for unit certifications and billets. Both are read through their unit, whose label the caller has checked
 * in the force registry; the criteria are kept as a JSON column.
 */
@Repository
class CertificationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    CertificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UnitCertification c, NationCode unitNation) {
        ArrayNode criteria = JSON.createArrayNode();
        for (Criterion criterion : c.criteria()) {
            ObjectNode node = criteria.addObject();
            node.put("criterion", criterion.criterion());
            node.put("met", criterion.met());
            node.put("evidence", criterion.evidence());
        }
        jdbc.sql("""
                INSERT INTO training_unit_certification (id, unit_id, unit_nation, capability, outcome, evaluated_on,
                    valid_until, criteria, exercise_id, notes, certified_by, recorded_at)
                VALUES (:id, :unit, :nation, :capability, :outcome, :evaluated, :valid, CAST(:criteria AS JSONB),
                    :exercise, :notes, :by, :at)""")
                .param("id", c.id().value()).param("unit", c.unit().value()).param("nation", unitNation.value())
                .param("capability", c.capability().name()).param("outcome", c.outcome().name())
                .param("evaluated", Rows.sqlDate(c.evaluatedOn())).param("valid", Rows.sqlDate(c.validUntil()))
                .param("criteria", JSON.writeValueAsString(criteria)).param("exercise", c.exerciseId())
                .param("notes", c.notes()).param("by", c.certifiedBy()).param("at", Timestamp.from(c.recordedAt()))
                .update();
    }

    List<UnitCertification> ofUnit(UnitId unit) {
        return jdbc.sql("""
                SELECT * FROM training_unit_certification WHERE unit_id = :u
                ORDER BY evaluated_on DESC, recorded_at DESC""")
                .param("u", unit.value()).query(CertificationStore::certification).list();
    }

    /** The latest evaluation of the unit for the capability made by the day (the one that decides that day). */
    Optional<UnitCertification> deciding(UnitId unit, Capability capability, LocalDate day) {
        return jdbc.sql("""
                SELECT * FROM training_unit_certification
                WHERE unit_id = :u AND capability = :c AND evaluated_on <= :day
                ORDER BY evaluated_on DESC, recorded_at DESC LIMIT 1""")
                .param("u", unit.value()).param("c", capability.name()).param("day", Rows.sqlDate(day))
                .query(CertificationStore::certification).optional();
    }

    /** Certifications whose validity ended by the day, not superseded by a later evaluation, not yet announced. */
    record Lapse(UUID id, UnitId unit, NationCode nation, Capability capability, LocalDate validUntil) {
    }

    List<Lapse> lapsed(LocalDate day) {
        return jdbc.sql("""
                SELECT c.id, c.unit_id, c.unit_nation, c.capability, c.valid_until FROM training_unit_certification c
                WHERE c.outcome = 'CERTIFIED' AND c.lapse_announced_at IS NULL AND c.valid_until <= :day
                  AND NOT EXISTS (SELECT 1 FROM training_unit_certification later
                                  WHERE later.unit_id = c.unit_id AND later.capability = c.capability
                                    AND later.outcome = 'CERTIFIED' AND later.evaluated_on <= :day
                                    AND later.valid_until > :day)
                ORDER BY c.valid_until LIMIT 500""")
                .param("day", Rows.sqlDate(day))
                .query((rs, i) -> new Lapse(Rows.uuid(rs, "id"), new UnitId(Rows.uuid(rs, "unit_id")),
                        NationCode.of(rs.getString("unit_nation").strip()),
                        Capability.valueOf(rs.getString("capability")),
                        Rows.date(rs, "valid_until")))
                .list();
    }

    /** Marks the lapse announced; false if another poller (or node) announced it first. */
    boolean announced(UUID certification, Instant at) {
        return jdbc.sql("UPDATE training_unit_certification SET lapse_announced_at = :at"
                        + " WHERE id = :id AND lapse_announced_at IS NULL")
                .param("id", certification).param("at", Timestamp.from(at)).update() == 1;
    }

    /** The capabilities the unit has been evaluated for or has billets in. */
    List<Capability> capabilitiesOf(UnitId unit) {
        return jdbc.sql("""
                SELECT capability FROM training_unit_certification WHERE unit_id = :u
                UNION SELECT capability FROM training_billet WHERE unit_id = :u ORDER BY 1""")
                .param("u", unit.value()).query((rs, i) -> Capability.valueOf(rs.getString(1))).list();
    }

    // ---- billets

    void replaceBillets(UnitId unit, List<Billet> billets, String by, Instant now) {
        jdbc.sql("DELETE FROM training_billet WHERE unit_id = :u").param("u", unit.value()).update();
        for (Billet b : billets) {
            jdbc.sql("""
                    INSERT INTO training_billet (unit_id, capability, qualification, required, set_by, set_at)
                    VALUES (:u, :c, :q, :r, :by, :now)""")
                    .param("u", unit.value()).param("c", b.capability().name()).param("q", b.qualification())
                    .param("r", b.required()).param("by", by).param("now", Timestamp.from(now)).update();
        }
    }

    List<Billet> billets(UnitId unit) {
        return jdbc.sql("SELECT * FROM training_billet WHERE unit_id = :u ORDER BY capability, qualification")
                .param("u", unit.value())
                .query((rs, i) -> new Billet(Capability.valueOf(rs.getString("capability")),
                        rs.getString("qualification"), rs.getInt("required")))
                .list();
    }

    /** Billets needing the qualification, per unit: for the seat allocator. */
    List<Object[]> billetsFor(String qualification) {
        return jdbc.sql("SELECT unit_id, sum(required) AS required FROM training_billet WHERE qualification = :q"
                        + " GROUP BY unit_id")
                .param("q", qualification)
                .query((rs, i) -> new Object[] {Rows.uuid(rs, "unit_id"), rs.getInt("required")}).list();
    }

    private static UnitCertification certification(ResultSet rs, int row) throws SQLException {
        List<Criterion> criteria = new ArrayList<>();
        JsonNode array = JSON.readTree(rs.getString("criteria"));
        for (JsonNode node : array) {
            JsonNode evidence = node.get("evidence");
            criteria.add(new Criterion(node.get("criterion").asString(), node.get("met").asBoolean(),
                    evidence == null || evidence.isNull() ? null : evidence.asString()));
        }
        String exercise = rs.getString("exercise_id");
        return new UnitCertification(new CertificationId(Rows.uuid(rs, "id")), new UnitId(Rows.uuid(rs, "unit_id")),
                Capability.valueOf(rs.getString("capability")),
                CertificationOutcome.valueOf(rs.getString("outcome")), Rows.date(rs, "evaluated_on"),
                Rows.optionalDate(rs, "valid_until"), criteria, exercise == null ? null : UUID.fromString(exercise),
                rs.getString("notes"), rs.getString("certified_by"), Rows.instant(rs, "recorded_at"));
    }
}
