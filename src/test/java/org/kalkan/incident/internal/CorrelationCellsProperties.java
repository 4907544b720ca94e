package org.kalkan.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.shared.GeoPoint;

/** Two reports within the correlation radius always share a lock; reports far apart do not wait for each other. */
class CorrelationCellsProperties {

    @Property(tries = 5000)
    void reportsWithinTheRadiusShareACell(@ForAll @DoubleRange(min = -89.9, max = 89.9) double lat,
            @ForAll @DoubleRange(min = -180, max = 180) double lon,
            @ForAll @DoubleRange(min = 0, max = 360) double bearing,
            @ForAll @DoubleRange(min = 0, max = 1) double fraction,
            @ForAll @DoubleRange(min = 1, max = 200) double radiusKm) {
        GeoPoint a = new GeoPoint(lat, lon);
        GeoPoint b = destination(a, bearing, radiusKm * fraction);
        Set<String> shared = new HashSet<>(CorrelationCells.keys(IncidentCategory.TERRORISM, null, a, radiusKm));
        shared.retainAll(CorrelationCells.keys(IncidentCategory.TERRORISM, null, b, radiusKm));
        assertThat(a.distanceKm(b)).isLessThanOrEqualTo(radiusKm * 1.0000001);
        assertThat(shared).as("%s and %s, %.1f km apart, radius %.1f", a, b, a.distanceKm(b), radiusKm)
                .isNotEmpty();
    }

    @Property(tries = 500)
    void aReportLocksAtMostNineCells(@ForAll @DoubleRange(min = -90, max = 90) double lat,
            @ForAll @DoubleRange(min = -180, max = 180) double lon) {
        Set<String> keys = CorrelationCells.keys(IncidentCategory.CBRN, null, new GeoPoint(lat, lon), 50);
        // Near a pole a row has fewer than three columns (one at the pole), so some of the nine cells coincide.
        assertThat(keys).hasSizeBetween(3, 9);
        if (Math.abs(lat) < 85) {
            assertThat(keys).hasSize(9);
        }
    }

    @Example
    void reportsFarApartOrOfOtherCategoriesOrContextsLockNothingInCommon() {
        GeoPoint baku = new GeoPoint(40.41, 49.87);
        GeoPoint alat = new GeoPoint(39.96, 49.41); // 64 km south-west of Baku
        GeoPoint aktau = new GeoPoint(43.65, 51.17);
        Set<String> bakuCells = CorrelationCells.keys(IncidentCategory.TERRORISM, null, baku, 50);
        assertThat(CorrelationCells.keys(IncidentCategory.TERRORISM, null, aktau, 50)).doesNotContainAnyElementsOf(bakuCells);
        assertThat(CorrelationCells.keys(IncidentCategory.CBRN, null, baku, 50)).doesNotContainAnyElementsOf(bakuCells);
        assertThat(CorrelationCells.keys(IncidentCategory.TERRORISM, java.util.UUID.randomUUID(), baku, 50))
                .doesNotContainAnyElementsOf(bakuCells);
        // At this latitude a cell is about 50 km square, not a whole-category lock: 64 km apart may still share.
        assertThat(CorrelationCells.columns(288, 50 / 111.19 * 1.001, 50)).isGreaterThan(500);
        assertThat(CorrelationCells.keys(IncidentCategory.TERRORISM, null, alat, 50)).isNotEmpty();
    }

    /** The point at a distance and bearing from a start, on the sphere GeoPoint measures on. */
    private static GeoPoint destination(GeoPoint start, double bearingDegrees, double km) {
        double radius = 6371.0088;
        double delta = km / radius;
        double theta = Math.toRadians(bearingDegrees);
        double phi1 = Math.toRadians(start.lat());
        double lambda1 = Math.toRadians(start.lon());
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
        double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
        double lon = (Math.toDegrees(lambda2) + 540) % 360 - 180;
        return new GeoPoint(Math.max(-90, Math.min(90, Math.toDegrees(phi2))), lon);
    }
}
