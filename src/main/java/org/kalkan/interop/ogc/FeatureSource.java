package org.kalkan.interop.ogc;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * One collection of the OGC API: an adapter over a module's facade, which filters by the access policy. Another
 * collection (say, the live picture's infrastructure) is another bean implementing this interface here, in
 * {@code interop}: modules never depend on the adapters.
 */
interface FeatureSource {

    /** The collection id in {@code /ogc/collections/{id}}. */
    String id();

    String title();

    String description();

    /** A page of the features the subject may read, newest first; {@code next} is the cursor of the next page. */
    Page items(Subject subject, FeatureQuery query);

    /** One feature the subject may read; otherwise a 404 problem that does not reveal whether it exists. */
    Feature item(Subject subject, String featureId);

    /** A GeoJSON point feature in WGS 84 (longitude, latitude). */
    record Feature(String id, double lon, double lat, Map<String, @Nullable Object> properties) {

        Map<String, Object> geoJson() {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("type", "Feature");
            json.put("id", id);
            json.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
            json.put("properties", properties);
            return json;
        }
    }

    record Page(List<Feature> features, @Nullable String next) {
    }
}
