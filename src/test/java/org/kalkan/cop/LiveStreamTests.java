package org.kalkan.cop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.EventStream;
import org.kalkan.KalkanTest;
import org.kalkan.incident.IncidentFixtures;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API's live stream delivers a report to those who may read it and says nothing to anyone else. */
@KalkanTest
class LiveStreamTests {

    @LocalServerPort int port;

    @Test
    void onlyClearedSubscribersReceiveTheEvent() throws Exception {
        ApiClient api = new ApiClient(port);
        EventStream tur = new EventStream(port, "/api/v1/events", api.token("tur.officer", "kalkan-demo"));
        EventStream kaz = new EventStream(port, "/api/v1/events", api.token("kaz.officer", "kalkan-demo"));
        EventStream observer = new EventStream(port, "/api/v1/events", api.token("hun.observer", "kalkan-demo"));
        for (EventStream s : List.of(tur, kaz, observer)) {
            assertThat(s.opened.await(10, TimeUnit.SECONDS)).isTrue();
        }
        String incidentId = api.post("/api/v1/reports", api.token("aze.officer", "kalkan-demo"),
                IncidentFixtures.report("TERRORISM", 40.37, 49.83, "CONFIDENTIAL", "AZE", "TUR")).json()
                .get("incidentId").asString();

        tur.await(l -> l.contains(incidentId), Duration.ofSeconds(10));
        assertThat(tur.lines).anyMatch(l -> l.startsWith("event:incident.reported"));
        assertThat(tur.lines).anyMatch(l -> l.contains(incidentId) && l.contains("CONFIDENTIAL // REL TO AZE, TUR"));

        // A report everyone may read, filed afterwards: each stream delivers in order, so once KAZ and the observer
        // have it, the first report would have reached them before it if it were to.
        String marker = api.post("/api/v1/reports", api.token("aze.officer", "kalkan-demo"),
                IncidentFixtures.report("NATURAL_DISASTER", 41.31, 69.28, "UNCLASSIFIED", "ALL")).json()
                .get("incidentId").asString();
        kaz.await(l -> l.contains(marker), Duration.ofSeconds(10));
        observer.await(l -> l.contains(marker), Duration.ofSeconds(10));
        assertThat(kaz.lines).noneMatch(l -> l.contains(incidentId));
        assertThat(observer.lines).noneMatch(l -> l.contains(incidentId));
    }

    @Test
    void everyReportOfABatchReachesTheStream() throws Exception {
        ApiClient api = new ApiClient(port);
        EventStream tur = new EventStream(port, "/api/v1/events", api.token("tur.officer", "kalkan-demo"));
        assertThat(tur.opened.await(10, TimeUnit.SECONDS)).isTrue();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(IncidentFixtures.report("OTHER", 36 + (i % 20) * 0.9, 60 + (i / 20) * 0.9, "UNCLASSIFIED", "ALL"));
        }
        var filed = api.post("/api/v1/reports/batch", api.token("aze.officer", "kalkan-demo"), batch);
        assertThat(filed.status()).isEqualTo(201);
        // A burst fills the connection's buffer: the stream used to end there, a few events in.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> tur.lines.stream().filter(l -> l.startsWith("event:incident.reported")).count() >= 200
                        || tur.lines.stream().anyMatch(l -> l.startsWith("closed")));
        assertThat(tur.lines).noneMatch(l -> l.startsWith("closed"));
    }

    @Test
    void theStreamNeedsCredentials() {
        var refused = new ApiClient(port).get("/api/v1/events", null);
        assertThat(refused.status()).isEqualTo(401);
    }
}
