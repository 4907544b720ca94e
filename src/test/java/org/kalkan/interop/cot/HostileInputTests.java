package org.kalkan.interop.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hostile input over the plain-TCP laboratory port: each is dropped or ends its connection, is counted, and the
 * node keeps serving a well-behaved client connected all along.
 */
@KalkanTest
class HostileInputTests {

    private static final Duration SOON = Duration.ofSeconds(5);

    @Autowired
    CotServer server;

    @Autowired
    CotHub hub;

    @Autowired
    CotProperties properties;

    @Test
    void malformedXmlIsDroppedAndTheConnectionServesOn() throws Exception {
        double before = hub.droppedCount("malformed");
        try (var client = CotTestClient.tcp(server.tcpPort())) {
            client.send("<event uid=\"bad\" type=\"a-f-G\"><point lat=\"1\"></event>\n"
                    + "<event uid=\"no-point\" type=\"a-f-G\" time=\"2026-01-01T00:00:00Z\" start=\"x\" stale=\"y\"/>");
            client.send(CotFixtures.ping());
            assertThat(client.await("t-x-c-t-r", SOON)).isNotNull();
        }
        assertThat(hub.droppedCount("malformed")).isGreaterThanOrEqualTo(before + 2);
        assertStillServing();
    }

    @Test
    void aBillionLaughsDocumentEndsTheConnection() throws Exception {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE event [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        assertRefusedWithConnectionClosed("dtd", dtd + CotFixtures.position("laughs", "a-f-G", 1, 1,
                "<remarks>&lol9;</remarks>"));
    }

    @Test
    void anExternalEntityEndsTheConnection() throws Exception {
        assertRefusedWithConnectionClosed("dtd", "<!DOCTYPE event [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + CotFixtures.position("xxe", "a-f-G", 1, 1, "<remarks>&xxe;</remarks>"));
    }

    @Test
    void anUndeclaredEntityReferenceIsDropped() throws Exception {
        double before = hub.droppedCount("malformed") + hub.droppedCount("entity");
        try (var client = CotTestClient.tcp(server.tcpPort())) {
            client.send(CotFixtures.position("entity", "a-f-G", 1, 1, "<remarks>&xxe;</remarks>"));
            client.send(CotFixtures.ping());
            assertThat(client.await("t-x-c-t-r", SOON)).isNotNull();
        }
        assertThat(hub.droppedCount("malformed") + hub.droppedCount("entity")).isGreaterThan(before);
    }

    @Test
    void anOversizedEventIsDroppedAndAnEndlessOneEndsTheConnection() throws Exception {
        String padding = "x".repeat(properties.maxMessageBytes());
        double before = hub.droppedCount("oversized");
        try (var client = CotTestClient.tcp(server.tcpPort())) {
            client.send(CotFixtures.position("big", "a-f-G", 1, 1, "<remarks>" + padding + "</remarks>"));
            client.send(CotFixtures.ping());
            assertThat(client.await("t-x-c-t-r", Duration.ofSeconds(10))).as("still served").isNotNull();
        }
        assertThat(hub.droppedCount("oversized")).isEqualTo(before + 1);
        assertRefusedWithConnectionClosed("oversized", "<event uid=\"endless\" type=\"a-f-G\">" + padding + padding);
    }

    @Test
    void aProtocolVersionOneFrameWithABadLengthEndsTheConnection() throws Exception {
        double before = hub.droppedCount("bad-length") + hub.droppedCount("oversized");
        try (var client = CotTestClient.tcp(server.tcpPort())) {
            client.send(CotFixtures.protocolRequest());
            assertThat(client.await("t-x-takp-r", SOON)).contains("status=\"true\"");
            // 0xbf, then a ten-byte varint: no length fits, the stream cannot be trusted any more
            client.send(new byte[] {(byte) 0xbf, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01});
            assertThat(client.closedByServer(SOON)).isTrue();
        }
        assertThat(hub.droppedCount("bad-length") + hub.droppedCount("oversized")).isGreaterThan(before);
        assertStillServing();
    }

    private void assertRefusedWithConnectionClosed(String reason, String document) throws Exception {
        double before = hub.droppedCount(reason);
        try (var bystander = CotTestClient.tcp(server.tcpPort());
                var attacker = CotTestClient.tcp(server.tcpPort())) {
            attacker.send(document.getBytes(StandardCharsets.UTF_8));
            assertThat(attacker.closedByServer(Duration.ofSeconds(10))).as("connection closed").isTrue();
            bystander.send(CotFixtures.ping());
            assertThat(bystander.await("t-x-c-t-r", SOON)).as("the bystander is still served").isNotNull();
        }
        assertThat(hub.droppedCount(reason)).isGreaterThan(before);
        assertStillServing();
    }

    private void assertStillServing() throws Exception {
        try (var fresh = CotTestClient.tcp(server.tcpPort())) {
            fresh.send(CotFixtures.ping());
            assertThat(fresh.await("t-x-c-t-r", SOON)).as("a new client is served").isNotNull();
        }
    }
}
