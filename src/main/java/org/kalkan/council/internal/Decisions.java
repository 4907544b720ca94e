package org.kalkan.council.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.ConsultationId;
import org.kalkan.council.Decision;
import org.kalkan.council.DecisionId;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.DecisionVersion;
import org.kalkan.council.MeasureActivation;
import org.kalkan.council.MeasureOrder;
import org.kalkan.council.Position;
import org.kalkan.council.PositionKind;
import org.kalkan.council.Procedure;
import org.kalkan.council.SilenceBreak;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Decisions with their versions, named measures, positions, silence breaks and measure activations. */
@Repository
class Decisions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    Decisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DecisionRow row) {
        jdbc.sql("""
                INSERT INTO council_decision (id, procedure, status, version, silence_ends_at, crisis_id,
                    consultation_id, created_by, created_at, classification, releasable_to, origin_nation, exercise_id)
                VALUES (:id, :procedure, :status, :version, :ends, :crisis, :consultation, :by, :at, :classification,
                    :releasable, :origin, :exercise)""")
                .param("exercise", row.exerciseId())
                .param("id", row.id().value())
                .param("procedure", row.procedure().name())
                .param("status", row.status().name())
                .param("version", row.version())
                .param("ends", timestamp(row.silenceEndsAt()))
                .param("crisis", row.crisisId())
                .param("consultation", row.consultationId() == null ? null : row.consultationId().value())
                .param("by", row.createdBy())
                .param("at", timestamp(row.createdAt()))
                .param("classification", LabelColumns.classification(row.label()))
                .param("releasable", LabelColumns.releasableTo(row.label()))
                .param("origin", row.origin().value())
                .update();
    }

    void insertVersion(DecisionId id, DecisionVersion version) {
        jdbc.sql("""
                INSERT INTO council_decision_version (decision_id, version, title, text, silence_ends_at,
                    circulated_by, circulated_at, urgency, notified_delegates)
                VALUES (:id, :version, :title, :text, :ends, :by, :at, :urgency, :notified)""")
                .param("id", id.value())
                .param("version", version.version())
                .param("title", version.title())
                .param("text", version.text())
                .param("ends", timestamp(version.silenceEndsAt()))
                .param("by", version.circulatedBy())
                .param("at", timestamp(version.circulatedAt()))
                .param("urgency", version.urgency())
                .param("notified", version.notifiedDelegates().toArray(String[]::new))
                .update();
        for (MeasureOrder measure : version.measures()) {
            jdbc.sql("""
                    INSERT INTO council_decision_measure (decision_id, version, measure_code, parameters)
                    VALUES (:id, :version, :code, CAST(:parameters AS JSONB))""")
                    .param("id", id.value())
                    .param("version", version.version())
                    .param("code", measure.code())
                    .param("parameters", JSON.writeValueAsString(measure.parameters()))
                    .update();
        }
    }

    /** Locks the decision's row until the transaction ends: a break, a position and an adoption queue here. */
    Optional<DecisionRow> lock(DecisionId id) {
        return jdbc.sql("SELECT * FROM council_decision WHERE id = :id FOR UPDATE")
                .param("id", id.value()).query(Decisions::row).optional();
    }

    Optional<DecisionRow> find(DecisionId id) {
        return jdbc.sql("SELECT * FROM council_decision WHERE id = :id")
                .param("id", id.value()).query(Decisions::row).optional();
    }

    /** Decisions the filter lets through, newest first. */
    List<DecisionRow> readable(LabelFilter filter, int limit) {
        return jdbc.sql("SELECT * FROM council_decision d WHERE " + filter.sql()
                        + " ORDER BY d.created_at DESC, d.id LIMIT :limit")
                .params(filter.parameters()).param("limit", limit).query(Decisions::row).list();
    }

    /** Adopted decisions the filter lets through, in register order. */
    List<DecisionRow> register(LabelFilter filter) {
        return jdbc.sql("SELECT * FROM council_decision d WHERE d.register_number IS NOT NULL AND " + filter.sql()
                        + " ORDER BY d.adopted_at, d.register_number")
                .params(filter.parameters()).query(Decisions::row).list();
    }

    /** Decisions whose silence has ended, for whoever must adopt them. */
    List<DecisionId> dueBy(Instant now) {
        return jdbc.sql("""
                SELECT id FROM council_decision WHERE status = 'UNDER_SILENCE' AND silence_ends_at <= :now
                ORDER BY silence_ends_at""")
                .param("now", timestamp(now))
                .query((rs, i) -> new DecisionId(rs.getObject("id", UUID.class))).list();
    }

    void setStatus(DecisionId id, DecisionStatus status) {
        jdbc.sql("UPDATE council_decision SET status = :status WHERE id = :id")
                .param("status", status.name()).param("id", id.value()).update();
    }

    void recirculate(DecisionId id, int version, Instant silenceEndsAt) {
        jdbc.sql("""
                UPDATE council_decision SET status = 'UNDER_SILENCE', version = :version, silence_ends_at = :ends
                WHERE id = :id""")
                .param("version", version).param("ends", timestamp(silenceEndsAt)).param("id", id.value()).update();
    }

    void adopt(DecisionId id, DecisionStatus outcome, String registerNumber, Instant at) {
        jdbc.sql("""
                UPDATE council_decision SET status = :status, register_number = :number, adopted_at = :at,
                    closed_at = :at WHERE id = :id""")
                .param("status", outcome.name()).param("number", registerNumber).param("at", timestamp(at))
                .param("id", id.value()).update();
    }

    /** Closes the decision as not adopted; {@code reason} says why when a rule, not the members, refused it. */
    void notAdopted(DecisionId id, Instant at, @Nullable String reason) {
        jdbc.sql("UPDATE council_decision SET status = 'NOT_ADOPTED', closed_at = :at, not_adopted_reason = :reason "
                        + "WHERE id = :id")
                .param("at", timestamp(at)).param("reason", reason).param("id", id.value()).update();
    }

    void insertPosition(DecisionId id, Position position) {
        jdbc.sql("""
                INSERT INTO council_position (decision_id, version, nation, kind, statement, recorded_by, recorded_at)
                VALUES (:id, :version, :nation, :kind, :statement, :by, :at)""")
                .param("id", id.value()).param("version", position.version())
                .param("nation", position.nation().value()).param("kind", position.kind().name())
                .param("statement", position.statement()).param("by", position.recordedBy())
                .param("at", timestamp(position.recordedAt()))
                .update();
    }

    void insertBreak(DecisionId id, SilenceBreak silenceBreak) {
        jdbc.sql("""
                INSERT INTO council_silence_break (decision_id, version, nation, statement, broken_by, broken_at)
                VALUES (:id, :version, :nation, :statement, :by, :at)""")
                .param("id", id.value()).param("version", silenceBreak.version())
                .param("nation", silenceBreak.nation().value()).param("statement", silenceBreak.statement())
                .param("by", silenceBreak.brokenBy()).param("at", timestamp(silenceBreak.brokenAt()))
                .update();
    }

    void insertActivation(MeasureActivation activation) {
        jdbc.sql("""
                INSERT INTO measure_activation (id, decision_id, version, measure_code, parameters, crisis_id,
                    activated_at)
                VALUES (:id, :decision, :version, :code, CAST(:parameters AS JSONB), :crisis, :at)""")
                .param("id", activation.id()).param("decision", activation.decisionId().value())
                .param("version", activation.version()).param("code", activation.measureCode())
                .param("parameters", JSON.writeValueAsString(activation.parameters()))
                .param("crisis", activation.crisisId()).param("at", timestamp(activation.activatedAt()))
                .update();
    }

    /** The whole decision behind a row the caller has already been allowed to read. */
    Decision load(DecisionRow row) {
        UUID id = row.id().value();
        List<DecisionVersion> versions = versions(row.id());
        List<Position> positions = jdbc.sql(
                        "SELECT * FROM council_position WHERE decision_id = :id ORDER BY version, recorded_at, nation")
                .param("id", id)
                .query((rs, i) -> new Position(rs.getInt("version"), NationCode.of(rs.getString("nation")),
                        PositionKind.valueOf(rs.getString("kind")), rs.getString("statement"),
                        rs.getString("recorded_by"), required(rs, "recorded_at")))
                .list();
        List<SilenceBreak> breaks = jdbc.sql(
                        "SELECT * FROM council_silence_break WHERE decision_id = :id ORDER BY version, broken_at, nation")
                .param("id", id)
                .query((rs, i) -> new SilenceBreak(rs.getInt("version"), NationCode.of(rs.getString("nation")),
                        rs.getString("statement"), rs.getString("broken_by"), required(rs, "broken_at")))
                .list();
        DecisionVersion current = versions.get(versions.size() - 1);
        return new Decision(row.id(), row.procedure(), row.status(), row.version(), current.title(), current.text(),
                row.silenceEndsAt(), row.label(), row.origin(), row.crisisId(), row.consultationId(),
                row.registerNumber(), row.adoptedAt(), row.closedAt(), row.createdBy(), row.createdAt(),
                current.measures(), versions, positions, breaks, activations(row.id()), row.exerciseId(),
                row.notAdoptedReason());
    }

    /** Every version circulated, in order. */
    List<DecisionVersion> versions(DecisionId id) {
        record Text(int version, String title, String text, @Nullable Instant ends, String by, Instant at,
                @Nullable String urgency, List<String> notified) {
        }
        return jdbc.sql("SELECT * FROM council_decision_version WHERE decision_id = :id ORDER BY version")
                .param("id", id.value())
                .query((rs, i) -> new Text(rs.getInt("version"), rs.getString("title"), rs.getString("text"),
                        instant(rs, "silence_ends_at"), rs.getString("circulated_by"), required(rs, "circulated_at"),
                        rs.getString("urgency"), List.of((String[]) rs.getArray("notified_delegates").getArray())))
                .list().stream()
                .map(t -> new DecisionVersion(t.version(), t.title(), t.text(), t.ends(), measures(id, t.version()),
                        t.by(), t.at(), t.urgency(), t.notified()))
                .toList();
    }

    List<MeasureOrder> measures(DecisionId id, int version) {
        return jdbc.sql("""
                SELECT measure_code, parameters::text AS parameters FROM council_decision_measure
                WHERE decision_id = :id AND version = :version ORDER BY measure_code""")
                .param("id", id.value()).param("version", version)
                .query((rs, i) -> new MeasureOrder(rs.getString("measure_code"),
                        JSON.readValue(rs.getString("parameters"), PARAMETERS)))
                .list();
    }

    private List<MeasureActivation> activations(DecisionId id) {
        return jdbc.sql("""
                SELECT id, decision_id, version, measure_code, parameters::text AS parameters, crisis_id, activated_at
                FROM measure_activation WHERE decision_id = :id ORDER BY measure_code""")
                .param("id", id.value())
                .query((rs, i) -> new MeasureActivation(rs.getObject("id", UUID.class), id, rs.getInt("version"),
                        rs.getString("measure_code"), JSON.readValue(rs.getString("parameters"), PARAMETERS),
                        rs.getObject("crisis_id", UUID.class), required(rs, "activated_at")))
                .list();
    }

    private static DecisionRow row(ResultSet rs, int rowNumber) throws SQLException {
        UUID consultation = rs.getObject("consultation_id", UUID.class);
        return new DecisionRow(new DecisionId(rs.getObject("id", UUID.class)),
                Procedure.valueOf(rs.getString("procedure")), DecisionStatus.valueOf(rs.getString("status")),
                rs.getInt("version"), instant(rs, "silence_ends_at"), rs.getObject("crisis_id", UUID.class),
                consultation == null ? null : new ConsultationId(consultation), rs.getString("register_number"),
                instant(rs, "adopted_at"), instant(rs, "closed_at"), rs.getString("created_by"),
                required(rs, "created_at"), LabelColumns.read(rs), LabelColumns.origin(rs),
                rs.getObject("exercise_id", UUID.class), rs.getString("not_adopted_reason"));
    }

    static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** A NOT NULL timestamp column. */
    static Instant required(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
