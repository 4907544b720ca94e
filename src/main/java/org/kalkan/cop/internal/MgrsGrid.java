package org.kalkan.cop.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.grid.features.Bounds;
import mil.nga.grid.features.Point;
import mil.nga.mgrs.features.GridLine;
import mil.nga.mgrs.grid.Grid;
import mil.nga.mgrs.grid.GridLabel;
import mil.nga.mgrs.grid.GridType;
import mil.nga.mgrs.grid.Grids;
import mil.nga.mgrs.grid.ZoomGrids;
import mil.nga.mgrs.gzd.GridZone;
import mil.nga.mgrs.gzd.GridZones;
import org.springframework.stereotype.Component;

/**
 * The MGRS grid over a map view, computed by NGA's {@code mil.nga:mgrs} (the same library that converts positions):
 * grid zone designations from the smallest zoom, the 100 km squares from zoom 5, 10 km from zoom 9, 1 km from 12,
 * each line and label as a GeoJSON feature the map draws (nothing fetched from outside the node).
 */
@Component
public class MgrsGrid {

    /** The finest grid drawn: finer grids at a regional view would be thousands of lines. */
    static final int MAX_ZOOM = 14;
    /** A view wider than this (degrees) gets only the grid zones: the map is at a continental scale. */
    private static final double MAX_SPAN = 200;

    private final Grids grids;

    MgrsGrid() {
        this.grids = Grids.create(GridType.GZD, GridType.HUNDRED_KILOMETER, GridType.TEN_KILOMETER,
                GridType.KILOMETER);
        grids.setZoomRange(GridType.GZD, 0, null);
        grids.setZoomRange(GridType.HUNDRED_KILOMETER, 5, null);
        grids.setZoomRange(GridType.TEN_KILOMETER, 9, null);
        grids.setZoomRange(GridType.KILOMETER, 12, null);
        grids.setLabelMinZoom(GridType.GZD, 0);
        grids.setLabelMinZoom(GridType.HUNDRED_KILOMETER, 6);
        grids.setLabelMinZoom(GridType.TEN_KILOMETER, 10);
        grids.setLabelMinZoom(GridType.KILOMETER, 13);
    }

    /**
     * The grid lines and labels inside the view {@code west, south, east, north} (degrees) at the map's zoom, as a
     * GeoJSON FeatureCollection: lines carry {@code grid} (GZD, HUNDRED_KILOMETER, …), labels {@code label}.
     */
    public Map<String, Object> features(double west, double south, double east, double north, int zoom) {
        if (!(west < east) || !(south < north) || Double.isNaN(west) || Double.isNaN(south)) {
            throw new IllegalArgumentException("bbox must be west,south,east,north with west < east and south < north");
        }
        int z = Math.max(0, Math.min(zoom, MAX_ZOOM));
        if (east - west > MAX_SPAN) {
            z = Math.min(z, 3);
        }
        Bounds view = Bounds.degrees(Math.max(west, -180), Math.max(south, -80), Math.min(east, 180),
                Math.min(north, 84));
        List<Map<String, Object>> features = new ArrayList<>();
        ZoomGrids zoomGrids = grids.getGrids(z);
        if (zoomGrids != null) {
            for (GridZone zone : GridZones.getZones(view)) {
                for (Grid grid : zoomGrids) {
                    List<GridLine> lines = grid.getLines(z, view, zone);
                    if (lines != null) {
                        lines.forEach(line -> features.add(line(line, grid.getType())));
                    }
                    List<GridLabel> labels = grid.getLabels(z, view, zone);
                    if (labels != null) {
                        labels.forEach(label -> features.add(label(label)));
                    }
                }
            }
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("zoom", z);
        collection.put("features", features);
        return collection;
    }

    private static Map<String, Object> line(GridLine line, GridType type) {
        Point a = line.getPoint1().toDegrees();
        Point b = line.getPoint2().toDegrees();
        return feature(Map.of("type", "LineString", "coordinates",
                List.of(List.of(round(a.getLongitude()), round(a.getLatitude())),
                        List.of(round(b.getLongitude()), round(b.getLatitude())))),
                Map.of("grid", (line.getGridType() == null ? type : line.getGridType()).name()));
    }

    private static Map<String, Object> label(GridLabel label) {
        Point center = label.getCenter().toDegrees();
        return feature(Map.of("type", "Point", "coordinates",
                        List.of(round(center.getLongitude()), round(center.getLatitude()))),
                Map.of("grid", label.getGridType().name(), "label", label.getName()));
    }

    private static Map<String, Object> feature(Map<String, Object> geometry, Map<String, Object> properties) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
