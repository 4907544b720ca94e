package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@KalkanTest
class ProblemResponsesTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void malformedJsonIsA400ProblemAndNothingIsStored() {
        long tokens = tokenCount();
        var response = new ApiClient(port).postRaw("/api/v1/auth/tokens", null, "{\"username\": \"aze.officer\",");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("title").asString()).isEqualTo("Malformed request body");
        assertThat(tokenCount()).isEqualTo(tokens);
    }

    @Test
    void missingFieldsAreA400Problem() {
        var response = new ApiClient(port).postRaw("/api/v1/auth/tokens", null, "{\"username\": \"aze.officer\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anOversizedBodyIsA413ProblemWhetherDeclaredOrStreamed() throws Exception {
        long tokens = tokenCount();
        String huge = "{\"username\":\"aze.officer\",\"password\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        var declared = new ApiClient(port).postRaw("/api/v1/auth/tokens", null, huge);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");

        // Chunked: no Content-Length, so the limit must be enforced while reading.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(unknownLength(huge)).build();
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(tokenCount()).isEqualTo(tokens);
    }

    private static HttpRequest.BodyPublisher unknownLength(String body) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofString(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }

    private long tokenCount() {
        return jdbc.sql("SELECT count(*) FROM api_token").query(Long.class).single();
    }
}
