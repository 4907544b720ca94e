package org.kalkan.federation.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.federation.Lane;

/**
 * What one node sends another in one pull (or one file): for each stream, whole sealed ranges with each entry in the
 * form the destination may have, and the sender's head of every stream it would serve (how far behind the
 * destination is). Signed by the sender over its compressed bytes; each seal is the origin's own signature.
 */
public record Batch(String from, String to, String after, List<Head> heads, List<Segment> segments) {

    public Batch {
        heads = List.copyOf(heads);
        segments = List.copyOf(segments);
    }

    /** The last sequence number the sender holds of a stream. */
    public record Head(String origin, Lane lane, long seq) {
    }

    /** One sealed range of one stream, and the path it took before the sender ({@code via}, sender last). */
    public record Segment(String origin, Lane lane, List<String> via, String seal, List<Entry> entries) {

        public Segment {
            via = List.copyOf(via);
            entries = List.copyOf(entries);
        }
    }

    /**
     * One entry: FULL carries {@code type, id, op} and the origin's {@code rest}; REDACTED carries {@code type, id,
     * op} and the rest's hash; HASH carries only the leaf hash.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long seq, Form form, @Nullable String type, @Nullable UUID id, @Nullable Op op,
            @Nullable String rest, byte @Nullable [] restHash, byte @Nullable [] leafHash) {
    }

    public int entryCount() {
        return segments.stream().mapToInt(s -> s.entries().size()).sum();
    }
}
