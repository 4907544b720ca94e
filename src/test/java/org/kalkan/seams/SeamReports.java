package org.kalkan.seams;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Report bodies for the seam tests, at places no other test uses: each scenario picks a fresh spot in a wide box
 * over Central Asia, so reports of other test classes on the shared node never correlate with it.
 */
final class SeamReports {

    private SeamReports() {
    }

    /** A random point; two such points fall within the correlation distance of each other very rarely. */
    record Place(double lat, double lon) {

        static Place fresh() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return new Place(36 + random.nextDouble() * 18, 46 + random.nextDouble() * 38);
        }

        /** About {@code km} kilometres north of this place. */
        Place north(double km) {
            return new Place(lat + km / 111.0, lon);
        }
    }

    static Map<String, Object> report(String category, String title, Place at, Instant observedAt, int severity,
            String classification, String... releasableTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category);
        body.put("title", title);
        body.put("narrative", "Seen by a patrol: " + title);
        body.put("observedAt", observedAt.toString());
        body.put("location", Map.of("lat", at.lat(), "lon", at.lon()));
        body.put("severity", severity);
        body.put("confidence", "PROBABLE");
        body.put("label", Map.of("classification", classification, "releasableTo", List.of(releasableTo)));
        return body;
    }
}
