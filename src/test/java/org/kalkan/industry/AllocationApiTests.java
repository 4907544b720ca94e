package org.kalkan.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.industry.IndustryFixtures.MANAGER;
import static org.kalkan.industry.IndustryFixtures.PASSWORD;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The programme manager asks for an allocation of the open packages: CP-SAT gives the one that fits to a qualified
 * TUR supplier, proves it optimal (gap 0) and explains, supplier by supplier, why the other stays unallocated;
 * accepting it gives the package its supplier, once.
 */
@KalkanTest
class AllocationApiTests {

    @LocalServerPort int port;

    @Test
    void openPackagesAreAllocatedWithTheGapAndAReasonForEachPackageLeftOut() {
        ApiClient api = new ApiClient(port);
        String token = api.token(MANAGER, PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String uncleared = supplier(api, token, "Uncleared Works " + tag, "RESTRICTED", "2030-01-01");
        String lapsed = supplier(api, token, "Lapsed Quality " + tag, "SECRET", "2026-06-01");
        String qualified = supplier(api, token, "Qualified Aero " + tag, "SECRET", "2030-01-01");
        String id = IndustryFixtures.programme(api, token, "Allocation " + tag);
        String base = "/api/v1/industry/programmes/" + id;
        Map<String, Object> w1 = IndustryFixtures.workPackage("W1", "Wing spars", "TUR", 1_000_000, "2026-09-01",
                "2027-03-01");
        w1.put("controlEntry", "ML10");
        assertThat(api.post(base + "/work-packages", token, w1).status()).isEqualTo(201);
        assertThat(api.post(base + "/work-packages", token, IndustryFixtures.workPackage("W2", "Engine line", "TUR",
                50_000_000, "2026-09-01", "2028-09-01")).status()).isEqualTo(201);

        ApiClient.Response response = api.post(base + "/allocations", token, Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode allocation = response.json();
        assertThat(allocation.get("provenOptimal").asBoolean()).isTrue();
        assertThat(allocation.get("gap").decimalValue()).isZero();
        assertThat(allocation.get("assignments")).hasSize(1);
        JsonNode assigned = allocation.get("assignments").get(0);
        assertThat(assigned.get("code").asString()).isEqualTo("W1");
        assertThat(assigned.get("nation").asString()).as("TUR is furthest below its share, and cheapest")
                .isEqualTo("TUR");
        assertThat(assigned.get("supplier").asString()).isNotIn(uncleared, lapsed);
        JsonNode left = allocation.get("unallocated").get(0);
        assertThat(left.get("code").asString()).isEqualTo("W2");
        assertThat(left.get("reason").asString()).startsWith("no qualified supplier")
                .contains("Uncleared Works " + tag + " (TUR): facility clearance RESTRICTED below CONFIDENTIAL")
                .contains("Lapsed Quality " + tag + " (TUR): no AQAP-2110 certificate valid through 2028-08-31")
                .contains("Qualified Aero " + tag + " (TUR): remaining capacity 5000000.00 below the budget");

        String allocationId = allocation.get("id").asString();
        assertThat(api.post(base + "/allocations/" + allocationId + "/acceptance", api.token("kaz.officer",
                PASSWORD), Map.of()).status()).isEqualTo(403);
        ApiClient.Response accepted = api.post(base + "/allocations/" + allocationId + "/acceptance", token, Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode w1After = DroneProgrammeTests.find(api.get(base + "/work-packages", token).json(), "W1");
        assertThat(w1After.get("supplier").asString()).isEqualTo(assigned.get("supplier").asString());
        assertThat(api.post(base + "/allocations/" + allocationId + "/acceptance", token, Map.of()).status())
                .isEqualTo(409);
        assertThat(qualified).isNotBlank();
    }

    private static String supplier(ApiClient api, String token, String name, String clearance, String aqapUntil) {
        ApiClient.Response created = api.post("/api/v1/industry/suppliers", token, Map.of("name", name,
                "facilityClearance", clearance, "capacity", 5_000_000, "costFactor", 1.0,
                "certificates", List.of(Map.of("standard", "AQAP-2110", "validUntil", aqapUntil)),
                "label", IndustryFixtures.label("RESTRICTED", "MEMBERS")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
