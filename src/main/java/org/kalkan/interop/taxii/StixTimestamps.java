package org.kalkan.interop.taxii;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Timestamps as STIX and TAXII write them: RFC 3339 in UTC with {@code Z}. The server's own ({@code date_added},
 * {@code request_timestamp}) carry microseconds, so {@code added_after} with a {@code X-TAXII-Date-Added-Last}
 * value continues exactly after the last object seen.
 */
public final class StixTimestamps {

    private static final Pattern UTC = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private StixTimestamps() {
    }

    /** Parses a UTC timestamp; anything else is refused naming {@code what}. */
    public static Instant parse(String text, String what) {
        if (!UTC.matcher(text).matches()) {
            throw new IllegalArgumentException(what + ": not a UTC timestamp (RFC 3339 ending in Z): " + text);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + ": not a valid timestamp: " + text);
        }
    }

    public static boolean isUtc(String text) {
        return UTC.matcher(text).matches();
    }

    /** The server's timestamps: microsecond precision, as PostgreSQL keeps them. */
    public static String micros(Instant instant) {
        return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** STIX {@code created}/{@code modified} of objects the server writes: millisecond precision. */
    public static String millis(Instant instant) {
        return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
