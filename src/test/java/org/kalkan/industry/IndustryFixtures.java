package org.kalkan.industry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kalkan.ApiClient;

/**
 * A three-nation drone programme as {@code programme.manager} (TUR) creates it through the API: TUR 50 %, AZE 30 %,
 * KAZ 20 %, six work packages whose budgets match the shares (BAC 3,900,000 EUR). Critical path WP1 → WP4 → WP6.
 */
final class IndustryFixtures {

    static final String MANAGER = "programme.manager";
    static final String PASSWORD = "kalkan-demo";

    private IndustryFixtures() {
    }

    static Map<String, Object> label(String classification, String... nations) {
        return Map.of("classification", classification, "releasableTo", List.of(nations));
    }

    static String programme(ApiClient api, String token, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("nations", List.of("TUR", "AZE", "KAZ"));
        body.put("costShares", Map.of("TUR", 0.5, "AZE", 0.3, "KAZ", 0.2));
        body.put("currency", "EUR");
        body.put("mouReference", "MoU-KARTAL-2025");
        body.put("label", label("CONFIDENTIAL", "TUR", "AZE", "KAZ"));
        ApiClient.Response created = api.post("/api/v1/industry/programmes", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static Map<String, Object> workPackage(String code, String title, String nation, long budget, String start,
            String finish, Object... dependsOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("title", title);
        body.put("nation", nation);
        body.put("budget", budget);
        body.put("plannedStart", start);
        body.put("plannedFinish", finish);
        body.put("dependsOn", new ArrayList<>(List.of(dependsOn)));
        return body;
    }

    static List<Map<String, Object>> sixPackages() {
        return List.of(
                workPackage("WP1", "Airframe design", "TUR", 1_200_000, "2026-01-01", "2027-01-01"),
                workPackage("WP2", "Avionics and datalink", "AZE", 870_000, "2026-03-01", "2026-11-01"),
                workPackage("WP3", "Ground control station", "KAZ", 480_000, "2026-04-01", "2026-12-01"),
                workPackage("WP4", "Integration", "TUR", 750_000, "2027-01-01", "2027-04-01", "WP1", "WP2"),
                workPackage("WP5", "Flight test", "AZE", 300_000, "2027-04-01", "2027-06-01", "WP4"),
                workPackage("WP6", "Training and support", "KAZ", 300_000, "2027-04-01", "2027-07-01", "WP3",
                        Map.of("code", "WP4", "lagDays", 0)));
    }

    static String droneProgramme(ApiClient api, String token, String name) {
        String id = programme(api, token, name);
        for (Map<String, Object> wp : sixPackages()) {
            ApiClient.Response added = api.post("/api/v1/industry/programmes/" + id + "/work-packages", token, wp);
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        return id;
    }
}
