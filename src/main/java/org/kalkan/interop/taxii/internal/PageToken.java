package org.kalkan.interop.taxii.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The opaque {@code next} of a TAXII page: the position after the last item served. In the intel collection it is
 * the row's sequence number, which grows with {@code date_added} and in commit order, so paging neither repeats
 * nor skips an object however many share a {@code date_added} or arrive while a client pages.
 */
record PageToken(long seq, String key) {

    public static String intel(long seq) {
        return encode("s:" + seq);
    }

    /** For collections computed in memory: the item's {@code date_added} in microseconds and its id. */
    static String position(long dateAddedMicros, String id) {
        return encode("p:" + dateAddedMicros + ":" + id);
    }

    static @Nullable PageToken decode(@Nullable String token) {
        if (token == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith("s:")) {
                return new PageToken(Long.parseLong(raw.substring(2)), "");
            }
            if (raw.startsWith("p:")) {
                int colon = raw.indexOf(':', 2);
                return new PageToken(Long.parseLong(raw.substring(2, colon)), raw.substring(colon + 1));
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // falls through to the refusal
        }
        throw new IllegalArgumentException("next: not a page token of this server: " + token);
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
