package org.kalkan.interop.cap;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.ExerciseFixtures;
import org.kalkan.KalkanTest;
import org.kalkan.interop.cap.internal.CapDocuments;
import org.kalkan.interop.cap.internal.CapXml;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

/** CAP out: what a feed reader and a public alerting portal get, and what they never get. */
@KalkanTest
class CapPublicationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private ApiClient api;
    private String watch;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        watch = api.token("cmc.watch", "kalkan-demo");
    }

    private String raise(String token, String text, String classification, String releasableTo, String query) {
        var response = api.post("/api/v1/alerts" + query, token, Map.of("text", text,
                "recipients", Map.of("users", List.of("aze.officer", "kgz.officer")), "precedence", "IMMEDIATE",
                "label", Map.of("classification", classification, "releasableTo", List.of(releasableTo))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private SyndFeed feed(String path) throws Exception {
        var response = api.get(path, null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/atom+xml");
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    private static String link(SyndEntry entry, String type) {
        return entry.getLinks().stream().filter(l -> type.equals(l.getType())).map(SyndLink::getHref).findFirst()
                .orElseThrow();
    }

    @Test
    void aPublicAlertIsInTheFeedSignedAndSchemaValid() throws Exception {
        String text = "Earthquake aftershocks expected near Shamakhi " + UUID.randomUUID();
        String id = raise(watch, text, "UNCLASSIFIED", "ALL", "");

        SyndEntry entry = feed("/cap/alerts.atom").getEntries().stream().filter(e -> e.getTitle().equals(text))
                .findFirst().orElseThrow();
        assertThat(entry.getUri()).isEqualTo("urn:uuid:" + id);
        String capLink = link(entry, "application/cap+xml");
        assertThat(capLink).isEqualTo("/cap/alerts/" + id + ".xml");

        var cap = api.get(capLink, null);
        assertThat(cap.status()).isEqualTo(200);
        assertThat(cap.contentType()).startsWith("application/cap+xml");
        byte[] xml = cap.body().getBytes(StandardCharsets.UTF_8);
        PublishedCap.schemaValid(xml, "cap12.xsd");
        Document document = PublishedCap.parse(xml);
        assertThat(document.getElementsByTagNameNS(CapXml.CAP12, "status").item(0).getTextContent())
                .isEqualTo("Actual");
        assertThat(document.getElementsByTagNameNS(CapXml.CAP12, "note").item(0).getTextContent())
                .contains("UNCLASSIFIED // REL TO ALL");

        String certificate = api.get("/cap/certificate.pem", null).body();
        assertThat(PublishedCap.jdkVerifies(document, PublishedCap.certificate(certificate).getPublicKey())).isTrue();
        // The node's own parser takes it back: schema, rules and all.
        var reread = CapDocuments.open(CapXml.parse(xml, new CapXml.Limits(32, 1000)), Instant.now()).alerts().get(0)
                .message();
        assertThat(reread.infos().get(0).description()).isEqualTo(text);
        assertThat(reread.sender()).doesNotContain(" ").doesNotContain(",");

        if (PublishedCap.installed("xmllint")) {
            assertThat(PublishedCap.xmllint(xml, "cap12.xsd")).startsWith("0 ").contains("validates");
        }
        if (PublishedCap.installed("xmlsec1")) {
            assertThat(PublishedCap.xmlsec1(xml, certificate)).startsWith("0 ").contains("OK");
        }
    }

    @Test
    void aChangedCopyNoLongerVerifies() {
        String text = "Road closed at Alat " + UUID.randomUUID();
        String id = raise(watch, text, "UNCLASSIFIED", "ALL", "");
        String xml = api.get("/cap/alerts/" + id + ".xml", null).body().replace("Road closed", "Road open");
        String certificate = api.get("/cap/certificate.pem", null).body();
        assertThat(PublishedCap.jdkVerifies(PublishedCap.parse(xml.getBytes(StandardCharsets.UTF_8)),
                PublishedCap.certificate(certificate).getPublicKey())).isFalse();
    }

    @Test
    void theEdxlDeEnvelopeIsValidAndCarriesTheSignedAlert() throws Exception {
        String text = "Flood warning for the Kura valley " + UUID.randomUUID();
        String id = raise(watch, text, "UNCLASSIFIED", "ALL", "");
        var envelope = api.get("/cap/alerts/" + id + ".edxlde", null);
        assertThat(envelope.status()).isEqualTo(200);
        byte[] xml = envelope.body().getBytes(StandardCharsets.UTF_8);
        PublishedCap.schemaValid(xml, "edxlde-1_0.xsd");
        if (PublishedCap.installed("xmllint")) {
            assertThat(PublishedCap.xmllint(xml, "edxlde-1_0.xsd")).startsWith("0 ");
        }
        // The node's own gateway reads the envelope: one alert, valid against cap12.xsd and the rules.
        var opened = CapDocuments.open(CapXml.parse(xml, new CapXml.Limits(32, 1000)), Instant.now());
        assertThat(opened.kind()).isEqualTo("EDXL-DE");
        assertThat(opened.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.message().infos().get(0).description()).isEqualTo(text);
            String certificate = api.get("/cap/certificate.pem", null).body();
            Document standalone = PublishedCap.parse(CapXml.bytes(alert.original()));
            assertThat(PublishedCap.jdkVerifies(standalone, PublishedCap.certificate(certificate).getPublicKey()))
                    .isTrue();
        });
    }

    @Test
    void anAlertAboveThePublicReleaseIsNowhere() throws Exception {
        String restricted = raise(watch, "Convoy movement " + UUID.randomUUID(), "RESTRICTED", "ALL", "");
        String members = raise(watch, "Members only " + UUID.randomUUID(), "UNCLASSIFIED", "MEMBERS", "");
        for (String id : List.of(restricted, members)) {
            assertThat(api.get("/cap/alerts/" + id + ".xml", null).status()).isEqualTo(404);
            assertThat(api.get("/cap/alerts/" + id + ".edxlde", null).status()).isEqualTo(404);
            assertThat(api.get("/cap/alerts.atom", null).body()).doesNotContain(id);
        }
        assertThat(api.get("/cap/alerts/not-an-id.xml", null).status()).isEqualTo(404);
        assertThat(api.get("/cap/alerts/" + UUID.randomUUID() + ".xml", null).status()).isEqualTo(404);
    }

    @Test
    void exerciseAlertsCarryStatusExercise() {
        UUID exercise = ExerciseFixtures.steppeShield(jdbc, "CAP EX " + UUID.randomUUID());
        String id = raise(api.token("cmc.director", "kalkan-demo"), "Simulated dam breach", "UNCLASSIFIED", "ALL",
                "?exercise=" + exercise);
        var cap = api.get("/cap/alerts/" + id + ".xml", null);
        assertThat(cap.status()).isEqualTo(200);
        Document document = PublishedCap.parse(cap.body().getBytes(StandardCharsets.UTF_8));
        assertThat(document.getElementsByTagNameNS(CapXml.CAP12, "status").item(0).getTextContent())
                .isEqualTo("Exercise");
        assertThat(document.getElementsByTagNameNS(CapXml.CAP12, "headline").item(0).getTextContent())
                .startsWith("EXERCISE");
        jdbc.sql("UPDATE exercise SET status = 'ENDED' WHERE id = :id").param("id", exercise).update();
    }

    @Test
    void updatesAndCancellationsReferenceWhatTheyReplace() throws Exception {
        String original = raise(watch, "Gas leak at Sangachal " + UUID.randomUUID(), "UNCLASSIFIED", "ALL", "");
        String originalIdentifier = identifierOf(original);

        assertThat(api.post("/api/v1/cap/publications/" + original + "/update", api.token("cmc.director",
                "kalkan-demo"), Map.of("text", "x")).status()).isEqualTo(403); // AZE is not TUR, the originator
        var update = api.post("/api/v1/cap/publications/" + original + "/update", watch,
                Map.of("text", "Gas leak at Sangachal contained"));
        assertThat(update.status()).as(update.body()).isEqualTo(201);
        String updateId = update.json().get("id").asString();
        Document updated = PublishedCap.parse(api.get("/cap/alerts/" + updateId + ".xml", null).body()
                .getBytes(StandardCharsets.UTF_8));
        assertThat(updated.getElementsByTagNameNS(CapXml.CAP12, "msgType").item(0).getTextContent())
                .isEqualTo("Update");
        assertThat(updated.getElementsByTagNameNS(CapXml.CAP12, "references").item(0).getTextContent())
                .contains("," + originalIdentifier + ",");

        var cancel = api.post("/api/v1/cap/publications/" + updateId + "/cancellation", watch,
                Map.of("note", "all clear"));
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(201);
        String cancelId = cancel.json().get("id").asString();
        byte[] xml = api.get("/cap/alerts/" + cancelId + ".xml", null).body().getBytes(StandardCharsets.UTF_8);
        PublishedCap.schemaValid(xml, "cap12.xsd");
        Document cancelled = PublishedCap.parse(xml);
        assertThat(cancelled.getElementsByTagNameNS(CapXml.CAP12, "msgType").item(0).getTextContent())
                .isEqualTo("Cancel");
        assertThat(cancelled.getElementsByTagNameNS(CapXml.CAP12, "references").item(0).getTextContent())
                .contains("," + identifierOf(updateId) + ",");
        assertThat(feed("/cap/alerts.atom").getEntries()).anySatisfy(e -> assertThat(e.getUri())
                .isEqualTo("urn:uuid:" + cancelId));
        assertThat(api.post("/api/v1/cap/publications/" + updateId + "/cancellation", watch,
                Map.of("note", "again")).status()).isEqualTo(409);
    }

    private String identifierOf(String id) {
        Document document = PublishedCap.parse(api.get("/cap/alerts/" + id + ".xml", null).body()
                .getBytes(StandardCharsets.UTF_8));
        return document.getElementsByTagNameNS(CapXml.CAP12, "identifier").item(0).getTextContent();
    }

    @Test
    void theFeedIsPagedNewestFirst() throws Exception {
        for (int i = 0; i < 3; i++) {
            raise(watch, "Paging check " + i + " " + UUID.randomUUID(), "UNCLASSIFIED", "ALL", "");
        }
        SyndFeed first = feed("/cap/alerts.atom");
        assertThat(first.getEntries()).isNotEmpty();
        List<java.util.Date> updated = first.getEntries().stream().map(SyndEntry::getUpdatedDate).toList();
        assertThat(updated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        String next = first.getLinks().stream().filter(l -> "next".equals(l.getRel())).map(SyndLink::getHref)
                .findFirst().orElse(null);
        if (next != null) {
            SyndFeed second = feed(next);
            assertThat(second.getEntries()).allSatisfy(e -> assertThat(e.getUpdatedDate())
                    .isBeforeOrEqualTo(updated.get(updated.size() - 1)));
        }
        assertThat(api.get("/cap/alerts.atom?before=yesterday", null).status()).isEqualTo(400);
    }
}
