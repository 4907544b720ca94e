package org.kalkan.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Military date-time group in UTC (Zulu), e.g. {@code 251430ZNOV26}. */
public final class Dtg {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("ddHHmm'Z'MMMyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Dtg() {
    }

    public static String of(Instant instant) {
        return FORMAT.format(instant).toUpperCase(Locale.ROOT);
    }
}
