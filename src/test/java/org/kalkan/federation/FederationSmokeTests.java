package org.kalkan.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kalkan.incident.IncidentFixtures;

class FederationSmokeTests {

    static FederationNode cmc;
    static FederationNode aze;

    @BeforeAll
    static void start() {
        Path root = Path.of("target", "federation-test", UUID.randomUUID().toString());
        long t0 = System.nanoTime();
        cmc = FederationNode.start("CMC", null, root.resolve("cmc"));
        aze = FederationNode.start("AZE", "AZE", root.resolve("aze"));
        System.out.println("started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        cmc.register(aze, aze.url(), List.of("AZE"), "SECRET");
        aze.register(cmc, cmc.url(), List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM"), "SECRET");
    }

    @AfterAll
    static void stop() {
        if (aze != null) aze.close();
        if (cmc != null) cmc.close();
    }

    @Test
    void reportTravels() {
        var filed = aze.api.post("/api/v1/reports", aze.token("aze.officer"),
                IncidentFixtures.report("TERRORISM", 40.41, 49.87, "CONFIDENTIAL", "AZE", "TUR"));
        assertThat(filed.status()).isEqualTo(201);
        String id = filed.json().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(cmc.api.get("/api/v1/reports/" + id, cmc.token("tur.officer")).status()).isEqualTo(200));
        System.out.println(cmc.api.get("/api/v1/reports/" + id, cmc.token("tur.officer")).body());
        System.out.println(cmc.api.get("/api/v1/federation/peers", cmc.admin()).body());
        assertThat(cmc.api.get("/api/v1/reports/" + id, cmc.token("kaz.officer")).status()).isEqualTo(404);
    }
}
