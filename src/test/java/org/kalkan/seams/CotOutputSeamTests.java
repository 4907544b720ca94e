package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.interop.cot.CotFixtures;
import org.kalkan.interop.cot.CotPorts;
import org.kalkan.interop.cot.CotTestClient;
import org.kalkan.interop.cot.TakIdentity;
import org.kalkan.seams.SeamReports.Place;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Document;

/**
 * Low #13: what the node sends TAK clients is well-formed CoT (every message the test clients receive is parsed
 * strictly, see {@link CotTestClient}), and a hostile {@code detail} is bounded in depth and element count.
 */
@KalkanTest
class CotOutputSeamTests {

    private static final Duration SOON = Duration.ofSeconds(10);

    @LocalServerPort int port;
    @Autowired ApplicationContext node;
    @Autowired MeterRegistry metrics;

    @Test
    void anIncidentMarkerIsWellFormedCot() throws Exception {
        ApiClient api = new ApiClient(port);
        try (var tur = CotTestClient.tls(CotPorts.tls(node), TakIdentity.enrol(api, "tur.delegate"))) {
            assertThat(tur.await("t-x-takp-v", SOON)).isNotNull();
            String incident = api.post("/api/v1/reports", api.token("aze.officer", "kalkan-demo"),
                    SeamReports.report("CRITICAL_INFRASTRUCTURE", "Pipeline valve <tampered> & \"open\"",
                            Place.fresh(), Instant.now().minusSeconds(120), 4, "RESTRICTED", "MEMBERS")).json()
                    .get("incidentId").asString();
            String marker = tur.await("kalkan-incident-" + incident, SOON);
            assertThat(marker).isNotNull();
            Document parsed = strict(marker);
            assertThat(parsed.getDocumentElement().getAttribute("uid")).isEqualTo("kalkan-incident-" + incident);
            assertThat(parsed.getElementsByTagName("__kalkan").getLength()).isEqualTo(1);
            assertThat(parsed.getElementsByTagName("link").item(0).getParentNode().getNodeName()).isEqualTo("detail");
            assertThat(parsed.getElementsByTagName("remarks").item(0).getTextContent())
                    .contains("Pipeline valve <tampered> & \"open\"");
        }
    }

    @Test
    void anIncidentThatLosesItsReportsIsDeletedFromTakClients() throws Exception {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", "kalkan-demo");
        try (var tur = CotTestClient.tls(CotPorts.tls(node), TakIdentity.enrol(api, "tur.delegate"))) {
            assertThat(tur.await("t-x-takp-v", SOON)).isNotNull();
            var filed = api.post("/api/v1/reports", aze, SeamReports.report("CBRN", "Chlorine smell", Place.fresh(),
                    Instant.now().minusSeconds(120), 3, "RESTRICTED", "MEMBERS")).json();
            String uid = "kalkan-incident-" + filed.get("incidentId").asString();
            assertThat(tur.await(uid, SOON)).contains("type=\"b-m-p-s-m\"");
            assertThat(api.post("/api/v1/reports/" + filed.get("id").asString() + "/withdrawal", aze,
                    java.util.Map.of("reason", "false alarm")).status()).isEqualTo(200);
            Document delete = strict(tur.await("type=\"t-x-d-d\"", SOON));
            assertThat(((org.w3c.dom.Element) delete.getElementsByTagName("link").item(0)).getAttribute("uid"))
                    .isEqualTo(uid);
            assertThat(delete.getElementsByTagName("__forcedelete").getLength()).isEqualTo(1);
            assertThat(tur.parsedMessages()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aDetailNestedTooDeepIsRefusedCountedAndNeverReplayed() throws Exception {
        String uid = "deep-" + UUID.randomUUID();
        String deep = "<a>".repeat(20_000) + "</a>".repeat(20_000);
        assertRefused("depth", uid, deep);
    }

    @Test
    void aDetailWithTooManyElementsIsRefusedCountedAndNeverReplayed() throws Exception {
        String uid = "wide-" + UUID.randomUUID();
        assertRefused("elements", uid, "<b/>".repeat(100_000));
    }

    private void assertRefused(String reason, String uid, String detail) throws Exception {
        ApiClient api = new ApiClient(port);
        double before = dropped(reason);
        try (var aze = CotTestClient.tls(CotPorts.tls(node), TakIdentity.enrol(api, "aze.officer"));
                var sender = CotTestClient.tcp(CotPorts.tcp(node))) {
            assertThat(aze.await("t-x-takp-v", SOON)).isNotNull();
            sender.send(CotFixtures.position(uid, "a-f-G", 40.1, 49.1, detail));
            await().atMost(SOON).until(() -> dropped(reason) > before);
            sender.send(CotFixtures.ping());
            assertThat(sender.await("t-x-c-t-r", SOON)).as("the connection serves on").isNotNull();
            assertThat(aze.collect(Duration.ofSeconds(1))).noneMatch(e -> e.contains(uid));
        }
    }

    private double dropped(String reason) {
        Counter counter = metrics.find("kalkan.cot.dropped").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Document strict(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
