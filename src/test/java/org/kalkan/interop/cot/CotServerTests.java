package org.kalkan.interop.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.Publications;
import org.kalkan.cop.Tracks;
import org.kalkan.security.UserDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The CoT server over mutual TLS with certificates enrolled through the API, as TAK clients use it. */
@KalkanTest
class CotServerTests {

    private static final Duration SOON = Duration.ofSeconds(5);

    @LocalServerPort
    int httpPort;

    @Autowired
    CotServer server;

    @Autowired
    CotHub hub;

    @Autowired
    Tracks tracks;

    @Autowired
    UserDirectory users;

    private ApiClient api() {
        return new ApiClient(httpPort);
    }

    @Test
    void enrolmentSignsTheCallersCsrAndRefusesGarbage() throws Exception {
        TakIdentity identity = TakIdentity.enrol(api(), "aze.officer");
        var certificate = TakIdentity.certificate(identity.certificatePem());
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=aze.officer").contains("OU=AZE");
        certificate.verify(TakIdentity.certificate(identity.caPem()).getPublicKey());

        var refused = api().post("/api/v1/cot/enrollments", api().token("aze.officer", "kalkan-demo"),
                Map.of("csr", "-----BEGIN CERTIFICATE REQUEST-----\nnonsense\n-----END CERTIFICATE REQUEST-----"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(api().post("/api/v1/cot/enrollments", null, Map.of("csr", "x")).status()).isEqualTo(401);
    }

    @Test
    void anEventReachesOnlyTheClientsItsLabelReleasesItTo() throws Exception {
        try (var tur = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "tur.officer"));
                var aze = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "aze.officer"));
                var kaz = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "kaz.officer"))) {
            assertThat(aze.await("t-x-takp-v", SOON)).as("protocol advertised").isNotNull();
            assertThat(kaz.await("t-x-takp-v", SOON)).as("KAZ is connected before TUR sends").isNotNull();

            tur.send(CotFixtures.labelled("tur-aze-1", "CONFIDENTIAL", "TUR,AZE"));
            String delivered = aze.await("tur-aze-1", SOON);
            assertThat(delivered).contains("type=\"a-f-G-U-C\"")
                    .contains("<__kalkan classification=\"CONFIDENTIAL\" releasableTo=\"AZE,TUR\"/>");

            // Sent after it by the same client: KAZ receives this one, and would have received the first before it.
            tur.send(CotFixtures.position("tur-default-1", "a-f-G", 39.9, 32.8, ""));
            List<String> kazReceived = kaz.receivedUntil("tur-default-1", SOON);
            assertThat(kazReceived).noneMatch(e -> e.contains("tur-aze-1"));
            assertThat(kazReceived.get(kazReceived.size() - 1)).as("default label RESTRICTED // REL TO MEMBERS")
                    .contains("classification=\"RESTRICTED\" releasableTo=\"MEMBERS\"");
        }
    }

    @Test
    void aSenderCannotLabelAboveItsClearance() throws Exception {
        double before = hub.droppedCount("label-refused");
        try (var hun = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "hun.observer"));
                var tur = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "tur.officer"))) {
            assertThat(tur.await("t-x-takp-v", SOON)).isNotNull();
            hun.send(CotFixtures.labelled("hun-secret-1", "SECRET", "MEMBERS,HUN"));
            hun.send(CotFixtures.labelled("hun-marker-1", "CONFIDENTIAL", "MEMBERS,HUN"));
            assertThat(tur.receivedUntil("hun-marker-1", SOON)).noneMatch(e -> e.contains("hun-secret-1"));
        }
        assertThat(hub.droppedCount("label-refused")).isGreaterThan(before);
    }

    @Test
    void aNewClientReceivesTheLatestPositionsItMaySeeAndTheMapGetsTheTrack() throws Exception {
        try (var tur = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "tur.officer"))) {
            tur.send(CotFixtures.position("latest-sa-1", "a-f-G-U-C-I", 41.0, 29.0, "<__kalkan "
                    + "classification=\"RESTRICTED\" releasableTo=\"TUR,KGZ\"/>").replace("hae=\"10\"", "hae=\"1\""));
            tur.send(CotFixtures.position("latest-sa-1", "a-f-G-U-C-I", 41.5, 29.5, "<__kalkan "
                    + "classification=\"RESTRICTED\" releasableTo=\"TUR,KGZ\"/>"));
            tur.send(CotFixtures.ping());
            assertThat(tur.await("t-x-c-t-r", SOON)).isNotNull();
        }
        try (var kgz = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "kgz.officer"));
                var uzb = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "uzb.officer"))) {
            assertThat(kgz.await("latest-sa-1", SOON)).contains("lat=\"41.5\"");
            // The latest positions are queued as the client connects, before the answer to its first ping.
            uzb.send(CotFixtures.ping());
            assertThat(uzb.receivedUntil("t-x-c-t-r", SOON)).noneMatch(e -> e.contains("latest-sa-1"));
        }
        var kgzTracks = tracks.latest(users.find("kgz.officer").orElseThrow().subject());
        assertThat(kgzTracks).anySatisfy(t -> {
            assertThat(t.uid()).isEqualTo("latest-sa-1");
            assertThat(t.sidc()).isEqualTo("SFGPUCI--------");
            assertThat(t.callsign()).isEqualTo("latest-sa-1-callsign");
        });
        assertThat(tracks.latest(users.find("uzb.officer").orElseThrow().subject()))
                .noneMatch(t -> t.uid().equals("latest-sa-1"));
    }

    @Test
    void revokingACertificateClosesItsConnectionAndRefusesTheNextHandshake() throws Exception {
        TakIdentity identity = TakIdentity.enrol(api(), "uzb.officer");
        try (var uzb = CotTestClient.tls(server.tlsPort(), identity)) {
            assertThat(uzb.await("t-x-takp-v", SOON)).isNotNull();
            enrolments.revoke(users.find("admin").orElseThrow().subject(), identity.serial());
            assertThat(uzb.closedByServer(SOON)).as("closed within seconds").isTrue();
        }
        assertThat(refused(identity)).isTrue();
    }

    @Test
    void disablingTheUserClosesItsConnections() throws Exception {
        TakIdentity identity = TakIdentity.enrol(api(), "kgz.delegate");
        try (var kgz = CotTestClient.tls(server.tlsPort(), identity)) {
            assertThat(kgz.await("t-x-takp-v", SOON)).isNotNull();
            jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = 'kgz.delegate'").update();
            assertThat(kgz.closedByServer(SOON)).as("closed within seconds").isTrue();
            assertThat(refused(identity)).isTrue();
        } finally {
            jdbc.sql("UPDATE app_user SET enabled = TRUE WHERE username = 'kgz.delegate'").update();
        }
    }

    /** The TLS handshake fails, or the server closes the connection before saying anything. */
    private boolean refused(TakIdentity identity) throws InterruptedException {
        try (var again = CotTestClient.tls(server.tlsPort(), identity)) {
            again.send(CotFixtures.ping());
            return again.await("t-x-", Duration.ofSeconds(2)) == null && again.closedByServer(SOON);
        } catch (java.io.IOException e) {
            return true;
        }
    }

    @Autowired
    Enrolments enrolments;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anAdministratorSetsAUsersDefaultLabelWhichItsUnlabelledCotThenCarries() throws Exception {
        String admin = api().token("admin", "kalkan-demo");
        String path = "/api/v1/cot/users/exercise.director/default-label";
        assertThat(put(path, api().token("kgz.officer", "kalkan-demo"),
                "{\"classification\":\"RESTRICTED\",\"releasableTo\":[\"KGZ\"]}")).isEqualTo(403);
        assertThat(put(path, admin, "{\"classification\":\"TOP\",\"releasableTo\":[\"KGZ\"]}")).isEqualTo(400);
        assertThat(put(path, admin, "{\"classification\":\"CONFIDENTIAL\",\"releasableTo\":[\"KGZ\"]}"))
                .isEqualTo(200);
        assertThat(api().get(path, admin).json().get("marking").asString()).isEqualTo("CONFIDENTIAL // REL TO KGZ");

        try (var director = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "exercise.director"));
                var kgz = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "kgz.officer"));
                var uzb = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "uzb.delegate"))) {
            assertThat(kgz.await("t-x-takp-v", SOON)).isNotNull();
            assertThat(uzb.await("t-x-takp-v", SOON)).isNotNull();
            director.send(CotFixtures.position("director-1", "a-f-G", 42.87, 74.59, ""));
            assertThat(kgz.await("director-1", SOON)).contains("classification=\"CONFIDENTIAL\" releasableTo=\"KGZ\"");
            director.send(CotFixtures.labelled("director-marker-1", "RESTRICTED", "MEMBERS"));
            assertThat(uzb.receivedUntil("director-marker-1", SOON)).noneMatch(e -> e.contains("director-1"));
        }
    }

    @Test
    void aUserSetsTheirOwnDefaultLabelButNotAboveTheirClearance() throws Exception {
        String path = "/api/v1/cot/users/hun.observer/default-label";
        String hun = api().token("hun.observer", "kalkan-demo");
        try {
            assertThat(put(path, hun, "{\"classification\":\"SECRET\",\"releasableTo\":[\"HUN\"]}"))
                    .as("above a CONFIDENTIAL clearance").isEqualTo(403);
            assertThat(put(path, hun, "{\"classification\":\"CONFIDENTIAL\",\"releasableTo\":[\"HUN\"]}"))
                    .isEqualTo(200);
            assertThat(api().get(path, hun).json().get("marking").asString()).isEqualTo("CONFIDENTIAL // REL TO HUN");
        } finally {
            jdbc.sql("DELETE FROM cot_user_label WHERE username = 'hun.observer'").update();
        }
    }

    private int put(String path, String token, String json) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + httpPort + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
        return java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aReportedIncidentReachesTheTakClientsAllowedToSeeIt() throws Exception {
        try (var tur = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "tur.delegate"));
                var kaz = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "kaz.delegate"))) {
            assertThat(tur.await("t-x-takp-v", SOON)).isNotNull();
            assertThat(kaz.await("t-x-takp-v", SOON)).isNotNull();
            var filed = api().post("/api/v1/reports", api().token("aze.officer", "kalkan-demo"),
                    org.kalkan.incident.IncidentFixtures.report("CYBER_ATTACK", 40.3, 49.8, "CONFIDENTIAL", "AZE",
                            "TUR"));
            assertThat(filed.status()).isEqualTo(201);
            String incidentId = filed.json().get("incidentId").asString();
            assertThat(tur.await("kalkan-incident-" + incidentId, Duration.ofSeconds(10)))
                    .contains("type=\"b-m-p-s-m\"").contains("classification=\"CONFIDENTIAL\"");
            // Filed after the first has reached TUR (so after it was offered to every client): KAZ may read this one.
            String marker = api().post("/api/v1/reports", api().token("aze.officer", "kalkan-demo"),
                    org.kalkan.incident.IncidentFixtures.report("CYBER_ATTACK", 41.3, 69.2, "RESTRICTED", "MEMBERS"))
                    .json().get("incidentId").asString();
            assertThat(kaz.receivedUntil("kalkan-incident-" + marker, Duration.ofSeconds(10)))
                    .noneMatch(e -> e.contains(incidentId));
        }
    }

    @Test
    void anExerciseIncidentNeverReachesATakClientWhichLivesInTheRealWorld() throws Exception {
        java.util.UUID exercise = org.kalkan.ExerciseFixtures.steppeShield(jdbc, "TAK SHIELD " + System.nanoTime());
        try (var kgz = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "kgz.delegate"))) {
            assertThat(kgz.await("t-x-takp-v", SOON)).isNotNull();
            String officer = api().token("kgz.officer", "kalkan-demo");
            var played = api().post("/api/v1/reports?exercise=" + exercise, officer,
                    org.kalkan.incident.IncidentFixtures.report("BORDER_INCIDENT", 41.2, 73.1, "RESTRICTED", "MEMBERS"));
            assertThat(played.status()).isEqualTo(201);
            String exerciseIncident = played.json().get("incidentId").asString();
            // Every module has handled the exercise incident's events (the TAK markers among them) ...
            Publications.awaitHandled(jdbc, exerciseIncident);
            // ... before a real one is reported: once its marker has arrived, the exercise one would have too.
            var real = api().post("/api/v1/reports", officer,
                    org.kalkan.incident.IncidentFixtures.report("TRAFFICKING_ARMS", 41.2, 73.1, "RESTRICTED", "MEMBERS"));
            String realIncident = real.json().get("incidentId").asString();
            assertThat(kgz.receivedUntil("kalkan-incident-" + realIncident, Duration.ofSeconds(10)))
                    .noneMatch(e -> e.contains(exerciseIncident));
        }
    }

    @Test
    void aClientThatNegotiatesProtocolVersionOneSpeaksProtobuf() throws Exception {
        try (var v1 = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "aze.officer"));
                var xml = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api(), "aze.delegate"))) {
            assertThat(v1.await("t-x-takp-v", SOON)).contains("TakProtocolSupport version=\"1\"");
            v1.send(CotFixtures.protocolRequest());
            assertThat(v1.await("t-x-takp-r", SOON)).contains("TakResponse status=\"true\"");
            assertThat(xml.await("t-x-takp-v", SOON)).isNotNull();

            CotEvent event = CotXml.parse(CotFixtures.position("proto-1", "a-f-A", 40.0, 50.0, "")
                    .getBytes(StandardCharsets.UTF_8));
            var label = CotXml.label("CONFIDENTIAL", "AZE");
            v1.sendProtobuf(TakProtobuf.encode(event, label));
            assertThat(xml.await("proto-1", SOON)).contains("classification=\"CONFIDENTIAL\" releasableTo=\"AZE\"")
                    .contains("callsign=\"proto-1-callsign\"");

            xml.send(CotFixtures.position("xml-1", "a-f-G", 40.0, 50.0, ""));
            assertThat(v1.await("xml-1", SOON)).startsWith("PROTOBUF ").contains("callsign=\"xml-1-callsign\"");
        }
    }
}
