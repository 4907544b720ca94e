package org.kalkan.interop.taxii;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The status resource of one {@code POST …/objects/} (TAXII 2.1 §4.3) as the caller may see it: every object the
 * caller may read, with its outcome. Submissions are processed as they arrive, so {@code pending} stays empty.
 */
public record Submission(UUID id, TaxiiCollection collection, Instant requestTimestamp, List<Detail> successes,
        List<Detail> failures, List<Detail> pending) {

    public Submission {
        successes = List.copyOf(successes);
        failures = List.copyOf(failures);
        pending = List.copyOf(pending);
    }

    /** One object's outcome: its id, version, and for a failure the reason. */
    public record Detail(String id, String version, @Nullable String message) {
    }

    public String status() {
        return pending.isEmpty() ? "complete" : "pending";
    }

    public int totalCount() {
        return successes.size() + failures.size() + pending.size();
    }
}
