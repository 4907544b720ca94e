package org.kalkan.training;

import java.util.List;
import org.kalkan.security.Subject;

/**
 * The alliance's course catalogue. The training coordinator publishes and revises courses; everyone searches the
 * courses their clearance and nation let them read.
 */
public interface Catalogue {

    Course publish(Subject coordinator, CourseDraft draft);

    /** Revises a course at the version the coordinator edited (stale: 409). The code stays. */
    Course revise(Subject coordinator, String code, CourseDraft draft, int version);

    /** The course with this code if the subject may read it; otherwise 404. */
    Course find(Subject subject, String code);

    List<Course> search(Subject subject, CourseQuery query);
}
