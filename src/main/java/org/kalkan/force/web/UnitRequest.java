package org.kalkan.force.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Capability;
import org.kalkan.force.Caveats;
import org.kalkan.force.MovementMode;
import org.kalkan.force.UnitDetails;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;

/** A unit as JSON, for registering and editing; every field is checked with a message that names it. */
record UnitRequest(@Nullable String name, @Nullable String sidc, @Nullable List<String> capabilities,
        @Nullable Integer personnel, @Nullable Integer noticeToMoveHours, @Nullable Location home,
        @Nullable List<String> movementModes, @Nullable String availableFrom, @Nullable String availableTo,
        @Nullable Boolean standingPool, @Nullable CaveatsJson caveats, @Nullable SecurityLabel label,
        @Nullable Integer version) {

    record Location(@Nullable Double lat, @Nullable Double lon) {
    }

    record CaveatsJson(@Nullable List<String> allowedCountries, @Nullable List<String> excludedCountries,
            @Nullable List<String> excludedUses, @Nullable Integer maxDeploymentDays,
            @Nullable Boolean ownTerritoryOnly) {
    }

    UnitDetails toDetails() {
        if (home == null || home.lat() == null || home.lon() == null) {
            throw new IllegalArgumentException("home needs lat and lon");
        }
        if (label == null) {
            throw new IllegalArgumentException("label needs a classification and releasableTo");
        }
        CaveatsJson c = caveats == null ? new CaveatsJson(null, null, null, null, null) : caveats;
        // Missing name or symbol: UnitDetails refuses the empty text with the message that names the field.
        return new UnitDetails(name == null ? "" : name, sidc == null ? "" : sidc.toUpperCase(Locale.ROOT),
                enums(Capability.class, capabilities, "capability"), orZero(personnel), orZero(noticeToMoveHours),
                new GeoPoint(home.lat(), home.lon()), enums(MovementMode.class, movementModes, "movement mode"),
                instant(availableFrom, "availableFrom"), instant(availableTo, "availableTo"),
                Boolean.TRUE.equals(standingPool),
                new Caveats(codes(c.allowedCountries()), codes(c.excludedCountries()), upper(c.excludedUses()),
                        c.maxDeploymentDays(), Boolean.TRUE.equals(c.ownTerritoryOnly())),
                label);
    }

    /** A label from a CSV row's two columns, refused with the same messages as the JSON label. */
    static @Nullable SecurityLabel label(String classification, List<String> releasableTo) {
        if (classification.isBlank() || releasableTo.isEmpty()) {
            return null;
        }
        return SecurityLabel.of(Classification.parse(classification).orElseThrow(
                () -> new IllegalArgumentException("unknown classification " + classification)), releasableTo);
    }

    static <E extends Enum<E>> Set<E> enums(Class<E> type, @Nullable List<String> values, String what) {
        if (values == null) {
            return Set.of();
        }
        return values.stream().map(v -> {
            try {
                return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown " + what + " '" + v + "'; one of "
                        + Arrays.toString(type.getEnumConstants()));
            }
        }).collect(Collectors.toSet());
    }

    static Set<String> codes(@Nullable List<String> values) {
        if (values == null) {
            return Set.of();
        }
        Set<String> codes = upper(values);
        codes.forEach(code -> {
            if (!code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("not an ISO 3166-1 alpha-3 country code: " + code);
            }
        });
        return codes;
    }

    static Set<String> upper(@Nullable List<String> values) {
        return values == null ? Set.of() : values.stream().map(v -> v.trim().toUpperCase(Locale.ROOT))
                .filter(v -> !v.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    static @Nullable Instant instant(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO 8601 instant: " + value);
        }
    }

    private static int orZero(@Nullable Integer value) {
        return value == null ? 0 : value;
    }
}
