package org.kalkan.interop.ogc;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.PublicBaseUrl;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OGC API – Features, Part 1 (Core and GeoJSON) over the collections the {@link FeatureSource} beans offer, for
 * GIS clients such as GDAL/QGIS. Bearer tokens as on {@code /api}; every item is filtered by the access policy.
 * Links are absolute under the node's {@link PublicBaseUrl}, never under the request's {@code Host} header.
 */
@RestController
@RequestMapping("/ogc")
class OgcApi {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Map<String, FeatureSource> sources;
    private final CurrentSubject subject;
    private final Clock clock;
    private final PublicBaseUrl publicBaseUrl;

    OgcApi(List<FeatureSource> sources, CurrentSubject subject, Clock clock, PublicBaseUrl publicBaseUrl) {
        this.sources = sources.stream().collect(Collectors.toMap(FeatureSource::id, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two feature collections named " + a.id());
                }, LinkedHashMap::new));
        this.subject = subject;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    record Link(String href, String rel, String type, String title) {
    }

    record Landing(String title, String description, List<Link> links) {
    }

    record Conformance(List<String> conformsTo) {
    }

    record Collection(String id, String title, String description, String itemType, List<String> crs,
            List<Link> links) {
    }

    record Collections(List<Link> links, List<Collection> collections) {
    }

    @GetMapping({"", "/"})
    ResponseEntity<Landing> landing() {
        String base = base();
        return json(new Landing("Kalkan common operational picture", "OGC API – Features of the Kalkan node",
                List.of(new Link(inContext(base), "self", JSON, "This document"),
                        new Link(root() + "/v3/api-docs", "service-desc",
                                "application/vnd.oai.openapi+json;version=3.0", "The API definition"),
                        new Link(inContext(base + "/conformance"), "conformance", JSON, "Conformance classes"),
                        new Link(inContext(base + "/collections"), "data", JSON, "Feature collections"))));
    }

    @GetMapping("/conformance")
    ResponseEntity<Conformance> conformance() {
        return json(new Conformance(CONFORMANCE));
    }

    @GetMapping("/collections")
    ResponseEntity<Collections> collections() {
        String base = base();
        return json(new Collections(List.of(new Link(inContext(base + "/collections"), "self", JSON,
                "Feature collections")),
                sources.values().stream().map(s -> collection(s, base)).toList()));
    }

    @GetMapping("/collections/{collectionId}")
    ResponseEntity<Collection> collection(@PathVariable String collectionId) {
        return json(collection(source(collectionId), base()));
    }

    @GetMapping("/collections/{collectionId}/items")
    ResponseEntity<Map<String, Object>> items(@PathVariable String collectionId,
            @Parameter(description = "minLon,minLat,maxLon,maxLat in WGS 84") @RequestParam(required = false)
            @Nullable String bbox,
            @Parameter(description = "RFC 3339 instant or interval start/end; either end may be '..'")
            @RequestParam(required = false) @Nullable String datetime,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "" + FeatureQuery.MAX_LIMIT,
                    defaultValue = "" + FeatureQuery.DEFAULT_LIMIT)) @RequestParam(required = false)
            @Nullable String limit,
            @Parameter(description = "the page cursor from a 'next' link") @RequestParam(required = false)
            @Nullable String cursor) {
        FeatureSource source = source(collectionId);
        FeatureQuery query = FeatureQuery.parse(bbox, datetime, limit, cursor);
        FeatureSource.Page page = source.items(subject.get(), query);
        String collection = base() + "/collections/" + source.id();
        List<Link> links = new ArrayList<>();
        links.add(new Link(currentRequest().toUriString(), "self",
                GEO_JSON.toString(), "This page"));
        links.add(new Link(inContext(collection), "collection", JSON, source.title()));
        if (page.next() != null) {
            links.add(new Link(currentRequest()
                    .replaceQueryParam("limit", query.limit()).replaceQueryParam("cursor", page.next())
                    .toUriString(), "next", GEO_JSON.toString(), "Next page"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("features", page.features().stream().map(FeatureSource.Feature::geoJson).toList());
        body.put("timeStamp", clock.instant().toString());
        body.put("numberReturned", page.features().size());
        body.put("links", links);
        return ResponseEntity.ok().contentType(GEO_JSON).body(body);
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<Map<String, Object>> item(@PathVariable String collectionId, @PathVariable String featureId) {
        FeatureSource source = source(collectionId);
        Map<String, Object> feature = source.item(subject.get(), featureId).geoJson();
        String collection = base() + "/collections/" + source.id();
        feature.put("links", List.of(
                new Link(inContext(collection + "/items/" + feature.get("id")), "self", GEO_JSON.toString(),
                        "This feature"),
                new Link(inContext(collection), "collection", JSON, source.title())));
        return ResponseEntity.ok().contentType(GEO_JSON).body(feature);
    }

    private Collection collection(FeatureSource source, String base) {
        String self = base + "/collections/" + source.id();
        return new Collection(source.id(), source.title(), source.description(), "feature", List.of(CRS84),
                List.of(new Link(inContext(self), "self", JSON, source.title()),
                        new Link(inContext(self + "/items"), "items", GEO_JSON.toString(),
                                source.title() + " as GeoJSON")));
    }

    private FeatureSource source(String collectionId) {
        FeatureSource source = sources.get(collectionId);
        if (source == null) {
            throw new NotFoundException("No collection '" + collectionId + "'; the collections are " + sources.keySet()
                    + " (GET /ogc/collections).");
        }
        return source;
    }

    private static <T> ResponseEntity<T> json(T body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * The link in the request's exercise context, if it names one: a GIS client that follows the links stays in the
     * exercise instead of silently getting real-world features (ADR 0006).
     */
    private String inContext(String href) {
        UUID exercise = subject.requestedExercise();
        return exercise == null ? href : href + (href.contains("?") ? "&" : "?") + "exercise=" + exercise;
    }

    private String root() {
        return publicBaseUrl.get();
    }

    private String base() {
        return root() + "/ogc";
    }

    /** The current request's path and query under the public base URL: a "self" link. */
    private UriComponentsBuilder currentRequest() {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(publicBaseUrl.get()).path(path);
        if (request.getQueryString() != null) {
            builder.query(request.getQueryString());
        }
        return builder;
    }
}
