package org.kalkan.exercise.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.LabelColumns;
import org.kalkan.shared.NotFoundException;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.Lesson;
import org.kalkan.exercise.LessonRemedyAssigned;
import org.kalkan.exercise.LessonStatus;
import org.kalkan.exercise.Lessons;
import org.kalkan.exercise.Observation;
import org.kalkan.exercise.Remedy;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.LabelFilter;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.shared.VersionConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Lessons} on the exercise tables: the SQL, the access checks, the audit and the event. */
@Service
class LessonService implements Lessons {

    private final JdbcClient jdbc;
    private final ExerciseAccess access;
    private final EvaluationStore evaluation;
    private final AccessPolicy policy;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LessonService(JdbcClient jdbc, ExerciseAccess access, EvaluationStore evaluation, AccessPolicy policy,
            UserDirectory users, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.evaluation = evaluation;
        this.policy = policy;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Lesson fromObservation(Subject subject, UUID observationId, @Nullable String title) {
        Observation observation = evaluation.observation(observationId)
                .orElseThrow(() -> NotFoundException.noVisible("observation"));
        Exercise exercise;
        try {
            exercise = access.readable(subject, observation.exerciseId());
        } catch (NotFoundException hidden) {
            throw NotFoundException.noVisible("observation"); // as for an observation that does not exist
        }
        access.requireEvaluator(subject, exercise, "create lessons");
        String checkedTitle = title == null || title.isBlank()
                ? abbreviate(observation.text()) : title.strip();
        if (checkedTitle.length() > 200) {
            throw new IllegalArgumentException("title is at most 200 characters");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO exercise_lesson (id, exercise_id, observation_id, title, text, status, created_by,
                                             created_at, updated_at)
                VALUES (:id, :exercise, :observation, :title, :text, 'OBSERVATION', :by, :now, :now)""")
                .param("id", id).param("exercise", exercise.id()).param("observation", observationId)
                .param("title", checkedTitle).param("text", observation.text()).param("by", subject.username())
                .param("now", Timestamp.from(now)).update();
        audit.record(subject.username(), "LESSON_CREATED", "lesson:" + id, "from observation " + observationId);
        return find(subject, id);
    }

    @Override
    @Transactional
    public Lesson advance(Subject subject, UUID id, LessonStatus next, @Nullable String remedialAction,
            @Nullable String owner, @Nullable LocalDate dueOn, int version) {
        return advance(subject, id, next, remedialAction, owner, dueOn, null, version);
    }

    @Override
    @Transactional
    public Lesson advance(Subject subject, UUID id, LessonStatus next, @Nullable String remedialAction,
            @Nullable String owner, @Nullable LocalDate dueOn, @Nullable Remedy remedy, int version) {
        Lesson lesson = find(subject, id);
        access.requireEvaluator(subject, access.readable(subject, lesson.exerciseId()), "advance lessons");
        if (!lesson.status().canMoveTo(next)) {
            throw new RefusedException("A lesson moves " + lesson.status() + " → the next step only, not to " + next
                    + ".");
        }
        // Set (all three) only for the step to REMEDIAL_ACTION; the COALESCEs below keep the stored ones otherwise.
        String action = null;
        String ownerName = null;
        LocalDate due = null;
        if (next == LessonStatus.REMEDIAL_ACTION) {
            if (remedialAction == null || remedialAction.isBlank() || owner == null || owner.isBlank()
                    || dueOn == null) {
                throw new IllegalArgumentException("a remedial action needs the action, its owner and a due date");
            }
            if (users.find(owner.strip()).isEmpty()) {
                throw new IllegalArgumentException("unknown owner " + owner);
            }
            action = remedialAction.strip();
            ownerName = owner.strip();
            due = dueOn;
        }
        int updated = jdbc.sql("""
                UPDATE exercise_lesson SET status = :status, updated_at = :now, version = version + 1,
                       remedial_action = COALESCE(:action, remedial_action), owner = COALESCE(:owner, owner),
                       due_on = COALESCE(:due, due_on), remedy = COALESCE(:remedy, remedy),
                       validated_by = CASE WHEN :status = 'LESSON_LEARNED' THEN :by ELSE validated_by END
                WHERE id = :id AND version = :version""")
                .param("id", id).param("status", next.name()).param("now", Timestamp.from(clock.instant()))
                .param("action", action)
                .param("owner", ownerName)
                .param("due", due == null ? null : Date.valueOf(due))
                .param("remedy", next == LessonStatus.REMEDIAL_ACTION && remedy != null ? remedy.name() : null)
                .param("by", subject.username()).param("version", version).update();
        if (updated == 0) {
            throw new VersionConflictException("The lesson was changed by someone else; reload and try again.");
        }
        audit.record(subject.username(), "LESSON_" + next, "lesson:" + id, lesson.status() + " → " + next
                + (remedy == null || next != LessonStatus.REMEDIAL_ACTION ? "" : " (" + remedy + ")"));
        Lesson advanced = find(subject, id);
        if (action != null && ownerName != null && due != null) {
            Exercise exercise = access.readable(subject, lesson.exerciseId());
            events.publishEvent(new LessonRemedyAssigned(id, lesson.exerciseId(), advanced.title(), action, remedy,
                    ownerName, due, exercise.label(), exercise.originNation()));
        }
        return advanced;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Lesson> search(Subject subject, @Nullable String text, @Nullable LessonStatus status) {
        LabelFilter filter = policy.filterAcrossContexts(subject, "x");
        String words = text == null ? "" : text.strip();
        if (words.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot compare text with NUL: refused by name (400 on the API and the page), never a 500.
            throw InvalidInputException.of(List.of(new InvalidInputException.Violation("q",
                    "the search text must not contain a NUL character")));
        }
        return jdbc.sql("SELECT l.*, x.name AS exercise_name, x.classification, x.releasable_to FROM exercise_lesson l "
                        + "JOIN exercise x ON x.id = l.exercise_id WHERE " + filter.sql()
                        + " AND (:words = '' OR l.title ILIKE :like OR l.text ILIKE :like"
                        + " OR COALESCE(l.remedial_action, '') ILIKE :like)"
                        + " AND (CAST(:status AS TEXT) IS NULL OR l.status = :status)"
                        + " ORDER BY l.updated_at DESC LIMIT 500")
                .params(filter.parameters()).param("words", words)
                .param("like", "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("status", status == null ? null : status.name()).query(LessonService::lesson).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Lesson find(Subject subject, UUID id) {
        LabelFilter filter = policy.filterAcrossContexts(subject, "x");
        return jdbc.sql("SELECT l.*, x.name AS exercise_name, x.classification, x.releasable_to FROM exercise_lesson l "
                        + "JOIN exercise x ON x.id = l.exercise_id WHERE l.id = :id AND " + filter.sql())
                .params(filter.parameters()).param("id", id).query(LessonService::lesson).optional()
                .orElseThrow(() -> NotFoundException.noVisible("lesson"));
    }

    private static String abbreviate(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    private static Lesson lesson(ResultSet rs, int row) throws SQLException {
        Date due = rs.getDate("due_on");
        return new Lesson(rs.getObject("id", UUID.class), rs.getObject("exercise_id", UUID.class),
                rs.getString("exercise_name"), rs.getObject("observation_id", UUID.class), rs.getString("title"),
                rs.getString("text"), LessonStatus.valueOf(rs.getString("status")), rs.getString("remedial_action"),
                rs.getString("owner"), due == null ? null : due.toLocalDate(), rs.getString("validated_by"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"),
                LabelColumns.read(rs),
                rs.getString("remedy") == null ? null : Remedy.valueOf(rs.getString("remedy")));
    }
}
