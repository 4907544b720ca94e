package org.kalkan.force;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;

/** What a nation states about one of its units. */
public record UnitDetails(String name, String sidc, Set<Capability> capabilities, int personnel,
        int noticeToMoveHours, GeoPoint home, Set<MovementMode> movementModes, @Nullable Instant availableFrom,
        @Nullable Instant availableTo, boolean standingPool, Caveats caveats, SecurityLabel label) {

    public UnitDetails {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name is required, at most 200 characters");
        }
        if (sidc == null || !sidc.matches("[A-Z0-9*-]{10,30}")) {
            throw new IllegalArgumentException("sidc must be an APP-6 / MIL-STD-2525 symbol code, e.g. SFGPUCI----");
        }
        if (capabilities == null || capabilities.isEmpty()) {
            throw new IllegalArgumentException("a unit needs at least one capability");
        }
        if (personnel <= 0 || personnel > 100_000) {
            throw new IllegalArgumentException("personnel must be between 1 and 100000");
        }
        if (noticeToMoveHours < 0 || noticeToMoveHours > 24 * 365) {
            throw new IllegalArgumentException("noticeToMoveHours must be between 0 and 8760");
        }
        if (movementModes == null || movementModes.isEmpty()) {
            throw new IllegalArgumentException("a unit needs at least one movement mode");
        }
        if (availableFrom != null && availableTo != null && !availableFrom.isBefore(availableTo)) {
            throw new IllegalArgumentException("availableFrom must be before availableTo");
        }
        if (home == null || caveats == null || label == null) {
            throw new IllegalArgumentException("home, caveats and label are required");
        }
        capabilities = Set.copyOf(capabilities);
        movementModes = Set.copyOf(movementModes);
    }

    /** Whether the unit is available for the whole period. */
    public boolean availableDuring(Instant from, Instant to) {
        return (availableFrom == null || !availableFrom.isAfter(from)) && (availableTo == null || !availableTo.isBefore(to));
    }
}
