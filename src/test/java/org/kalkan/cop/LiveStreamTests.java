package org.kalkan.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
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
        Stream tur = new Stream(api.token("tur.officer", "kalkan-demo"));
        Stream kaz = new Stream(api.token("kaz.officer", "kalkan-demo"));
        Stream observer = new Stream(api.token("hun.observer", "kalkan-demo"));
        for (Stream s : List.of(tur, kaz, observer)) {
            assertThat(s.opened.await(10, TimeUnit.SECONDS)).isTrue();
        }
        String incidentId = api.post("/api/v1/reports", api.token("aze.officer", "kalkan-demo"),
                IncidentFixtures.report("TERRORISM", 40.37, 49.83, "CONFIDENTIAL", "AZE", "TUR")).json()
                .get("incidentId").asString();

        long deadline = System.currentTimeMillis() + 10_000;
        while (tur.lines.stream().noneMatch(l -> l.contains(incidentId)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(tur.lines).anyMatch(l -> l.startsWith("event:incident.reported"));
        assertThat(tur.lines).anyMatch(l -> l.contains(incidentId) && l.contains("CONFIDENTIAL // REL TO AZE, TUR"));
        Thread.sleep(1500);
        assertThat(kaz.lines).noneMatch(l -> l.contains(incidentId)).noneMatch(l -> l.startsWith("event:incident"));
        assertThat(observer.lines).noneMatch(l -> l.contains(incidentId));
    }

    @Test
    void theStreamNeedsCredentials() {
        var refused = new ApiClient(port).get("/api/v1/events", null);
        assertThat(refused.status()).isEqualTo(401);
    }

    private final class Stream {

        final List<String> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch opened = new CountDownLatch(1);

        Stream(String token) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                    .header("Authorization", "Bearer " + token).build();
            Thread reader = new Thread(() -> {
                try {
                    HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                            HttpResponse.BodyHandlers.ofInputStream());
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            lines.add(line);
                            if (line.startsWith("event:stream.open")) {
                                opened.countDown();
                            }
                        }
                    }
                } catch (java.io.IOException e) {
                    lines.add("closed: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            reader.setDaemon(true);
            reader.start();
        }
    }
}
