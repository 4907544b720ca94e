package org.kalkan.crisis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kalkan.ApiClient;
import org.kalkan.incident.IncidentFixtures;

/** Crisis request bodies as an API client would send them, and the steps most tests start with. */
public final class CrisisFixtures {

    static final String PASSWORD = "kalkan-demo";

    private CrisisFixtures() {
    }

    static Map<String, Object> label(String classification, String... releasableTo) {
        return Map.of("classification", classification, "releasableTo", List.of(releasableTo));
    }

    /** A crisis opened from the given incidents, CONFIDENTIAL // REL TO AZE, KAZ, TUR. */
    static Map<String, Object> crisis(String title, String... incidentIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("incidentIds", List.of(incidentIds));
        body.put("label", label("CONFIDENTIAL", "AZE", "KAZ", "TUR"));
        return body;
    }

    static Map<String, Object> task(String title, String ownerKind, String owner, Instant dueAt) {
        return Map.of("title", title, "owner", Map.of("kind", ownerKind, "name", owner), "dueAt", dueAt.toString());
    }

    static Map<String, Object> rfi(String question, Instant deadline, String... nations) {
        return Map.of("question", question, "addressedTo", List.of(nations), "deadline", deadline.toString());
    }

    /** A pipeline-attack incident near Baku released to all members, reported by AZE; its id. */
    static String incidentNearBaku(ApiClient api) {
        var filed = api.post("/api/v1/reports", api.token("aze.officer", PASSWORD),
                IncidentFixtures.report("CRITICAL_INFRASTRUCTURE", 40.38, 49.85, "RESTRICTED", "MEMBERS"));
        if (filed.status() != 201) {
            throw new IllegalStateException("report not filed: " + filed);
        }
        return filed.json().get("incidentId").asString();
    }

    /** The bytes of a file the node serves (a SITREP PDF), asserting a 200 of the given content type. */
    static byte[] download(int port, String path, String token, String contentType) {
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + token).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(path).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith(contentType);
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads the PDF back with OpenPDF and asserts the marking at the top and bottom of every page; the page count. */
    public static int assertMarkedOnEveryPage(byte[] pdf, String marking) {
        try {
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
            try {
                var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    String text = extractor.getTextFromPage(page);
                    org.assertj.core.api.Assertions.assertThat(text).as("page %d", page).contains(marking);
                    org.assertj.core.api.Assertions.assertThat(text.indexOf(marking)).as("page %d has it twice", page)
                            .isNotEqualTo(text.lastIndexOf(marking));
                }
                return reader.getNumberOfPages();
            } finally {
                reader.close();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** cmc.director opens a crisis from a fresh incident; the crisis id. */
    static String openCrisis(ApiClient api, String director, String title) {
        var opened = api.post("/api/v1/crises", director, crisis(title, incidentNearBaku(api)));
        if (opened.status() != 201) {
            throw new IllegalStateException("crisis not opened: " + opened);
        }
        return opened.json().get("id").asString();
    }
}
