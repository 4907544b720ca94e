package org.kalkan.force;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.GeoPoint;

/**
 * What a crisis needs: {@code quantity} units with a capability, at a place in a country, by a time, for a number
 * of days, for a use that caveats may exclude (e.g. {@code RIOT_CONTROL}). With {@code certificationRequired} only
 * units certified for the capability on the needed date are sourced ({@link UnitReadiness}).
 */
public record Requirement(UUID id, Capability capability, int quantity, GeoPoint location, String country,
        Instant neededBy, int durationDays, @Nullable String use, boolean certificationRequired) {

    /** A requirement that does not ask for certified units. */
    public Requirement(UUID id, Capability capability, int quantity, GeoPoint location, String country,
            Instant neededBy, int durationDays, @Nullable String use) {
        this(id, capability, quantity, location, country, neededBy, durationDays, use, false);
    }

    public Requirement {
        if (quantity < 1 || quantity > 100) {
            throw new IllegalArgumentException("quantity must be between 1 and 100");
        }
        if (durationDays < 1 || durationDays > 3650) {
            throw new IllegalArgumentException("durationDays must be between 1 and 3650");
        }
        if (country == null || !country.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-3 code");
        }
    }

    public Instant endsAt() {
        return neededBy.plusSeconds(durationDays * 86_400L);
    }
}
