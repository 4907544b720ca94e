package org.kalkan.notification.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Dtg;

/** A time as pages show it: the DTG beside ISO 8601 (UTC, to the second). */
record PageTime(String dtg, String iso) {

    static PageTime of(Instant instant) {
        return new PageTime(Dtg.of(instant), instant.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    static @Nullable PageTime ofNullable(@Nullable Instant instant) {
        return instant == null ? null : of(instant);
    }
}
