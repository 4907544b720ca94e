package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.SessionClient;
import org.kalkan.interop.cot.CotFixtures;
import org.kalkan.interop.cot.CotPorts;
import org.kalkan.interop.cot.CotTestClient;
import org.kalkan.interop.cot.TakIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** High #5: a TAK track belongs to its sender; another nation sending its uid never moves it anywhere. */
@KalkanTest
class TrackSeamTests {

    private static final Duration SOON = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired ApplicationContext node;

    @Test
    void anotherNationSendingTheUidOfATrackDoesNotOverwriteIt() throws Exception {
        assertNotOverwrittenBy("kaz.officer");
    }

    /** A track belongs to its sending user, not only their nation: a TUR colleague cannot move it either. */
    @Test
    void aColleagueOfTheSameNationSendingTheUidOfATrackDoesNotOverwriteIt() throws Exception {
        assertNotOverwrittenBy("cmc.watch");
    }

    /** tur.officer's track, then {@code intruder} sending its uid elsewhere: nobody's device or map moves it. */
    private void assertNotOverwrittenBy(String intruder) throws Exception {
        ApiClient api = new ApiClient(port);
        String uid = "TUR-PATROL-" + UUID.randomUUID();
        int tls = CotPorts.tls(node);
        try (var tur = CotTestClient.tls(tls, TakIdentity.enrol(api, "tur.officer"));
                var other = CotTestClient.tls(tls, TakIdentity.enrol(api, intruder));
                var aze = CotTestClient.tls(tls, TakIdentity.enrol(api, "aze.officer"))) {
            assertThat(aze.await("t-x-takp-v", SOON)).isNotNull();
            tur.send(CotFixtures.position(uid, "a-f-G-U-C", 41.01, 28.98, ""));
            assertThat(aze.await(uid, SOON)).contains("lat=\"41.01\"");

            other.send(CotFixtures.position(uid, "a-h-G", 43.25, 76.95, ""));
            other.send(CotFixtures.ping());
            assertThat(other.await("t-x-c-t-r", SOON)).isNotNull();
            assertThat(tur.collect(Duration.ofSeconds(1))).as("TUR's own devices")
                    .noneMatch(e -> e.contains(uid) && e.contains("43.25"));
            assertThat(aze.collect(Duration.ofSeconds(1))).as("other devices")
                    .noneMatch(e -> e.contains(uid) && e.contains("43.25"));
        }
        for (String user : List.of("tur.officer", "aze.officer")) {
            List<JsonNode> features = tracks(user, uid);
            assertThat(features).as(user + "'s map").isNotEmpty().allSatisfy(f -> {
                assertThat(f.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(41.01);
                assertThat(f.get("properties").get("type").asString()).isEqualTo("a-f-G-U-C");
            });
        }
        // A new client receives the latest SA: TUR's position, never KAZ's.
        try (var uzb = CotTestClient.tls(tls, TakIdentity.enrol(api, "uzb.officer"))) {
            assertThat(uzb.await(uid, SOON)).contains("lat=\"41.01\"");
        }
    }

    @Test
    void aClientCannotTakeTheUidOfANodeMarker() throws Exception {
        ApiClient api = new ApiClient(port);
        String uid = "kalkan-incident-" + UUID.randomUUID();
        int tls = CotPorts.tls(node);
        try (var kaz = CotTestClient.tls(tls, TakIdentity.enrol(api, "kaz.officer"));
                var aze = CotTestClient.tls(tls, TakIdentity.enrol(api, "aze.officer"))) {
            assertThat(aze.await("t-x-takp-v", SOON)).isNotNull();
            kaz.send(CotFixtures.position(uid, "b-m-p-s-m", 43.25, 76.95, ""));
            assertThat(aze.collect(Duration.ofSeconds(1))).noneMatch(e -> e.contains(uid));
        }
    }

    private List<JsonNode> tracks(String user, String uid) throws Exception {
        HttpClient browser = SessionClient.signedIn(port, user);
        String body = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/map/tracks"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        List<JsonNode> matching = new java.util.ArrayList<>();
        JSON.readTree(body).get("features").forEach(f -> {
            if (f.get("id").asString().equals(uid)) {
                matching.add(f);
            }
        });
        return matching;
    }
}
