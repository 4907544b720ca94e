package org.kalkan.interop.cap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * CAP geometry: a polygon is at least four WGS-84 {@code lat,lon} pairs separated by spaces, the last equal to the
 * first; a circle is {@code lat,lon radius} with the radius in kilometres. Parsing returns null (and says why)
 * rather than guessing. An area's position is the centroid of its shapes (JTS); circles count as their disc.
 */
final class CapGeometry {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final int CIRCLE_SEGMENTS = 64;
    private static final double KM_PER_DEGREE = 111.32;

    /** A circle: its centre and radius in kilometres. */
    public record Circle(GeoPoint centre, double radiusKm) {
    }

    /** A parse result: the value, or why there is none. */
    public record Parsed<T>(@Nullable T value, @Nullable String problem) {

        static <T> Parsed<T> ok(T value) {
            return new Parsed<>(value, null);
        }

        static <T> Parsed<T> refused(String problem) {
            return new Parsed<>(null, problem);
        }

        /** The refusal of {@code refused}, as a value of another type. */
        static <T> Parsed<T> refused(Parsed<?> refused) {
            return new Parsed<>(null, refused.problem());
        }
    }

    private CapGeometry() {
    }

    public static Parsed<List<GeoPoint>> polygon(String text) {
        String[] pairs = text.strip().split("\\s+");
        if (pairs.length < 4) {
            return Parsed.refused("a polygon needs at least four points (the last equal to the first), found "
                    + (text.isBlank() ? 0 : pairs.length));
        }
        List<GeoPoint> points = new ArrayList<>();
        for (String pair : pairs) {
            Parsed<GeoPoint> point = point(pair);
            if (point.value() == null) {
                return Parsed.refused(point);
            }
            points.add(point.value());
        }
        if (!points.get(0).equals(points.get(points.size() - 1))) {
            return Parsed.refused("a polygon must be closed: its last point (" + pairs[pairs.length - 1]
                    + ") must equal its first (" + pairs[0] + ")");
        }
        return Parsed.ok(points);
    }

    public static Parsed<Circle> circle(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            return Parsed.refused("a circle is 'lat,lon radius' (radius in km), e.g. '40.41,49.87 15', was '"
                    + text.strip() + "'");
        }
        Parsed<GeoPoint> centre = point(parts[0]);
        if (centre.value() == null) {
            return Parsed.refused(centre);
        }
        double radius;
        try {
            radius = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            return Parsed.refused("a circle's radius must be a number of kilometres, was '" + parts[1] + "'");
        }
        if (!Double.isFinite(radius) || radius < 0 || radius > 20_000) {
            return Parsed.refused("a circle's radius must be between 0 and 20000 km, was " + parts[1]);
        }
        return Parsed.ok(new Circle(centre.value(), radius));
    }

    private static Parsed<GeoPoint> point(String pair) {
        String[] parts = pair.split(",", -1);
        if (parts.length != 2) {
            return Parsed.refused("a point is 'lat,lon' (WGS-84 decimal degrees), was '" + pair + "'");
        }
        try {
            double lat = Double.parseDouble(parts[0]);
            double lon = Double.parseDouble(parts[1]);
            return Parsed.ok(new GeoPoint(lat, lon));
        } catch (NumberFormatException e) {
            return Parsed.refused("a point is 'lat,lon' in decimal degrees, was '" + pair + "'");
        } catch (IllegalArgumentException e) {
            return Parsed.refused("point '" + pair + "': " + e.getMessage());
        }
    }

    /** The centroid of the shapes, or null when there are none. */
    public static @Nullable GeoPoint centroid(List<List<GeoPoint>> polygons, List<Circle> circles) {
        List<Geometry> shapes = shapes(polygons, circles);
        if (shapes.isEmpty()) {
            return null;
        }
        Geometry all = FACTORY.buildGeometry(shapes);
        var centroid = all.getArea() > 0 ? all.getCentroid() : all.getInteriorPoint();
        if (centroid.isEmpty()) {
            centroid = all.getEnvelope().getCentroid();
        }
        return new GeoPoint(clamp(centroid.getY(), 90), clamp(centroid.getX(), 180));
    }

    /**
     * The shapes as one GeoJSON geometry (RFC 7946, {@code [lon, lat]}): a Polygon for one shape, a MultiPolygon for
     * several; a circle becomes a 64-sided polygon and a circle of radius 0 its centre only (a Point when alone).
     */
    public static @Nullable String geoJson(List<List<GeoPoint>> polygons, List<Circle> circles) {
        List<String> rings = new ArrayList<>();
        for (List<GeoPoint> polygon : polygons) {
            rings.add(ring(polygon));
        }
        for (Circle circle : circles) {
            if (circle.radiusKm() > 0) {
                rings.add(ring(circleRing(circle)));
            }
        }
        if (rings.isEmpty()) {
            if (circles.isEmpty()) {
                return null;
            }
            GeoPoint centre = circles.get(0).centre();
            return "{\"type\":\"Point\",\"coordinates\":" + position(centre) + "}";
        }
        if (rings.size() == 1) {
            return "{\"type\":\"Polygon\",\"coordinates\":[" + rings.get(0) + "]}";
        }
        return "{\"type\":\"MultiPolygon\",\"coordinates\":[[" + String.join("],[", rings) + "]]}";
    }

    private static String ring(List<GeoPoint> points) {
        List<String> positions = new ArrayList<>();
        points.forEach(p -> positions.add(position(p)));
        return "[" + String.join(",", positions) + "]";
    }

    private static String position(GeoPoint point) {
        return String.format(Locale.ROOT, "[%.6f,%.6f]", point.lon(), point.lat());
    }

    private static List<Geometry> shapes(List<List<GeoPoint>> polygons, List<Circle> circles) {
        List<Geometry> shapes = new ArrayList<>();
        for (List<GeoPoint> polygon : polygons) {
            shapes.add(polygon(polygon.stream().map(p -> new Coordinate(p.lon(), p.lat())).toList()));
        }
        for (Circle circle : circles) {
            if (circle.radiusKm() > 0) {
                shapes.add(polygon(circleRing(circle).stream().map(p -> new Coordinate(p.lon(), p.lat())).toList()));
            } else {
                shapes.add(FACTORY.createPoint(new Coordinate(circle.centre().lon(), circle.centre().lat())));
            }
        }
        return shapes;
    }

    private static Geometry polygon(List<Coordinate> coordinates) {
        Polygon polygon = FACTORY.createPolygon(coordinates.toArray(Coordinate[]::new));
        // A self-intersecting ring still has a sensible centre: that of its hull.
        return polygon.isValid() ? polygon : polygon.convexHull();
    }

    private static List<GeoPoint> circleRing(Circle circle) {
        List<GeoPoint> ring = new ArrayList<>();
        double latRadius = circle.radiusKm() / KM_PER_DEGREE;
        double lonRadius = latRadius / Math.max(0.01, Math.cos(Math.toRadians(circle.centre().lat())));
        for (int i = 0; i < CIRCLE_SEGMENTS; i++) {
            double angle = 2 * Math.PI * i / CIRCLE_SEGMENTS;
            ring.add(new GeoPoint(clamp(circle.centre().lat() + latRadius * Math.sin(angle), 90),
                    clamp(circle.centre().lon() + lonRadius * Math.cos(angle), 180)));
        }
        ring.add(ring.get(0));
        return ring;
    }

    private static double clamp(double value, double limit) {
        return Math.max(-limit, Math.min(limit, value));
    }
}
