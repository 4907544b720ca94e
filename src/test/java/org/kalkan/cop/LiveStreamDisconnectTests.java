package org.kalkan.cop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kalkan.ApiClient;
import org.kalkan.EventStream;
import org.kalkan.KalkanTest;
import org.kalkan.cop.internal.LiveStream;
import org.kalkan.incident.IncidentFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A subscriber that goes away ends quietly: its stream is closed without dispatching the request through the
 * security filters again (which, without the bearer token's context, refused it and logged two stack traces).
 */
@KalkanTest
@ExtendWith(OutputCaptureExtension.class)
class LiveStreamDisconnectTests {

    @LocalServerPort int port;
    @Autowired LiveStream stream;
    @Autowired JdbcClient jdbc;

    @Test
    void aSubscriberThatLeavesIsForgottenWithoutAnAccessDenial(CapturedOutput output) throws Exception {
        ApiClient api = new ApiClient(port);
        String officer = api.token("tur.officer", "kalkan-demo");
        int before = stream.subscriberCount();
        EventStream subscriber = new EventStream(port, "/api/v1/events", officer);
        assertThat(subscriber.opened.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.subscriberCount()).isEqualTo(before + 1);
        subscriber.close();
        // Something to send, so the node notices the closed connection.
        String aze = api.token("aze.officer", "kalkan-demo");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            api.post("/api/v1/reports", aze, IncidentFixtures.report("OTHER", 41.0, 69.2, "RESTRICTED", "MEMBERS"));
            return stream.subscriberCount() == before;
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(output.getAll()).doesNotContain("AuthorizationDeniedException").doesNotContain("Access Denied");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'anonymous' AND target = '/api/v1/events'")
                .query(Long.class).single()).isZero();
    }
}
