package org.kalkan.crisis.web;

import java.util.List;
import org.kalkan.incident.IncidentSummary;

/**
 * The crisis room's map extract: the attached incidents' positions plotted in a small SVG box around them (no
 * tiles, nothing fetched), with the extent in degrees. The full map is the COP module's.
 */
public record MiniMap(List<Point> points, double minLat, double maxLat, double minLon, double maxLon) {

    static final int WIDTH = 320;
    static final int HEIGHT = 200;
    private static final int MARGIN = 20;

    public record Point(int x, int y, String label, int severity) {
    }

    static MiniMap of(List<IncidentSummary> incidents) {
        double minLat = incidents.stream().mapToDouble(i -> i.location().lat()).min().orElse(0) - 0.5;
        double maxLat = incidents.stream().mapToDouble(i -> i.location().lat()).max().orElse(0) + 0.5;
        double minLon = incidents.stream().mapToDouble(i -> i.location().lon()).min().orElse(0) - 0.5;
        double maxLon = incidents.stream().mapToDouble(i -> i.location().lon()).max().orElse(0) + 0.5;
        List<Point> points = new java.util.ArrayList<>();
        for (int n = 0; n < incidents.size(); n++) {
            IncidentSummary i = incidents.get(n);
            int x = MARGIN + (int) Math.round((i.location().lon() - minLon) / (maxLon - minLon) * (WIDTH - 2 * MARGIN));
            int y = MARGIN + (int) Math.round((maxLat - i.location().lat()) / (maxLat - minLat) * (HEIGHT - 2 * MARGIN));
            points.add(new Point(x, y, Integer.toString(n + 1), i.severity()));
        }
        return new MiniMap(points, minLat, maxLat, minLon, maxLon);
    }

    public String extent() {
        return String.format(java.util.Locale.ROOT, "%.2f–%.2f N, %.2f–%.2f E", minLat, maxLat, minLon, maxLon);
    }
}
