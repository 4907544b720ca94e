package org.kalkan.council.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Consultation;
import org.kalkan.council.ConsultationId;
import org.kalkan.council.ConsultationRequest;
import org.kalkan.council.ConsultationRequested;
import org.kalkan.council.Session;
import org.kalkan.council.ThreatGround;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.LabelFilter;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultations and the sessions whose agenda they are on. A request goes on the agenda of the next session
 * without minutes, dated today or later, that every member may see (released to MEMBERS or ALL); when none is
 * scheduled, an extraordinary session is convened for the next day.
 */
@Component
class Agenda {

    /** The label of an extraordinary session convened for a consultation: its date is known to every member. */
    static final SecurityLabel EXTRAORDINARY_SESSION = SecurityLabel.of(Classification.RESTRICTED, "MEMBERS");

    private final JdbcClient jdbc;
    private final Delegation delegation;
    private final AccessPolicy policy;
    private final CurrentSubject currentSubject;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Agenda(JdbcClient jdbc, Delegation delegation, AccessPolicy policy, CurrentSubject currentSubject,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.delegation = delegation;
        this.policy = policy;
        this.currentSubject = currentSubject;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Consultation request(ConsultationRequest request) {
        Subject delegate = currentSubject.get();
        NationCode nation = delegation.requireMemberDelegate(delegate, null, "CONSULTATION_REQUEST",
                "consultation:new");
        Set<ThreatGround> grounds = CouncilService.require(request.grounds() == null || request.grounds().isEmpty()
                ? null : EnumSet.copyOf(request.grounds()),
                "grounds (TERRITORIAL_INTEGRITY, POLITICAL_INDEPENDENCE and/or SECURITY)");
        String statement = CouncilService.required(request.statement(), "statement", CouncilService.MAX_STATEMENT);
        SecurityLabel label = CouncilService.require(request.label(), "label");
        policy.checkWritable(delegate, label);

        ConsultationId id = record(nation, grounds, statement, label, delegate.username(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), delegate.exercise());
        return consultation(id);
    }

    /**
     * Stores a validated request in the context {@code exercise} (null = real world), puts it on the agenda of the
     * next session of that context, audits it and announces it.
     */
    ConsultationId record(NationCode nation, Set<ThreatGround> grounds, String statement, SecurityLabel label,
            String requestedBy, Instant now, @Nullable UUID exercise) {
        UUID session = nextSession(now, nation, exercise);
        ConsultationId id = new ConsultationId(UUID.randomUUID());
        jdbc.sql("""
                INSERT INTO council_consultation (id, requesting_nation, grounds, statement, status, session_id,
                    requested_by, requested_at, classification, releasable_to, origin_nation, exercise_id)
                VALUES (:id, :nation, :grounds, :statement, 'OPEN', :session, :by, :at, :classification, :releasable,
                    :nation, :exercise)""")
                .param("exercise", exercise)
                .param("id", id.value()).param("nation", nation.value())
                .param("grounds", grounds.stream().map(Enum::name).toArray(String[]::new))
                .param("statement", statement).param("session", session).param("by", requestedBy)
                .param("at", Decisions.timestamp(now)).param("classification", LabelColumns.classification(label))
                .param("releasable", LabelColumns.releasableTo(label))
                .update();
        audit.record(requestedBy, "CONSULTATION_REQUESTED", "consultation:" + id, nation + " " + grounds + " "
                + label.marking() + ", on the agenda of session " + session);
        events.publishEvent(new ConsultationRequested(id, nation, grounds, statement, label, requestedBy, session,
                now, exercise));
        return id;
    }

    List<Consultation> consultations() {
        Subject subject = currentSubject.get();
        LabelFilter filter = policy.filter(subject, "c");
        return readable(subject, jdbc.sql(CONSULTATIONS + " WHERE " + filter.sql() + " ORDER BY c.requested_at DESC")
                .params(filter.parameters()).query(Agenda::consultation).list());
    }

    Consultation consultation(ConsultationId id) {
        Subject subject = currentSubject.get();
        return find(subject, id, false);
    }

    @Transactional
    Consultation close(ConsultationId id) {
        Subject chair = currentSubject.get();
        delegation.requireChair(chair, "CONSULTATION_CLOSE", "consultation:" + id);
        Consultation consultation = find(chair, id, true);
        if (!consultation.open()) {
            throw new RefusedException("The consultation was closed at " + consultation.closedAt() + ".");
        }
        jdbc.sql("UPDATE council_consultation SET status = 'CLOSED', closed_at = :at WHERE id = :id")
                .param("at", Decisions.timestamp(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .param("id", id.value()).update();
        audit.record(chair.username(), "CONSULTATION_CLOSED", "consultation:" + id, "");
        return find(chair, id, false);
    }

    List<Session> sessions() {
        Subject subject = currentSubject.get();
        LabelFilter filter = policy.filter(subject, "s");
        return jdbc.sql("SELECT * FROM council_session s WHERE " + filter.sql() + " ORDER BY s.held_on DESC, s.id")
                .params(filter.parameters()).query((rs, i) -> sessionRow(rs)).list().stream()
                .map(row -> session(subject, row)).toList();
    }

    @Transactional
    Session schedule(@Nullable LocalDate heldOn, @Nullable SecurityLabel label) {
        Subject chair = currentSubject.get();
        delegation.requireChair(chair, "SESSION_SCHEDULE", "session:new");
        LocalDate date = CouncilService.require(heldOn, "date");
        SecurityLabel sessionLabel = CouncilService.require(label, "label");
        policy.checkWritable(chair, sessionLabel);
        if (date.isBefore(today())) {
            throw new IllegalArgumentException("a session is scheduled for today or later, not " + date);
        }
        UUID id = insertSession(date, false, sessionLabel, chair.nation(), chair.username(), chair.exercise());
        audit.record(chair.username(), "SESSION_SCHEDULED", "session:" + id, date + " " + sessionLabel.marking());
        return sessionById(chair, id, false);
    }

    @Transactional
    Session recordMinutes(UUID sessionId, @Nullable String minutes) {
        Subject chair = currentSubject.get();
        delegation.requireChair(chair, "SESSION_MINUTES", "session:" + sessionId);
        Session session = sessionById(chair, sessionId, true);
        String text = CouncilService.required(minutes, "minutes", CouncilService.MAX_TEXT);
        if (session.heldOn().isAfter(today())) {
            throw new RefusedException("The session of " + session.heldOn() + " has not been held yet.");
        }
        if (session.minutes() != null) {
            throw new RefusedException("The minutes of this session are already recorded.");
        }
        jdbc.sql("UPDATE council_session SET minutes = :minutes WHERE id = :id")
                .param("minutes", text).param("id", sessionId).update();
        audit.record(chair.username(), "SESSION_MINUTES", "session:" + sessionId, text.length() + " characters");
        return sessionById(chair, sessionId, false);
    }

    private UUID nextSession(Instant now, NationCode convenedBy, @Nullable UUID exercise) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Optional<UUID> next = jdbc.sql("""
                SELECT id FROM council_session WHERE held_on >= :today AND minutes IS NULL
                    AND releasable_to && ARRAY['MEMBERS', 'ALL']
                    AND exercise_id IS NOT DISTINCT FROM CAST(:exercise AS UUID)
                ORDER BY held_on, created_at LIMIT 1 FOR UPDATE""")
                .param("today", Date.valueOf(today)).param("exercise", exercise).query(UUID.class).optional();
        return next.orElseGet(() -> {
            UUID id = insertSession(today.plusDays(1), true, EXTRAORDINARY_SESSION, convenedBy, "system", exercise);
            audit.record("system", "SESSION_CONVENED", "session:" + id, "extraordinary session on "
                    + today.plusDays(1) + " for a request for consultations by " + convenedBy);
            return id;
        });
    }

    private UUID insertSession(LocalDate date, boolean extraordinary, SecurityLabel label, NationCode origin,
            String by, @Nullable UUID exercise) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO council_session (id, held_on, extraordinary, classification, releasable_to, origin_nation,
                    created_by, created_at, exercise_id)
                VALUES (:id, :date, :extraordinary, :classification, :releasable, :origin, :by, :at, :exercise)""")
                .param("exercise", exercise)
                .param("id", id).param("date", Date.valueOf(date)).param("extraordinary", extraordinary)
                .param("classification", LabelColumns.classification(label))
                .param("releasable", LabelColumns.releasableTo(label))
                .param("origin", origin.value()).param("by", by)
                .param("at", Decisions.timestamp(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update();
        return id;
    }

    private Consultation find(Subject subject, ConsultationId id, boolean lock) {
        return jdbc.sql(CONSULTATIONS + " WHERE c.id = :id" + (lock ? " FOR UPDATE OF c" : ""))
                .param("id", id.value()).query(Agenda::consultation).optional()
                .filter(c -> policy.canRead(subject, c.label(), c.originNation(), c.exerciseId()))
                .map(c -> readable(subject, List.of(c)).get(0))
                .orElseThrow(() -> {
                    audit.recordDenial(subject.username(), "READ", "consultation:" + id, "missing or not readable");
                    return NotFoundException.noVisible("consultation");
                });
    }

    private Session sessionById(Subject subject, UUID id, boolean lock) {
        return jdbc.sql("SELECT * FROM council_session s WHERE s.id = :id" + (lock ? " FOR UPDATE" : ""))
                .param("id", id).query((rs, i) -> sessionRow(rs)).optional()
                .filter(row -> policy.canRead(subject, row.label(), row.origin(), row.exercise()))
                .map(row -> session(subject, row))
                .orElseThrow(() -> {
                    audit.recordDenial(subject.username(), "READ", "session:" + id, "missing or not readable");
                    return NotFoundException.noVisible("session");
                });
    }

    private Session session(Subject subject, SessionRow row) {
        policy.assertReadable(subject, row.label(), row.origin(), row.exercise(), "session:" + row.id());
        LabelFilter filter = policy.filter(subject, "c");
        List<Consultation> items = readable(subject, jdbc.sql(CONSULTATIONS + " WHERE c.session_id = :session AND "
                        + filter.sql() + " ORDER BY c.requested_at")
                .param("session", row.id()).params(filter.parameters()).query(Agenda::consultation).list());
        return new Session(row.id(), row.heldOn(), row.extraordinary(), row.minutes(), row.label(), items);
    }

    private List<Consultation> readable(Subject subject, List<Consultation> consultations) {
        consultations.forEach(c -> policy.assertReadable(subject, c.label(), c.originNation(), c.exerciseId(),
                "consultation:" + c.id()));
        return consultations;
    }

    private LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private record SessionRow(UUID id, LocalDate heldOn, boolean extraordinary, @Nullable String minutes,
            SecurityLabel label, NationCode origin, @Nullable UUID exercise) {
    }

    private static SessionRow sessionRow(ResultSet rs) throws SQLException {
        return new SessionRow(rs.getObject("id", UUID.class), rs.getDate("held_on").toLocalDate(),
                rs.getBoolean("extraordinary"), rs.getString("minutes"), LabelColumns.read(rs),
                LabelColumns.origin(rs), rs.getObject("exercise_id", UUID.class));
    }

    private static final String CONSULTATIONS = """
            SELECT c.*, s.held_on AS session_date FROM council_consultation c
            JOIN council_session s ON s.id = c.session_id""";

    private static Consultation consultation(ResultSet rs, int row) throws SQLException {
        Set<ThreatGround> grounds = Arrays.stream((String[]) rs.getArray("grounds").getArray())
                .map(ThreatGround::valueOf).collect(Collectors.toSet());
        return new Consultation(new ConsultationId(rs.getObject("id", UUID.class)),
                NationCode.of(rs.getString("requesting_nation")), grounds, rs.getString("statement"),
                LabelColumns.read(rs), LabelColumns.origin(rs), rs.getString("requested_by"),
                Decisions.required(rs, "requested_at"),
                "OPEN".equals(rs.getString("status")), Decisions.instant(rs, "closed_at"),
                rs.getObject("session_id", UUID.class), rs.getDate("session_date").toLocalDate(),
                rs.getObject("exercise_id", UUID.class));
    }
}
