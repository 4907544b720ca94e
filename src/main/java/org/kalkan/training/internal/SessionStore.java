package org.kalkan.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.kalkan.training.CourseId;
import org.kalkan.training.Nomination;
import org.kalkan.training.NominationId;
import org.kalkan.training.NominationStatus;
import org.kalkan.training.Outcome;
import org.kalkan.training.PersonId;
import org.kalkan.training.Session;
import org.kalkan.training.SessionDraft;
import org.kalkan.training.SessionId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for sessions, their quotas and nominations. Reads for a person filter sessions on alias {@code s};
 * nominations are read through their session. Changes to a session's nominations lock the session row first, so
 * two nominations never take the last seat twice.
 */
@Repository
class SessionStore {

    private static final String SESSION = """
            SELECT s.*, c.code AS course_code, c.title AS course_title,
                   (SELECT count(*) FROM training_nomination n WHERE n.session_id = s.id AND n.status = 'NOMINATED')
                       AS seated,
                   (SELECT count(*) FROM training_nomination n WHERE n.session_id = s.id AND n.status = 'WAITLISTED')
                       AS waiting
            FROM training_session s JOIN training_course c ON c.id = s.course_id""";

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SessionId id, CourseId course, SessionDraft d, NationCode origin, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO training_session (id, course_id, starts_on, ends_on, place, seats, nomination_deadline,
                    classification, releasable_to, origin_nation, created_by, created_at)
                VALUES (:id, :course, :start, :end, :place, :seats, :deadline, :classification, :releasable, :origin,
                    :by, :now)""")
                .param("id", id.value()).param("course", course.value()).param("start", Rows.sqlDate(d.start()))
                .param("end", Rows.sqlDate(d.end())).param("place", d.place()).param("seats", d.seats())
                .param("deadline", Rows.sqlDate(d.nominationDeadline()))
                .param("classification", LabelColumns.classification(d.label()))
                .param("releasable", LabelColumns.releasableTo(d.label())).param("origin", origin.value())
                .param("by", by).param("now", Timestamp.from(now)).update();
        d.quotas().forEach((nation, seats) -> jdbc.sql(
                        "INSERT INTO training_quota (session_id, nation, seats) VALUES (:s, :n, :seats)")
                .param("s", id.value()).param("n", nation).param("seats", seats).update());
    }

    Optional<Session> find(LabelFilter filter, SessionId id) {
        return withQuotas(jdbc.sql(SESSION + " WHERE s.id = :id AND " + filter.sql())
                .param("id", id.value()).params(filter.parameters()).query(SessionStore::session).list())
                .stream().findFirst();
    }

    Optional<Session> findUnchecked(SessionId id) {
        return withQuotas(jdbc.sql(SESSION + " WHERE s.id = :id").param("id", id.value())
                .query(SessionStore::session).list()).stream().findFirst();
    }

    /** Locks the session's row for a change to its nominations; false if it does not exist. */
    boolean lock(SessionId id) {
        return jdbc.sql("SELECT id FROM training_session WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(UUID.class).optional().isPresent();
    }

    List<Session> list(LabelFilter filter, @Nullable String course, int limit) {
        return withQuotas(jdbc.sql(SESSION + " WHERE " + filter.sql()
                        + " AND (CAST(:course AS TEXT) IS NULL OR c.code = :course) ORDER BY s.starts_on, c.code"
                        + " LIMIT :limit")
                .params(filter.parameters()).param("course", course).param("limit", limit)
                .query(SessionStore::session).list());
    }

    private List<Session> withQuotas(List<Session> sessions) {
        if (sessions.isEmpty()) {
            return sessions;
        }
        Map<UUID, Map<String, Integer>> quotas = new HashMap<>();
        jdbc.sql("SELECT * FROM training_quota WHERE session_id = ANY(:ids)")
                .param("ids", sessions.stream().map(s -> s.id().value()).toArray(UUID[]::new))
                .query(rs -> {
                    quotas.computeIfAbsent(Rows.uuid(rs, "session_id"), k -> new TreeMap<>())
                            .put(rs.getString("nation").strip(), rs.getInt("seats"));
                });
        return sessions.stream().map(s -> new Session(s.id(), s.courseId(), s.courseCode(), s.courseTitle(),
                s.start(), s.end(), s.place(), s.seats(), quotas.getOrDefault(s.id().value(), Map.of()),
                s.nominationDeadline(), s.label(), s.originNation(), s.seated(), s.waiting(), s.version())).toList();
    }

    // ---- nominations

    void insertNomination(NominationId id, SessionId session, PersonId person, NationCode nation,
            NominationStatus status, int priority, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO training_nomination (id, session_id, person_id, nation, status, priority, nominated_by,
                    nominated_at)
                VALUES (:id, :session, :person, :nation, :status, :priority, :by, :now)""")
                .param("id", id.value()).param("session", session.value()).param("person", person.value())
                .param("nation", nation.value()).param("status", status.name()).param("priority", priority)
                .param("by", by).param("now", Timestamp.from(now)).update();
    }

    Optional<Nomination> nomination(SessionId session, NominationId id) {
        return jdbc.sql("SELECT * FROM training_nomination WHERE id = :id AND session_id = :s")
                .param("id", id.value()).param("s", session.value()).query(SessionStore::nomination).optional();
    }

    Optional<Nomination> nominationOf(SessionId session, PersonId person) {
        return jdbc.sql("SELECT * FROM training_nomination WHERE session_id = :s AND person_id = :p")
                .param("s", session.value()).param("p", person.value()).query(SessionStore::nomination).optional();
    }

    /** The session's nominations: seats first, then the waiting list in its order, then the others. */
    List<Nomination> nominations(SessionId session) {
        return jdbc.sql("""
                SELECT * FROM training_nomination WHERE session_id = :s
                ORDER BY CASE status WHEN 'NOMINATED' THEN 0 WHEN 'WAITLISTED' THEN 1 ELSE 2 END, priority, arrival""")
                .param("s", session.value()).query(SessionStore::nomination).list();
    }

    List<Nomination> nominationsOf(PersonId person) {
        return jdbc.sql("SELECT * FROM training_nomination WHERE person_id = :p ORDER BY nominated_at DESC")
                .param("p", person.value()).query(SessionStore::nomination).list();
    }

    void setStatus(NominationId id, NominationStatus status, @Nullable String note) {
        jdbc.sql("UPDATE training_nomination SET status = :status, note = COALESCE(:note, note) WHERE id = :id")
                .param("id", id.value()).param("status", status.name()).param("note", note).update();
    }

    void setResult(NominationId id, Outcome outcome, String by, Instant now) {
        jdbc.sql("UPDATE training_nomination SET result = :r, result_by = :by, result_at = :now WHERE id = :id")
                .param("id", id.value()).param("r", outcome.name()).param("by", by).param("now", Timestamp.from(now))
                .update();
    }

    private static Session session(ResultSet rs, int row) throws SQLException {
        return new Session(new SessionId(Rows.uuid(rs, "id")), new CourseId(Rows.uuid(rs, "course_id")),
                rs.getString("course_code"), rs.getString("course_title"), Rows.date(rs, "starts_on"),
                Rows.date(rs, "ends_on"), rs.getString("place"), rs.getInt("seats"), Map.of(),
                Rows.date(rs, "nomination_deadline"), LabelColumns.read(rs),
                NationCode.of(rs.getString("origin_nation").strip()), rs.getInt("seated"), rs.getInt("waiting"),
                rs.getInt("version"));
    }

    private static Nomination nomination(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        return new Nomination(new NominationId(Rows.uuid(rs, "id")), new SessionId(Rows.uuid(rs, "session_id")),
                new PersonId(Rows.uuid(rs, "person_id")), NationCode.of(rs.getString("nation").strip()),
                NominationStatus.valueOf(rs.getString("status")), rs.getInt("priority"), rs.getLong("arrival"),
                result == null ? null : Outcome.valueOf(result), rs.getString("nominated_by"),
                Rows.instant(rs, "nominated_at"), rs.getString("note"));
    }
}
