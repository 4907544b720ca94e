package org.kalkan.interop.taxii;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code match[version]}: any of {@code first}, {@code last}, {@code all} and version timestamps; {@code last} when
 * the client names none (TAXII 2.1 §3.5). Versions are chosen among the versions the caller may read only.
 */
public record VersionMatch(boolean first, boolean last, boolean all, List<Instant> at) {

    public static final VersionMatch LAST = new VersionMatch(false, true, false, List.of());
    public static final VersionMatch ALL = new VersionMatch(false, false, true, List.of());

    public VersionMatch {
        at = List.copyOf(at);
    }

    public static VersionMatch parse(@Nullable String text, VersionMatch otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        boolean first = false;
        boolean last = false;
        boolean all = false;
        List<Instant> at = new ArrayList<>();
        for (String value : text.split(",", -1)) {
            switch (value.trim()) {
                case "first" -> first = true;
                case "last" -> last = true;
                case "all" -> all = true;
                default -> at.add(StixTimestamps.parse(value.trim(), "match[version]"));
            }
        }
        return new VersionMatch(first, last, all, at);
    }
}
