package org.kalkan.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.industry.IndustryFixtures.MANAGER;
import static org.kalkan.industry.IndustryFixtures.PASSWORD;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The programme manager creates a three-nation drone programme with six packages and links, reports progress, and
 * reads the indices, the critical path and each nation's balance as of a date; officers read what is released to
 * them and change nothing.
 */
@KalkanTest
class DroneProgrammeTests {

    @LocalServerPort int port;

    @Test
    void performanceAsOfADateFollowsTheContract() {
        ApiClient api = new ApiClient(port);
        String token = api.token(MANAGER, PASSWORD);
        String id = IndustryFixtures.droneProgramme(api, token, "KARTAL MALE drone");
        String base = "/api/v1/industry/programmes/" + id;
        ApiClient.Response progress = api.post(base + "/work-packages/WP1/progress", token,
                Map.of("asOf", "2026-07-01", "percentComplete", 40, "actualCost", 520000));
        assertThat(progress.status()).as(progress.body()).isEqualTo(201);
        assertThat(api.post(base + "/work-packages/WP2/progress", token,
                Map.of("asOf", "2026-07-01", "percentComplete", 50, "actualCost", 400000)).status()).isEqualTo(201);

        ApiClient.Response response = api.get(base + "/performance?asOf=2026-07-01", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode p = response.json();
        assertThat(p.get("bac").isNumber()).isTrue();
        assertThat(p.get("bac").decimalValue()).isEqualByComparingTo("3900000");
        // WP1: PV 595,068.49; WP2 (245 days, 122 elapsed): 870,000 × 122 / 245 = 433,224.49; WP3: 91/244 × 480,000
        JsonNode wp1 = find(p.get("workPackages"), "WP1");
        assertThat(wp1.get("pv").decimalValue()).isEqualByComparingTo("595068.49");
        assertThat(wp1.get("ev").decimalValue()).isEqualByComparingTo("480000.00");
        assertThat(wp1.get("ac").decimalValue()).isEqualByComparingTo("520000.00");
        assertThat(wp1.get("cpi").decimalValue()).isEqualByComparingTo("0.9231");
        assertThat(wp1.get("spi").decimalValue()).isEqualByComparingTo("0.8066");
        assertThat(wp1.get("critical").asBoolean()).isTrue();
        assertThat(wp1.get("totalFloatDays").asLong()).isZero();
        JsonNode wp2 = find(p.get("workPackages"), "WP2");
        assertThat(wp2.get("pv").decimalValue()).isEqualByComparingTo("433224.49");
        assertThat(wp2.get("totalFloatDays").asLong()).isEqualTo(61); // finishes 1 Nov, WP4 may start 1 Jan
        assertThat(find(p.get("workPackages"), "WP5").get("totalFloatDays").asLong()).isEqualTo(30);
        JsonNode wp4 = find(p.get("workPackages"), "WP4");
        assertThat(wp4.get("cpi").isNull()).as("no actual cost yet: CPI is absent, not 0").isTrue();
        assertThat(wp4.get("spi").isNull()).as("nothing planned yet").isTrue();
        assertThat(p.get("criticalPath").toString()).isEqualTo("[\"WP1\",\"WP4\",\"WP6\"]");
        // the programme is the sum of its packages: EV 480,000 + 435,000; AC 920,000
        assertThat(p.get("ev").decimalValue()).isEqualByComparingTo("915000.00");
        assertThat(p.get("ac").decimalValue()).isEqualByComparingTo("920000.00");
        assertThat(p.get("cpi").decimalValue()).isEqualByComparingTo("0.9946"); // 915,000 / 920,000
        assertThat(p.get("eac").decimalValue()).isEqualByComparingTo("3921311.48"); // 3,900,000 × 920 / 915
        JsonNode tur = p.get("nations").get("TUR");
        assertThat(tur.get("costShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(tur.get("plannedWork").decimalValue()).isEqualByComparingTo("1950000.00");
        assertThat(tur.get("earnedWork").decimalValue()).isEqualByComparingTo("480000.00");
        assertThat(tur.get("balance").decimalValue()).isEqualByComparingTo("1.0000");
        assertThat(p.get("nations").get("KAZ").get("balance").decimalValue()).isEqualByComparingTo("1.0000");

        // the global balance sums every readable EUR programme, per nation and per year
        JsonNode global = api.get("/api/v1/industry/balance?currency=EUR", token).json();
        assertThat(global.get("programmes").asInt()).isPositive();
        assertThat(global.get("nations").get("KAZ").get("years").has("2027")).isTrue();
        assertThat(global.get("nations").get("KAZ").get("contribution").decimalValue()).isPositive();

        // KAZ's officer reads the programme released to KAZ but may not change it; an observer does not see it
        String kaz = api.token("kaz.officer", PASSWORD);
        assertThat(api.get(base + "/performance?asOf=2026-07-01", kaz).status()).isEqualTo(200);
        assertThat(api.post(base + "/work-packages/WP3/progress", kaz,
                Map.of("asOf", "2026-07-01", "percentComplete", 10, "actualCost", 1000)).status()).isEqualTo(403);
        String hun = api.token("hun.observer", PASSWORD);
        assertThat(api.get(base + "/performance", hun).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/industry/programmes", hun).body()).doesNotContain(id);
    }

    @Test
    void badInputIsRefusedByNameAndNothingIsStored() {
        ApiClient api = new ApiClient(port);
        String token = api.token(MANAGER, PASSWORD);
        ApiClient.Response shares = api.post("/api/v1/industry/programmes", token, Map.of("name", "Bad shares",
                "nations", java.util.List.of("TUR", "AZE"), "costShares", Map.of("TUR", 0.5, "AZE", 0.4),
                "currency", "EUR", "label", IndustryFixtures.label("RESTRICTED", "TUR", "AZE")));
        assertThat(shares.status()).isEqualTo(400);
        assertThat(shares.body()).contains("costShares").contains("sum to exactly 1");
        assertThat(api.get("/api/v1/industry/programmes", token).body()).doesNotContain("Bad shares");

        String id = IndustryFixtures.programme(api, token, "Cycle check");
        String base = "/api/v1/industry/programmes/" + id + "/work-packages";
        assertThat(api.post(base, token, IndustryFixtures.workPackage("A", "A", "TUR", 100, "2026-01-01",
                "2026-02-01")).status()).isEqualTo(201);
        ApiClient.Response unknown = api.post(base, token, IndustryFixtures.workPackage("B", "B", "TUR", 100,
                "2026-01-01", "2026-02-01", "X"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("B depends on X");
        ApiClient.Response foreign = api.post(base, token, IndustryFixtures.workPackage("C", "C", "UZB", 100,
                "2026-01-01", "2026-02-01"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("\"where\":\"nation\"");
        ApiClient.Response backwards = api.post(base, token, IndustryFixtures.workPackage("D", "D", "TUR", 100,
                "2026-03-01", "2026-02-01"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("plannedFinish");
        assertThat(api.get(base, token).json().size()).isEqualTo(1);
        assertThat(api.post(base + "/A/progress", token, Map.of("asOf", "2026-01-15", "percentComplete", 120,
                "actualCost", 10)).body()).contains("percentComplete");
    }

    @Test
    void milestonesAreAcceptedOnceAndABaselineShowsTheSlipAlongTheCriticalPath() {
        ApiClient api = new ApiClient(port);
        String token = api.token(MANAGER, PASSWORD);
        String id = IndustryFixtures.droneProgramme(api, token, "Baseline " + java.util.UUID.randomUUID());
        String base = "/api/v1/industry/programmes/" + id;
        ApiClient.Response delivery = api.post(base + "/milestones", token, Map.of("name", "Ground station delivered",
                "kind", "DELIVERY", "due", "2026-12-01", "workPackage", "WP3"));
        assertThat(delivery.status()).as(delivery.body()).isEqualTo(201);
        String milestone = delivery.json().get("id").asString();
        ApiClient.Response accepted = api.post(base + "/milestones/" + milestone + "/acceptance", token,
                Map.of("accepted", true, "on", "2026-12-03", "note", "Factory acceptance test passed"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(api.post(base + "/milestones/" + milestone + "/acceptance", token,
                Map.of("accepted", false, "on", "2026-12-04")).status()).isEqualTo(409);

        assertThat(api.post(base + "/baselines", token, Map.of()).status()).isEqualTo(201);
        assertThat(api.post(base + "/work-packages/WP1/plan", token, Map.of("plannedStart", "2026-01-01",
                "plannedFinish", "2027-01-31", "budget", 1200000)).status()).isEqualTo(200);
        JsonNode rows = api.get(base + "/baseline-comparison", token).json().get("packages");
        // WP1 finishes 30 days later; WP4, WP5 and WP6 after it move with it; WP2 and WP3 keep their float
        assertThat(find(rows, "WP1").get("finishSlipDays").asLong()).isEqualTo(30);
        assertThat(find(rows, "WP4").get("finishSlipDays").asLong()).isEqualTo(30);
        assertThat(find(rows, "WP5").get("finishSlipDays").asLong()).isEqualTo(30);
        assertThat(find(rows, "WP6").get("finishSlipDays").asLong()).isEqualTo(30);
        assertThat(find(rows, "WP3").get("finishSlipDays").asLong()).isZero();
        assertThat(find(rows, "WP2").get("finishSlipDays").asLong()).isZero();
        assertThat(find(rows, "WP1").get("budgetChange").decimalValue()).isZero();
        assertThat(api.get(base + "/schedule", token).json().get("lengthDays").asLong()).isEqualTo(576);
    }

    static JsonNode find(JsonNode array, String code) {
        for (JsonNode node : array) {
            if (node.get("code").asString().equals(code)) {
                return node;
            }
        }
        throw new AssertionError("no " + code + " in " + array);
    }
}
