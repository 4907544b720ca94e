package org.kalkan.incident.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.shared.GeoPoint;

/**
 * The correlation locks of a report: its category (and context) in a coarse grid cell, plus the neighbouring cells a
 * correlation radius can reach. Any two reports of a category within the radius of each other share at least one
 * cell, so they never both open an incident the other should have joined; reports farther apart lock different
 * cells and proceed in parallel.
 *
 * <p>Rows are as tall as the radius in latitude. Each row is cut into equal columns at least as wide as the largest
 * longitude difference two points within the radius can have in that row and the rows beside it (from the haversine
 * formula: {@code Δλ ≤ 2·asin(sin(d/2R) / cos φmax)}), a whole number of them around the globe so the grid wraps at
 * the antimeridian. A report locks, in its own row and the two beside it, its column and the two beside it: a point
 * within the radius is never farther than one column away. Nine cells; near the poles, where no such width exists, a
 * row is one cell.
 */
public final class CorrelationCells {

    private static final double EARTH_RADIUS_KM = 6371.0088;
    /** Slack for rounding: cells are a little wider than the bound requires. */
    private static final double MARGIN = 1.001;

    private CorrelationCells() {
    }

    /** The lock keys of a report at {@code at}; stable text, hashed by the database into advisory lock ids. */
    public static Set<String> keys(IncidentCategory category, @Nullable UUID exercise, GeoPoint at,
            double distanceKm) {
        double rowHeight = Math.max(1e-3, Math.toDegrees(distanceKm / EARTH_RADIUS_KM) * MARGIN);
        long row = (long) Math.floor((at.lat() + 90) / rowHeight);
        Set<String> keys = new LinkedHashSet<>();
        for (long r = row - 1; r <= row + 1; r++) {
            long columns = columns(r, rowHeight, distanceKm);
            // A point within the radius lies at most one column away (columns are at least that wide).
            long column = (long) Math.floor((at.lon() + 180) / (360.0 / columns));
            for (long c = column - 1; c <= column + 1; c++) {
                keys.add("incident:" + category + ":" + exercise + ":" + r + ":" + Math.floorMod(c, columns));
            }
        }
        return keys;
    }

    /** How many equal columns row {@code r} has: each at least as wide as two points within the radius differ. */
    static long columns(long r, double rowHeight, double distanceKm) {
        // The highest latitude in this row and the rows beside it: a pair straddling rows is bounded there.
        double south = -90 + (r - 1) * rowHeight;
        double north = -90 + (r + 2) * rowHeight;
        double highest = Math.min(90, Math.max(Math.abs(south), Math.abs(north)));
        if (south < 0 && north > 0) {
            highest = Math.max(highest, 0);
        }
        double ratio = Math.sin(distanceKm / (2 * EARTH_RADIUS_KM)) / Math.cos(Math.toRadians(highest));
        if (!(ratio < 1)) {
            return 1;
        }
        double width = Math.toDegrees(2 * Math.asin(ratio)) * MARGIN;
        return Math.max(1, (long) Math.floor(360 / width));
    }
}
