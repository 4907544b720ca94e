package org.kalkan.interop.taxii;

import java.util.List;
import java.util.UUID;
import org.kalkan.security.Subject;
import tools.jackson.databind.JsonNode;

/**
 * The TAXII collections for a caller. National CERTs read and write {@code intel}; watch officers and crisis
 * managers read both collections. Every answer is computed over what the access policy lets the caller read — in
 * SQL, so pages, "more" and status details never count what the caller may not see — and every entry is
 * asserted readable again before it leaves.
 */
public interface Intel {

    List<CollectionAccess> collections(Subject caller);

    CollectionAccess collection(Subject caller, String idOrAlias);

    /** Objects (or their manifest: the same entries) matching the filter, one page. */
    ObjectPage objects(Subject caller, String collection, ObjectFilter filter);

    /** One object's versions matching the filter; not found when the caller may read none of them. */
    ObjectPage object(Subject caller, String collection, String id, ObjectFilter filter);

    /** Refuses (403, audited) a caller who may not write to the collection; 404 for an unknown one. */
    void requireWritable(Subject caller, String collection);

    /** Adds an envelope's objects; returns the submission's status resource. */
    Submission add(Subject caller, String collection, List<JsonNode> objects);

    /** The caller's own submission, with the details the caller may read. */
    Submission status(Subject caller, UUID id);

    /** The caller's latest submissions, newest first. */
    List<Submission> recentSubmissions(Subject caller, int limit);

    /**
     * Deletes versions of an object (all of them unless the filter names some). Only the originating nation's
     * CERTs may; an object the caller cannot read is not found.
     */
    void delete(Subject caller, String collection, String id, ObjectFilter filter);
}
