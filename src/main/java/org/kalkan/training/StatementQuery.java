package org.kalkan.training;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The xAPI statement filters this store supports: agent (actor), verb, activity (object), stored since (exclusive)
 * and until (inclusive), at most {@code limit}, oldest or newest first, continuing after {@code cursor}.
 */
public record StatementQuery(@Nullable Agent agent, @Nullable String verb, @Nullable String activity,
        @Nullable Instant since, @Nullable Instant until, int limit, boolean ascending, @Nullable Long cursor) {

    public static final int MAX_LIMIT = 100;

    public StatementQuery {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (the server's maximum) or more");
        }
        limit = limit == 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit;
    }
}
