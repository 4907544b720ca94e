package org.kalkan.crisis.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Classification;
import org.kalkan.shared.InvalidFieldException;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** Parses request fields with messages that say what is wrong (→ 400 problems). */
final class Inputs {

    private Inputs() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, @Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, field + " is required; one of "
                    + Arrays.toString(type.getEnumConstants()), "input.required");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "unknown " + field + " '" + value + "'; one of "
                    + Arrays.toString(type.getEnumConstants()), "input.choice", value);
        }
    }

    static Instant instant(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, field + " is required (ISO 8601, e.g. 2026-11-25T08:00:00Z)",
                    "input.required");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, field + " is not an ISO 8601 instant: " + value, "input.instant",
                    value);
        }
    }

    static @Nullable Duration duration(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, field + " is not an ISO 8601 duration such as PT12H: " + value,
                    "input.duration", value);
        }
    }

    static NationCode nation(@Nullable String value, String field) {
        if (value == null || !NationCode.isValid(value.strip().toUpperCase(Locale.ROOT))) {
            throw new InvalidFieldException(field, field + " holds '" + value + "', not an ISO 3166-1 alpha-3 code",
                    "input.nation", String.valueOf(value));
        }
        return NationCode.of(value.strip().toUpperCase(Locale.ROOT));
    }

    static List<NationCode> nations(@Nullable List<String> values, String field) {
        return values == null ? List.of() : values.stream().map(v -> nation(v, field)).toList();
    }

    /** The text, or 400 ({@code field is required}) without one; the domain checks blanks and lengths. */
    static String present(@Nullable String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static UUID uuid(@Nullable String value, String field) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, field + " is not a UUID: " + value, "input.reference",
                    String.valueOf(value));
        }
    }

    /** A label from its parts: classification name and releasability entries (nations or communities). */
    static SecurityLabel label(@Nullable String classification, @Nullable List<String> releasableTo) {
        if (classification == null || classification.isBlank()) {
            throw new InvalidFieldException("classification", "label.classification is required", "input.required");
        }
        Classification parsed = Classification.parse(classification.strip()).orElseThrow(() ->
                new InvalidFieldException("classification", "unknown classification '" + classification
                        + "'; one of " + Arrays.toString(Classification.values()), "input.choice", classification));
        if (releasableTo == null || releasableTo.stream().allMatch(r -> r == null || r.isBlank())) {
            throw new InvalidFieldException("releasableTo", "label.releasableTo needs at least one nation or community",
                    "input.releasableTo");
        }
        TreeSet<String> entries = new TreeSet<>();
        releasableTo.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).forEach(entries::add);
        return new SecurityLabel(parsed, entries);
    }
}
