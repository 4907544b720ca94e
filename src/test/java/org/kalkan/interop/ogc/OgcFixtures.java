package org.kalkan.interop.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.kalkan.ApiClient;
import org.kalkan.incident.IncidentFixtures;

/** Reports filed over the API with a unique title, so a test finds its own incidents in a shared database. */
final class OgcFixtures {

    private OgcFixtures() {
    }

    record Filed(String incidentId, String title) {
    }

    static Filed file(ApiClient api, String token, String category, double lat, double lon, Instant observedAt,
            String classification, String... releasableTo) {
        Map<String, Object> body = new HashMap<>(IncidentFixtures.report(category, lat, lon, classification,
                releasableTo));
        String title = "OGC " + category + " " + UUID.randomUUID().toString().substring(0, 8);
        body.put("title", title);
        body.put("observedAt", observedAt.toString());
        ApiClient.Response response = api.post("/api/v1/reports", token, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Filed(response.json().get("incidentId").asString(), title);
    }

    static Filed file(ApiClient api, String token, String category, double lat, double lon, String classification,
            String... releasableTo) {
        return file(api, token, category, lat, lon, Instant.now().minusSeconds(60), classification, releasableTo);
    }
}
