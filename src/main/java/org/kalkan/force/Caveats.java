package org.kalkan.force;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A nation's restrictions on how its unit may be used, as data: where it may go (allowed, excluded countries;
 * own territory only), what it may not be used for (e.g. {@code RIOT_CONTROL}), and for how long.
 */
public record Caveats(Set<String> allowedCountries, Set<String> excludedCountries, Set<String> excludedUses,
        @Nullable Integer maxDeploymentDays, boolean ownTerritoryOnly) {

    public Caveats {
        allowedCountries = Set.copyOf(allowedCountries);
        excludedCountries = Set.copyOf(excludedCountries);
        excludedUses = Set.copyOf(excludedUses);
        if (maxDeploymentDays != null && maxDeploymentDays <= 0) {
            throw new IllegalArgumentException("maxDeploymentDays must be positive");
        }
    }

    public static Caveats none() {
        return new Caveats(Set.of(), Set.of(), Set.of(), null, false);
    }

    /** Whether the unit of {@code nation} may deploy to {@code country} for {@code use} during {@code days}. */
    public boolean permit(String nation, String country, @Nullable String use, long days) {
        if (ownTerritoryOnly && !nation.equals(country)) {
            return false;
        }
        if (!allowedCountries.isEmpty() && !allowedCountries.contains(country)) {
            return false;
        }
        if (excludedCountries.contains(country)) {
            return false;
        }
        if (use != null && excludedUses.contains(use)) {
            return false;
        }
        return maxDeploymentDays == null || days <= maxDeploymentDays;
    }
}
