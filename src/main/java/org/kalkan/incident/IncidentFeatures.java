package org.kalkan.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Dtg;

/**
 * Incidents as GeoJSON features (RFC 7946), the one shape the map, the live stream and GIS exports share. Only
 * ever called with incidents the caller may read.
 */
public final class IncidentFeatures {

    private IncidentFeatures() {
    }

    public static Map<String, Object> feature(IncidentSummary i) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ref", i.ref());
        properties.put("category", i.category().name());
        properties.put("title", i.title());
        properties.put("status", i.status().name());
        properties.put("severity", i.severity());
        properties.put("firstObservedAt", i.firstObservedAt().toString());
        properties.put("lastObservedAt", i.lastObservedAt().toString());
        properties.put("lastObservedDtg", Dtg.of(i.lastObservedAt()));
        properties.put("reportCount", i.reportCount());
        properties.put("classification", i.label().classification().name());
        properties.put("marking", i.label().marking());
        properties.put("sidc", i.sidc());
        properties.put("mgrs", i.location().mgrs());
        properties.put("exercise", i.exerciseId() != null);
        properties.put("version", i.version());
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", i.id().value().toString());
        feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(i.location().lon(), i.location().lat())));
        feature.put("properties", properties);
        return feature;
    }

    public static Map<String, Object> collection(List<IncidentSummary> incidents, @Nullable String next) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", incidents.stream().map(IncidentFeatures::feature).toList());
        if (next != null) {
            collection.put("next", next);
        }
        return collection;
    }
}
