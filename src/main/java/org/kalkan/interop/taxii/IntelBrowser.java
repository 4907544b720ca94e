package org.kalkan.interop.taxii;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * The intel collection for people: newest objects by type, one object with its versions, the objects it refers to
 * and those that refer to it. The same access rules as TAXII: only what the caller may read, filtered in SQL and
 * asserted again.
 */
public interface IntelBrowser {

    List<StixEntry> newest(Subject caller, @Nullable String type, int limit);

    Map<String, Long> typeCounts(Subject caller);

    /** The latest version the caller may read of an object of the intel or the incidents collection. */
    StixEntry latest(Subject caller, String id);

    /** Every version the caller may read, oldest first. */
    List<StixEntry> versions(Subject caller, String id);

    /** The latest readable versions of objects that refer to this one: relationships, sightings, reports. */
    List<StixEntry> referencing(Subject caller, String id);

    /** The latest readable versions of the objects this one refers to (its relationship's ends, what was sighted). */
    List<StixEntry> referenced(Subject caller, List<String> ids);
}
