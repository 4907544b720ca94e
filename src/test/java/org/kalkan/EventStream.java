package org.kalkan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A live-stream subscriber reading Server-Sent Events line by line, as an API client with a bearer token would. */
public final class EventStream implements AutoCloseable {

    public final List<String> lines = new CopyOnWriteArrayList<>();
    public final CountDownLatch opened = new CountDownLatch(1);
    private volatile java.io.@org.jspecify.annotations.Nullable InputStream body;

    private final HttpClient client;

    public EventStream(int port, String path, String token) {
        // Held by the stream: a client no longer referenced is collected, and its connections close under the
        // reader ("IOException: closed"), which made stream tests fail when the suite's heap was busy.
        this.client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build();
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<java.io.InputStream> response = client.send(request,
                        HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
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
                lines.add("closed: " + describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** The failure and its causes, so a stream that ended early says why. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    /** Waits until a line matches, and fails if none does within the time. */
    public void await(Predicate<String> line, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(lines).anyMatch(line));
    }

    /** Ends the subscription, so the node forgets the subscriber. */
    @Override
    public void close() throws java.io.IOException {
        var open = body;
        if (open != null) {
            open.close();
        }
    }
}
