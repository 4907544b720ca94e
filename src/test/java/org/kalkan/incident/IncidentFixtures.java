package org.kalkan.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report bodies as an API client would send them. */
public final class IncidentFixtures {

    private IncidentFixtures() {
    }

    public static Map<String, Object> report(String category, double lat, double lon, String classification,
            String... releasableTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category);
        body.put("title", category + " near " + lat + "," + lon);
        body.put("narrative", "Observed by a border patrol; details follow.");
        body.put("observedAt", java.time.Instant.now().minusSeconds(60).toString());
        body.put("location", Map.of("lat", lat, "lon", lon));
        body.put("severity", 4);
        body.put("confidence", "PROBABLE");
        body.put("label", Map.of("classification", classification, "releasableTo", List.of(releasableTo)));
        return body;
    }

    /** A terrorism report near Baku labelled CONFIDENTIAL // REL TO AZE, TUR. */
    public static Map<String, Object> terrorismReportNearBaku() {
        return report("TERRORISM", 40.41, 49.87, "CONFIDENTIAL", "AZE", "TUR");
    }
}
