package org.kalkan.cop.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.cop.Tracks;
import org.kalkan.cop.internal.MbTiles;
import org.kalkan.cop.internal.MgrsGrid;
import org.kalkan.incident.IncidentAreas;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentFeatures;
import org.kalkan.incident.IncidentQuery;
import org.kalkan.incident.Incidents;
import org.kalkan.incident.ReportArea;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.GeoPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The map page and the data it loads with the user's session (the API uses bearer tokens instead). */
@Controller
class MapController {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final Incidents incidents;
    private final CurrentSubject subject;
    private final MbTiles tiles;
    private final Tracks tracks;
    private final MgrsGrid grid;
    private final IncidentAreas areas;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    MapController(Incidents incidents, CurrentSubject subject, MbTiles tiles, Tracks tracks, MgrsGrid grid,
            IncidentAreas areas) {
        this.incidents = incidents;
        this.subject = subject;
        this.tiles = tiles;
        this.tracks = tracks;
        this.grid = grid;
        this.areas = areas;
    }

    @GetMapping("/map")
    String map(Model model) {
        model.addAttribute("categories", Arrays.asList(IncidentCategory.values()));
        model.addAttribute("mayReport", Incidents.REPORTERS.stream().anyMatch(subject.get()::has));
        if (tiles.available()) {
            Map<String, String> metadata = tiles.metadata();
            model.addAttribute("tiles", Map.of("min", metadata.getOrDefault("minzoom", "0"),
                    "max", metadata.getOrDefault("maxzoom", "18"),
                    "attribution", metadata.getOrDefault("attribution", metadata.getOrDefault("name", ""))));
        }
        return "map";
    }

    /** A tile of the operator's offline basemap package, if one is configured. */
    @GetMapping("/map/tiles/{z}/{x}/{y}")
    ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable int x, @PathVariable int y) {
        String format = tiles.metadata().getOrDefault("format", "png");
        MediaType type = "jpg".equals(format) || "jpeg".equals(format) ? MediaType.IMAGE_JPEG : MediaType.IMAGE_PNG;
        return tiles.tile(z, x, y).map(bytes -> ResponseEntity.ok().contentType(type)
                        .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofHours(1)))
                        .body(bytes))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** Incidents the user may read, newest first, as GeoJSON for the map's first load. */
    @GetMapping("/map/incidents")
    @ResponseBody
    ResponseEntity<Map<String, Object>> incidents(@RequestParam(required = false) @Nullable Instant from) {
        var page = incidents.search(subject.get(),
                new IncidentQuery(null, from, null, null, null, IncidentQuery.MAX_LIMIT, null));
        return ResponseEntity.ok().contentType(GEO_JSON).body(IncidentFeatures.collection(page.items(), null));
    }

    /** The areas (e.g. CAP polygons) of reports of the incidents the user may read, as GeoJSON. */
    @GetMapping("/map/areas")
    @ResponseBody
    ResponseEntity<Map<String, Object>> areas(@RequestParam(required = false) @Nullable Instant from) {
        return ResponseEntity.ok().contentType(GEO_JSON).body(areaCollection(areas.since(subject.get(), from)));
    }

    /** The areas of one incident's reports, fetched again when the incident changes live. */
    @GetMapping("/map/incidents/{id}/areas")
    @ResponseBody
    ResponseEntity<Map<String, Object>> incidentAreas(@PathVariable java.util.UUID id) {
        return ResponseEntity.ok().contentType(GEO_JSON)
                .body(areaCollection(areas.of(subject.get(), new org.kalkan.incident.IncidentId(id))));
    }

    private static Map<String, Object> areaCollection(java.util.List<ReportArea> areas) {
        return Map.of("type", "FeatureCollection", "features", areas.stream().map(a -> Map.of(
                "type", "Feature", "id", a.reportId().toString(), "geometry", JSON.readTree(a.geoJson()),
                "properties", Map.of("incidentId", a.incidentId().toString(),
                        "classification", a.label().classification().name(), "marking", a.label().marking())))
                .toList());
    }

    /** The latest position of every live track the user may read, for the map's first load. */
    @GetMapping("/map/tracks")
    @ResponseBody
    ResponseEntity<Map<String, Object>> tracks() {
        return ResponseEntity.ok().contentType(GEO_JSON).body(Map.of("type", "FeatureCollection",
                "features", tracks.latest(subject.get()).stream().map(Tracks::feature).toList()));
    }

    /** Infrastructure, corridors, ports, capitals and crossings: a data file shipped with the node. */
    @GetMapping("/map/reference")
    ResponseEntity<byte[]> reference() throws IOException {
        return shipped("cop/reference-layers.geojson");
    }

    /** The outlines of the named regions an alert level may be set for (shaded by their level on the map). */
    @GetMapping("/map/regions")
    ResponseEntity<byte[]> regions() throws IOException {
        return shipped("cop/regions.geojson");
    }

    /** The MGRS grid lines and labels inside the map's view ({@code bbox=west,south,east,north}) at its zoom. */
    @GetMapping("/map/mgrs-grid")
    ResponseEntity<Map<String, Object>> mgrsGrid(@RequestParam String bbox, @RequestParam int zoom) {
        double[] box = Arrays.stream(bbox.split(",")).mapToDouble(MapController::degrees).toArray();
        if (box.length != 4) {
            throw new IllegalArgumentException("bbox is west,south,east,north");
        }
        return ResponseEntity.ok().contentType(GEO_JSON).body(grid.features(box[0], box[1], box[2], box[3], zoom));
    }

    /** A position picked on the map in the notations a form shows: decimal degrees and MGRS. */
    @GetMapping("/map/position")
    @ResponseBody
    Map<String, Object> position(@RequestParam double lat, @RequestParam double lon) {
        GeoPoint point = new GeoPoint(lat, lon);
        return Map.of("lat", point.lat(), "lon", point.lon(), "mgrs", point.mgrs());
    }

    private static double degrees(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bbox holds four numbers (degrees): west,south,east,north");
        }
    }

    private static ResponseEntity<byte[]> shipped(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return ResponseEntity.ok().contentType(GEO_JSON).body(in.readAllBytes());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry mapNavigation() {
            return new NavigationEntry("nav.map", "/map", 200, null);
        }
    }
}
