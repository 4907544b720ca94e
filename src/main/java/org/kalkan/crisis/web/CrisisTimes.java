package org.kalkan.crisis.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.InvalidFieldException;
import org.springframework.stereotype.Component;

/** Times on crisis pages: DTG beside ISO 8601 ({@code @crisisTimes.dtg(t)} in templates), and form input. */
@Component("crisisTimes")
public class CrisisTimes {

    public String dtg(@Nullable Instant instant) {
        return instant == null ? "" : Dtg.of(instant);
    }

    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The value of a {@code datetime-local} input, read as UTC (the pages say so), or an ISO 8601 instant. */
    static Instant fromForm(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, field + " is required (UTC)", "input.required");
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            return Inputs.instant(value, field);
        }
    }
}
