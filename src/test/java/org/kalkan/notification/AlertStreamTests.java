package org.kalkan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.notification.AlertFixtures.PASSWORD;
import static org.kalkan.notification.AlertFixtures.flashTo;
import static org.kalkan.notification.AlertFixtures.raise;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.SessionClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The inbox stream, read as a browser's EventSource would: each user hears only about their own inbox. */
@KalkanTest
class AlertStreamTests {


    @LocalServerPort int port;

    @Test
    void aSignedInUserHearsOnlyThatTheirOwnInboxChangedAndNeverTheContent() throws Exception {
        HttpClient browser = SessionClient.signedIn(port, "kgz.officer");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = browser.sendAsync(HttpRequest.newBuilder(
                uri("/alerts/stream")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> response.body().filter(l -> l.startsWith("data:")).forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            int before = unacknowledged(lines.poll(10, TimeUnit.SECONDS));

            ApiClient api = new ApiClient(port);
            String watch = api.token("cmc.watch", PASSWORD);
            raise(api, watch, flashTo("Only for Türkiye's officer", "tur.officer"));
            assertThat(lines.poll(1500, TimeUnit.MILLISECONDS)).as("nothing about someone else's inbox").isNull();

            String secretText = "For the Kyrgyz officer, " + System.nanoTime();
            raise(api, watch, flashTo(secretText, "kgz.officer"));
            String signal = lines.poll(10, TimeUnit.SECONDS);
            assertThat(signal).isNotNull().doesNotContain(secretText);
            assertThat(unacknowledged(signal)).isEqualTo(before + 1);
        } finally {
            response.body().close();
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int unacknowledged(String dataLine) {
        assertThat(dataLine).as("a signal arrived").isNotNull().startsWith("data:");
        Matcher count = Pattern.compile("\"unacknowledged\":(\\d+)").matcher(dataLine);
        assertThat(count.find()).as(dataLine).isTrue();
        return Integer.parseInt(count.group(1));
    }
}
