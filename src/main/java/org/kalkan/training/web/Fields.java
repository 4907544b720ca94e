package org.kalkan.training.web;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request fields parsed with an error that names the field (400), for the training API and forms. */
final class Fields {

    private Fields() {
    }

    static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static @Nullable LocalDate date(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }

    static @Nullable Period period(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Period.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO 8601 period such as P2Y or P6M, was '"
                    + value + "'");
        }
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, @Nullable String value, String field) {
        String wanted = required(value, field).strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(field + " must be one of "
                        + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'"));
    }

    static UUID uuid(@Nullable String value, String field) {
        try {
            return UUID.fromString(required(value, field).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not an id: " + value);
        }
    }
}
