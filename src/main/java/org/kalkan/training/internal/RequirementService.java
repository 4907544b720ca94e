package org.kalkan.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.LessonRemedyAssigned;
import org.kalkan.exercise.Remedy;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.training.Course;
import org.kalkan.training.TrainingRequirement;
import org.kalkan.training.TrainingRequirementId;
import org.kalkan.training.TrainingRequirements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lessons loop: a lesson moved to REMEDIAL_ACTION with the remedy TRAINING becomes a training requirement (once,
 * labelled as its exercise) for the coordinator, who addresses it with a course.
 */
@Service
class RequirementService implements TrainingRequirements {

    private final JdbcClient jdbc;
    private final CatalogueService catalogue;
    private final TrainingAccess access;
    private final Clock clock;

    RequirementService(JdbcClient jdbc, CatalogueService catalogue, TrainingAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.access = access;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(LessonRemedyAssigned assigned) {
        if (assigned.remedy() != Remedy.TRAINING) {
            return;
        }
        int inserted = jdbc.sql("""
                INSERT INTO training_requirement (id, lesson_id, exercise_id, title, remedial_action, owner, due_on,
                    classification, releasable_to, origin_nation, created_at)
                VALUES (:id, :lesson, :exercise, :title, :action, :owner, :due, :classification, :releasable, :origin,
                    :now)
                ON CONFLICT (lesson_id) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("lesson", assigned.lessonId())
                .param("exercise", assigned.exerciseId()).param("title", assigned.title())
                .param("action", assigned.remedialAction()).param("owner", assigned.owner())
                .param("due", Rows.sqlDate(assigned.dueOn()))
                .param("classification", LabelColumns.classification(assigned.label()))
                .param("releasable", LabelColumns.releasableTo(assigned.label()))
                .param("origin", assigned.originNation().value()).param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted > 0) {
            access.recordAs("training", "TRAINING_REQUIREMENT", "lesson:" + assigned.lessonId(),
                    "from exercise " + assigned.exerciseId() + ": " + assigned.remedialAction());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<TrainingRequirement> list(Subject subject, TrainingRequirement.@Nullable Status status) {
        var filter = access.filter(subject, "r");
        List<TrainingRequirement> found = jdbc.sql("SELECT r.*, c.code FROM training_requirement r"
                        + " LEFT JOIN training_course c ON c.id = r.course_id WHERE " + filter.sql()
                        + " AND (CAST(:status AS TEXT) IS NULL OR r.status = :status)"
                        + " ORDER BY r.status DESC, r.due_on NULLS LAST, r.created_at LIMIT 500")
                .params(filter.parameters()).param("status", status == null ? null : status.name())
                .query(RequirementService::requirement).list();
        found.forEach(r -> access.assertReadable(subject, r.label(), r.originNation(), "training-requirement:"
                + r.id()));
        return found;
    }

    @Override
    @Transactional
    public TrainingRequirement address(Subject coordinator, TrainingRequirementId id, String courseCode) {
        access.requireRole(coordinator, Role.TRAINING_COORDINATOR, "TRAINING_REQUIREMENT", "training-requirement:"
                + id, "Only the training coordinator addresses training requirements.");
        TrainingRequirement requirement = list(coordinator, null).stream().filter(r -> r.id().equals(id))
                .findFirst().orElseThrow(() -> NotFoundException.noVisible("training requirement"));
        if (requirement.status() == TrainingRequirement.Status.ADDRESSED) {
            throw new RefusedException("The requirement is addressed already (" + requirement.course() + ").");
        }
        Course course = catalogue.find(coordinator, courseCode);
        jdbc.sql("""
                UPDATE training_requirement SET status = 'ADDRESSED', course_id = :course, addressed_by = :by,
                    addressed_at = :now WHERE id = :id""")
                .param("id", id.value()).param("course", course.id().value()).param("by", coordinator.username())
                .param("now", Timestamp.from(clock.instant())).update();
        access.record(coordinator, "TRAINING_REQUIREMENT_ADDRESSED", "training-requirement:" + id, "by course "
                + course.code());
        return list(coordinator, null).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static TrainingRequirement requirement(ResultSet rs, int row) throws SQLException {
        return new TrainingRequirement(new TrainingRequirementId(Rows.uuid(rs, "id")), Rows.uuid(rs, "lesson_id"),
                Rows.uuid(rs, "exercise_id"),
                rs.getString("title"), rs.getString("remedial_action"), rs.getString("owner"),
                Rows.optionalDate(rs, "due_on"), TrainingRequirement.Status.valueOf(rs.getString("status")),
                rs.getString("code"), LabelColumns.read(rs), NationCode.of(rs.getString("origin_nation").strip()),
                Rows.instant(rs, "created_at"));
    }
}
