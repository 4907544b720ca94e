package org.kalkan.training;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * Personnel training records. A nation's training manager registers its own people; a record is read only by
 * those its label lets read it. Everyone sees the aggregates — how many are qualified for what, per nation and
 * unit — never names.
 */
public interface Personnel {

    Person register(Subject manager, PersonDraft draft);

    /** The person's record with its history, if the subject may read it; otherwise 404. */
    PersonRecord find(Subject subject, PersonId id);

    /** People the subject may read, of one nation when named. */
    List<Person> list(Subject subject, @Nullable String nation);

    /** Counts of qualified people per nation, unit and qualification, valid today. */
    List<QualifiedCount> aggregates(Subject subject);
}
