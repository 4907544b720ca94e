package org.kalkan.training.internal;

import java.time.Clock;
import java.util.List;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.VersionConflictException;
import org.kalkan.training.Catalogue;
import org.kalkan.training.Course;
import org.kalkan.training.CourseDraft;
import org.kalkan.training.CourseId;
import org.kalkan.training.CourseQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue: the training coordinator keeps it; every reader searches what the labels let them read. */
@Service
class CatalogueService implements Catalogue {

    private static final int SEARCH_LIMIT = 500;

    private final CourseStore courses;
    private final TrainingAccess access;
    private final NationDirectory nations;
    private final Clock clock;

    CatalogueService(CourseStore courses, TrainingAccess access, NationDirectory nations, Clock clock) {
        this.courses = courses;
        this.access = access;
        this.nations = nations;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Course publish(Subject coordinator, CourseDraft draft) {
        access.requireRole(coordinator, Role.TRAINING_COORDINATOR, "COURSE_PUBLISH", "course:" + draft.code(),
                "Only the training coordinator publishes courses.");
        access.requireRealWorld(coordinator, "courses are published");
        check(coordinator, draft);
        if (courses.exists(draft.code())) {
            throw new RefusedException("The catalogue has a course " + draft.code() + " already; revise it instead.");
        }
        CourseId id = CourseId.random();
        courses.insert(id, draft, coordinator.nation(), coordinator.username(), clock.instant());
        access.record(coordinator, "COURSE_PUBLISHED", "course:" + draft.code(), draft.title() + " "
                + draft.label().marking());
        return find(coordinator, draft.code());
    }

    @Override
    @Transactional
    public Course revise(Subject coordinator, String code, CourseDraft draft, int version) {
        access.requireRole(coordinator, Role.TRAINING_COORDINATOR, "COURSE_REVISE", "course:" + code,
                "Only the training coordinator revises courses.");
        access.requireRealWorld(coordinator, "courses are revised");
        Course current = find(coordinator, code);
        if (!current.code().equals(draft.code())) {
            throw new IllegalArgumentException("code: a course keeps its code (" + current.code() + ")");
        }
        check(coordinator, draft);
        if (!courses.update(current.id(), draft, version, clock.instant())) {
            throw new VersionConflictException("The course was changed by someone else (version " + current.version()
                    + "); reload and try again.");
        }
        access.record(coordinator, "COURSE_REVISED", "course:" + code, draft.title() + " " + draft.label().marking());
        return find(coordinator, code);
    }

    @Override
    @Transactional(readOnly = true)
    public Course find(Subject subject, String code) {
        Course course = courses.byCode(access.filter(subject, "c"), Course.code(code, "course"))
                .orElseThrow(() -> NotFoundException.noVisible("course"));
        access.assertReadable(subject, course.label(), course.originNation(), "course:" + course.code());
        return course;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Course> search(Subject subject, CourseQuery query) {
        List<Course> found = courses.search(access.filter(subject, "c"), query, SEARCH_LIMIT);
        found.forEach(c -> access.assertReadable(subject, c.label(), c.originNation(), "course:" + c.code()));
        return found;
    }

    private void check(Subject coordinator, CourseDraft draft) {
        access.checkWritable(coordinator, draft.label());
        if (!nations.isKnownNation(draft.deliveringNation().value())) {
            throw new IllegalArgumentException("deliveringNation: unknown nation " + draft.deliveringNation());
        }
        for (String prerequisite : draft.prerequisites().courses()) {
            if (courses.byCode(access.filter(coordinator, "c"), prerequisite).isEmpty()) {
                throw new IllegalArgumentException("prerequisites.courses: there is no course " + prerequisite
                        + " you can see in the catalogue");
            }
        }
    }
}
