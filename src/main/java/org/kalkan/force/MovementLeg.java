package org.kalkan.force;

import java.util.List;
import org.kalkan.shared.GeoPoint;

/**
 * One stretch of a movement in one mode, with the time to board that mode included in {@code hours}, and the
 * points it passes through (its start, the network places on the way, its end) for drawing it on a map.
 */
public record MovementLeg(String from, String to, MovementMode mode, double km, double hours, List<GeoPoint> path) {

    public MovementLeg {
        path = List.copyOf(path);
    }
}
