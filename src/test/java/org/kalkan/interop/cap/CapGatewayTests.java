package org.kalkan.interop.cap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** CAP in, through the API as a national alerting system (aze.cap) or a reporting officer would post it. */
@KalkanTest
class CapGatewayTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    private ApiClient api;
    private String cap;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        cap = api.token("aze.cap", "kalkan-demo");
    }

    private ApiClient.Response post(String token, byte[] body) {
        return api.postBytes("/api/v1/cap/alerts", token, "application/cap+xml", body);
    }

    private String sent(int minutesAgo) {
        return CapFixtures.sent(clock, minutesAgo);
    }

    private JsonNode report(String reportId, String reader) {
        UUID incident = jdbc.sql("SELECT incident_id FROM report WHERE id = :id").param("id", UUID.fromString(reportId))
                .query(UUID.class).single();
        var response = api.get("/api/v1/incidents/" + incident, api.token(reader, "kalkan-demo"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode report : response.json().get("reports")) {
            if (report.get("id").asString().equals(reportId)) {
                return report;
            }
        }
        throw new AssertionError("report " + reportId + " not in its incident");
    }

    private int reports() {
        return jdbc.sql("SELECT count(*) FROM report").query(Integer.class).single();
    }

    @Test
    void aNationalEarthquakeWarningBecomesAReportWithItsPolygon() {
        String identifier = CapFixtures.identifier("AZ-EQ");
        var response = post(cap, CapFixtures.utf8(CapFixtures.earthquake(identifier, sent(10), "Alert", "",
                CapFixtures.SHAMAKHI)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode receipt = response.json();
        assertThat(receipt.get("identifier").asString()).isEqualTo(identifier);
        assertThat(receipt.get("reportIds")).hasSize(1);
        JsonNode report = report(receipt.get("reportIds").get(0).asString(), "hun.observer");
        assertThat(report.get("category").asString()).isEqualTo("NATURAL_DISASTER");
        assertThat(report.get("title").asString()).isEqualTo("M6.1 earthquake near Shamakhi");
        assertThat(report.get("severity").asInt()).isEqualTo(4);
        assertThat(report.get("confidence").asString()).isEqualTo("CONFIRMED");
        assertThat(report.get("label").get("marking").asString()).isEqualTo("UNCLASSIFIED // REL TO ALL");
        assertThat(report.get("location").get("lat").asDouble()).isBetween(40.55, 40.70);
        assertThat(report.get("location").get("lon").asDouble()).isBetween(48.50, 48.80);
        assertThat(report.get("area").asString()).startsWith("{\"type\":\"Polygon\"").contains("[48.500000,40.700000]");
        assertThat(report.get("narrative").asString()).contains("Stay out of damaged buildings")
                .contains(identifier).contains(CapFixtures.SENDER);
        assertThat(report.get("source").asString()).isEqualTo("CAP AZE civil protection");

        String messageId = receipt.get("alerts").get(0).get("messageId").asString();
        JsonNode message = api.get("/api/v1/cap/messages/" + messageId, cap).json();
        assertThat(message.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(message.get("effect").asString()).isEqualTo("NEW");
        assertThat(message.get("signature").asString()).isEqualTo("UNSIGNED");
        assertThat(message.get("sender").asString()).isEqualTo(CapFixtures.SENDER);
        assertThat(message.get("document").asString()).contains(identifier);
    }

    @Test
    void theSameMessageTwiceChangesNothing() {
        byte[] body = CapFixtures.utf8(CapFixtures.earthquake(CapFixtures.identifier("AZ-EQ"), sent(5), "Alert", "",
                CapFixtures.SHAMAKHI));
        var first = post(cap, body);
        assertThat(first.status()).isEqualTo(201);
        int before = reports();
        var second = post(cap, body);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("reportIds")).isEqualTo(first.json().get("reportIds"));
        assertThat(second.json().get("alerts").get(0).get("duplicate").asBoolean()).isTrue();
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void aBrokenMessageIsRefusedWithEveryRuleItBrokeAndNothingIsStored() {
        int before = reports();
        String broken = CapFixtures.earthquake("AZ EQ 7", "2026-11-25T04:00:00Z", "Cancel",
                "<restriction>staff only</restriction>",
                CapFixtures.SHAMAKHI.replace("40.55,48.50 40.70,48.50", "40.55,48.50"));
        var response = post(cap, CapFixtures.utf8(broken));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> where = response.json().get("errors").valueStream().map(e -> e.get("where").asString()).toList();
        assertThat(where).containsExactlyInAnyOrder("/alert/identifier", "/alert/sent", "/alert/restriction",
                "/alert", "/alert/info[1]/area[1]/polygon[1]");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("message").asString()))
                .anySatisfy(m -> assertThat(m).contains("must be closed"))
                .anySatisfy(m -> assertThat(m).contains("must reference"));
        assertThat(reports()).isEqualTo(before);

        JsonNode latest = api.get("/api/v1/cap/messages?limit=1", cap).json().get("items").get(0);
        assertThat(latest.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(latest.get("violations")).hasSize(5);
        assertThat(latest.get("label").get("marking").asString()).isEqualTo("RESTRICTED // REL TO AZE");
    }

    @Test
    void everySharedSampleBehavesAsExpected() {
        var australia = post(cap, CapFixtures.sample("australia.cap"));
        assertThat(australia.status()).as(australia.body()).isIn(200, 201);
        assertThat(australia.json().get("reportIds")).hasSize(2);
        assertThat(report(australia.json().get("reportIds").get(0).asString(), "tur.officer").get("area").asString())
                .startsWith("{\"type\":\"Polygon\"");

        var canada = post(cap, CapFixtures.sample("canada.cap"));
        assertThat(canada.status()).isIn(200, 201);
        assertThat(canada.json().get("alerts").get(0).get("effect").asString()).isEqualTo("UPDATE_AS_NEW");
        assertThat(canada.json().get("reportIds")).hasSize(4);

        var earthquake = post(cap, CapFixtures.sample("earthquake.cap"));
        assertThat(earthquake.status()).isIn(200, 201);
        assertThat(earthquake.json().get("reportIds")).hasSize(1);
        // The same USGS message without its info block: same identity, so it changes nothing.
        var bare = post(cap, CapFixtures.sample("no_optional_fields.cap"));
        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.json().get("reportIds")).isEqualTo(earthquake.json().get("reportIds"));
        // Posted by another nation it is a message of its own, with nothing to map.
        var kaz = post(api.token("kaz.officer", "kalkan-demo"), CapFixtures.sample("no_optional_fields.cap"));
        assertThat(kaz.status()).isIn(200, 201);
        assertThat(kaz.json().get("reportIds")).isEmpty();

        var weather = post(cap, CapFixtures.sample("weather.cap"));
        assertThat(weather.status()).isIn(200, 201);
        JsonNode montana = report(weather.json().get("reportIds").get(0).asString(), "aze.officer");
        assertThat(montana.get("location").get("lat").asDouble()).isEqualTo(40.4093);
        assertThat(montana.get("narrative").asString()).contains("reference point");

        var bushfires = api.postBytes("/api/v1/cap/alerts", cap, "application/xml",
                CapFixtures.sample("bushfire_valid.edxlde"));
        assertThat(bushfires.status()).isIn(200, 201);
        assertThat(bushfires.json().get("alerts")).hasSize(7);
        assertThat(bushfires.json().get("reportIds")).hasSize(7);

        var invalid = post(cap, CapFixtures.sample("invalid.cap"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("message").asString()).contains("scope");

        var invalidEnvelope = post(cap, CapFixtures.sample("bushfire_invalid.edxlde"));
        assertThat(invalidEnvelope.status()).isEqualTo(400);
        assertThat(invalidEnvelope.json().get("errors").valueStream().map(e -> e.get("where").asString()))
                .containsExactly("/EDXLDistribution/contentObject[2]/xmlContent/embeddedXMLContent[1]/alert",
                        "/EDXLDistribution/contentObject[3]/xmlContent/embeddedXMLContent[1]/alert/info[1]/urgency");
    }

    @Test
    void theExternalEntityAttackIsRefusedWithoutFetchingOrReadingAnything() throws IOException {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer bait = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bait.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] dtd = "<!ENTITY % send \"\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        bait.start();
        try {
            String attack = new String(CapFixtures.sample("xee.cap"), StandardCharsets.UTF_8)
                    .replace("localhost:8080", "127.0.0.1:" + bait.getAddress().getPort());
            int before = reports();
            var response = post(cap, attack.getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("message").asString()).contains("DOCTYPE");
            assertThat(response.body()).doesNotContain("root:");
            assertThat(fetched).hasValue(0);
            assertThat(reports()).isEqualTo(before);
        } finally {
            bait.stop(0);
        }
    }

    @Test
    void onlyReportingOfficersAndCapSourcesMayPost() {
        byte[] body = CapFixtures.utf8(CapFixtures.earthquake(CapFixtures.identifier("AZ-EQ"), sent(5), "Alert", "",
                CapFixtures.SHAMAKHI));
        assertThat(post(api.token("aze.delegate", "kalkan-demo"), body).status()).isEqualTo(403);
        assertThat(post(api.token("aze.officer", "kalkan-demo"), body).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/cap/messages", api.token("aze.delegate", "kalkan-demo")).status())
                .isEqualTo(403);
    }

    @Test
    void aRestrictedMessageTakesTheSourcesRestrictedLabel() {
        String restricted = CapFixtures.earthquake(CapFixtures.identifier("AZ-EQ"), sent(5), "Alert",
                "<restriction>civil protection staff</restriction>", CapFixtures.GANJA)
                .replace("<scope>Public</scope>", "<scope>Restricted</scope>");
        var response = post(cap, CapFixtures.utf8(restricted));
        assertThat(response.status()).isEqualTo(201);
        String reportId = response.json().get("reportIds").get(0).asString();
        assertThat(report(reportId, "aze.officer").get("label").get("marking").asString())
                .isEqualTo("RESTRICTED // REL TO AZE");
        UUID incident = jdbc.sql("SELECT incident_id FROM report WHERE id = :id").param("id", UUID.fromString(reportId))
                .query(UUID.class).single();
        assertThat(api.get("/api/v1/incidents/" + incident, api.token("kaz.officer", "kalkan-demo")).status())
                .isEqualTo(404);
        String messageId = response.json().get("alerts").get(0).get("messageId").asString();
        assertThat(api.get("/api/v1/cap/messages/" + messageId, api.token("kaz.officer", "kalkan-demo")).status())
                .isEqualTo(404);
    }

    @Test
    void testExerciseAndAcknowledgementMessagesAreOnlyRecorded() {
        for (String status : List.of("Exercise", "Test", "Draft")) {
            String xml = CapFixtures.earthquake(CapFixtures.identifier("AZ-EQ"), sent(5), "Alert", "",
                    CapFixtures.SHAMAKHI).replace("<status>Actual</status>", "<status>" + status + "</status>");
            var response = post(cap, CapFixtures.utf8(xml));
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.json().get("alerts").get(0).get("effect").asString()).isEqualTo("NOT_ACTIONABLE");
            assertThat(response.json().get("reportIds")).isEmpty();
        }
    }

    @Test
    void aCancelOfAMessageThatNeverArrivedIsRecordedAndChangesNothing() {
        int before = reports();
        String cancel = CapFixtures.earthquake(CapFixtures.identifier("AZ-EQ"), sent(1), "Cancel",
                "<references>" + CapFixtures.SENDER + "," + CapFixtures.identifier("never") + "," + sent(30)
                        + "</references>", CapFixtures.SHAMAKHI);
        var response = post(cap, CapFixtures.utf8(cancel));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("alerts").get(0).get("effect").asString()).isEqualTo("CANCEL_UNKNOWN");
        assertThat(response.json().get("reportIds")).isEmpty();
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void anUpdateOfAMessageThatNeverArrivedIsTakenAsNew() {
        String update = CapFixtures.earthquake(CapFixtures.identifier("AZ-EQ"), sent(1), "Update",
                "<references>" + CapFixtures.SENDER + "," + CapFixtures.identifier("never") + "," + sent(30)
                        + "</references>", CapFixtures.SHAMAKHI);
        var response = post(cap, CapFixtures.utf8(update));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("alerts").get(0).get("effect").asString()).isEqualTo("UPDATE_AS_NEW");
        assertThat(response.json().get("reportIds")).hasSize(1);
    }

    @Test
    void signaturesAreVerifiedAgainstTheSourcesTrustedCertificatesAndRecorded() {
        SigningIdentity aze = SigningIdentity.ec("AZE civil protection " + UUID.randomUUID());
        String admin = api.token("admin", "kalkan-demo");
        assertThat(api.post("/api/v1/cap/sources/aze.cap/certificates", cap, Map.of("pem", aze.pem())).status())
                .isEqualTo(403);
        var trusted = api.post("/api/v1/cap/sources/aze.cap/certificates", admin, Map.of("pem", aze.pem()));
        assertThat(trusted.status()).isEqualTo(201);
        String fingerprint = trusted.json().get(0).get("fingerprint").asString();
        try {
            assertThat(signatureOf(signed(aze, false))).isEqualTo("VERIFIED");
            assertThat(signatureOf(signed(aze, true))).isEqualTo("INVALID");
            assertThat(signatureOf(signed(SigningIdentity.ec("impostor"), false))).isEqualTo("UNTRUSTED");
        } finally {
            assertThat(api.delete("/api/v1/cap/sources/aze.cap/certificates/" + fingerprint, admin).status())
                    .isEqualTo(204);
        }
        assertThat(signatureOf(signed(aze, false))).isEqualTo("UNTRUSTED");
    }

    private byte[] signed(SigningIdentity identity, boolean tamper) {
        var document = org.kalkan.interop.cap.internal.CapXml.parse(CapFixtures.utf8(CapFixtures.earthquake(
                CapFixtures.identifier("AZ-SIG"), sent(2), "Alert", "", CapFixtures.SHAMAKHI)),
                new org.kalkan.interop.cap.internal.CapXml.Limits(32, 1000));
        org.kalkan.interop.cap.internal.XmlSignatures.sign(document, identity.keys().getPrivate(),
                identity.certificate());
        String xml = new String(org.kalkan.interop.cap.internal.CapXml.bytes(document), StandardCharsets.UTF_8);
        return (tamper ? xml.replace("M6.1", "M3.0") : xml).getBytes(StandardCharsets.UTF_8);
    }

    private String signatureOf(byte[] body) {
        var response = post(cap, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String messageId = response.json().get("alerts").get(0).get("messageId").asString();
        return api.get("/api/v1/cap/messages/" + messageId, cap).json().get("signature").asString();
    }

    @Test
    void anIso88591MessageIsReadAsDeclared() {
        String xml = CapFixtures.earthquake(CapFixtures.identifier("AZ-ISO"), sent(3), "Alert", "",
                CapFixtures.SHAMAKHI.replace("Shamakhi district", "Göyçay rayonu"))
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        var response = post(cap, xml.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(report(response.json().get("reportIds").get(0).asString(), "aze.officer").get("narrative")
                .asString()).contains("Area: Göyçay rayonu");
    }
}
