package org.kalkan.shared;

import java.text.ParseException;
import mil.nga.mgrs.MGRS;
import mil.nga.mgrs.grid.GridType;

/** A WGS-84 position. MGRS input and display go through NGA's library, the field standard. */
public record GeoPoint(double lat, double lon) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude must be between -90 and 90, was " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude must be between -180 and 180, was " + lon);
        }
    }

    /** Parses an MGRS reference such as {@code 38TNK1234567890}; throws IllegalArgumentException if invalid. */
    public static GeoPoint fromMgrs(String reference) {
        String compact = reference == null ? "" : reference.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
        if (!MGRS.isMGRS(compact)) {
            throw new IllegalArgumentException("not a valid MGRS reference: " + reference);
        }
        try {
            var point = MGRS.parse(compact).toPoint();
            return new GeoPoint(point.getLatitude(), point.getLongitude());
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid MGRS reference: " + reference);
        }
    }

    /** The MGRS reference to 1 m, e.g. {@code 39TUK1234567890}. */
    public String mgrs() {
        return MGRS.from(lon, lat).coordinate(GridType.METER);
    }

    /** Great-circle distance in kilometres (haversine). */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
