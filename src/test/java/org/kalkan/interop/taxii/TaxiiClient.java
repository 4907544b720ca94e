package org.kalkan.interop.taxii;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TAXII 2.1 client written from the specification, over real HTTP: it sends the TAXII media types, HTTP Basic
 * (or a bearer token) and percent-encodes the {@code match[…]} filters as a URL must.
 */
final class TaxiiClient {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String ROOT = "/taxii2/kalkan/";
    static final String INTEL = ROOT + "collections/intel/";
    static final String INCIDENTS = ROOT + "collections/incidents/";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    private TaxiiClient(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    static TaxiiClient basic(int port, String username) {
        return new TaxiiClient(port, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":kalkan-demo").getBytes(StandardCharsets.UTF_8)));
    }

    static TaxiiClient bearer(int port, String token) {
        return new TaxiiClient(port, "Bearer " + token);
    }

    static TaxiiClient anonymous(int port) {
        return new TaxiiClient(port, null);
    }

    record Response(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    /** A query string from filter names as TAXII writes them ({@code match[type]}), percent-encoded. */
    static String query(String... pairs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return "?" + parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    Response get(String path) {
        return get(path, TAXII);
    }

    Response get(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    Response post(String path, Object envelope) {
        return postRaw(path, JSON.writeValueAsString(envelope), TAXII, TAXII);
    }

    Response postRaw(String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", TAXII).DELETE());
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
