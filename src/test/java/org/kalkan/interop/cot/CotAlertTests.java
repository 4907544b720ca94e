package org.kalkan.interop.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Flash alerts reach their recipients' TAK clients as GeoChat, and no client that may not read them. */
@KalkanTest
class CotAlertTests {

    private static final Duration SOON = Duration.ofSeconds(10);

    @LocalServerPort
    int httpPort;

    @Autowired
    CotServer server;

    @Test
    void aFlashAlertReachesAClearedRecipientsTakClientAsGeoChatAndNoClientOfANationItIsNotReleasableTo()
            throws Exception {
        ApiClient api = new ApiClient(httpPort);
        try (var aze = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api, "aze.officer"));
                var kaz = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api, "kaz.officer"));
                var tur = CotTestClient.tls(server.tlsPort(), TakIdentity.enrol(api, "tur.officer"))) {
            assertThat(aze.await("t-x-takp-v", SOON)).isNotNull();
            assertThat(kaz.await("t-x-takp-v", SOON)).isNotNull();
            assertThat(tur.await("t-x-takp-v", SOON)).isNotNull();

            String text = "Pipeline breach at Sangachal, close the valve " + System.nanoTime();
            var created = api.post("/api/v1/alerts", api.token("cmc.watch", "kalkan-demo"), Map.of(
                    "text", text, "recipients", Map.of("users", List.of("aze.officer", "kaz.officer")),
                    "precedence", "FLASH",
                    "label", Map.of("classification", "CONFIDENTIAL", "releasableTo", List.of("AZE", "TUR"))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);

            String chat = aze.await(text, SOON);
            assertThat(chat).as("the AZE recipient's client shows the alert as GeoChat")
                    .contains("type=\"b-t-f\"").contains("<__chat ").contains("chatroom=\"All Chat Rooms\"")
                    .contains("senderCallsign=\"Kalkan\"").contains("<remarks ")
                    .contains("[CONFIDENTIAL // REL TO AZE, TUR] FLASH alert from cmc.watch")
                    .contains("<__kalkan classification=\"CONFIDENTIAL\" releasableTo=\"AZE,TUR\"/>");
            // Sent to every connected client in one pass: once AZE has it, KAZ's and TUR's turns are over. A second
            // alert both may read, to both, arrives after anything the first would have brought them.
            String marker = "Marker for KAZ and TUR " + System.nanoTime();
            assertThat(api.post("/api/v1/alerts", api.token("cmc.watch", "kalkan-demo"), Map.of(
                    "text", marker, "recipients", Map.of("users", List.of("kaz.officer", "tur.officer")),
                    "precedence", "ROUTINE",
                    "label", Map.of("classification", "UNCLASSIFIED", "releasableTo", List.of("MEMBERS"))))
                    .status()).isEqualTo(201);
            assertThat(kaz.receivedUntil(marker, SOON)).as("KAZ may not read it").noneMatch(e -> e.contains(text));
            assertThat(tur.receivedUntil(marker, SOON)).as("TUR may read it but is no recipient")
                    .noneMatch(e -> e.contains(text));
        }
    }
}
