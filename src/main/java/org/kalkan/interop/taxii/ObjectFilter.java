package org.kalkan.interop.taxii;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The filters and paging of a TAXII request (§3.4, §3.5): objects added strictly after {@code addedAfter}, at most
 * {@code limit} of them after the page token {@code next}, whose id, type, version and spec version match. An
 * empty list matches everything.
 */
public record ObjectFilter(@Nullable Instant addedAfter, int limit, @Nullable String next, List<String> ids,
        List<String> types, VersionMatch versions, List<String> specVersions) {

    public ObjectFilter {
        ids = List.copyOf(ids);
        types = List.copyOf(types);
        specVersions = List.copyOf(specVersions);
    }

    /**
     * From the query parameters as a client sends them; a {@code limit} above {@code maxLimit} is served as the
     * maximum (the server may return fewer), a malformed value is refused.
     */
    public static ObjectFilter parse(@Nullable String addedAfter, @Nullable String limit, @Nullable String next,
            @Nullable String ids, @Nullable String types, @Nullable String versions, @Nullable String specVersions,
            VersionMatch defaultVersions, int defaultLimit, int maxLimit) {
        Instant after = addedAfter == null || addedAfter.isBlank() ? null
                : StixTimestamps.parse(addedAfter.trim(), "added_after");
        return new ObjectFilter(after,
                limit(limit, defaultLimit, maxLimit), next == null || next.isBlank() ? null : next.trim(),
                list(ids), list(types), VersionMatch.parse(versions, defaultVersions), list(specVersions));
    }

    /** The same filter for one object. */
    public ObjectFilter forId(String id) {
        return new ObjectFilter(addedAfter, limit, next, List.of(id), types, versions, specVersions);
    }

    private static int limit(@Nullable String text, int defaultLimit, int maxLimit) {
        if (text == null || text.isBlank()) {
            return defaultLimit;
        }
        String trimmed = text.trim();
        if (!trimmed.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("limit must be a positive integer, was " + text);
        }
        long value = Long.parseLong(trimmed);
        if (value < 1) {
            throw new IllegalArgumentException("limit must be a positive integer, was " + text);
        }
        return (int) Math.min(value, maxLimit);
    }

    private static List<String> list(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",", -1)).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
