package org.kalkan.interop.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** OGC API – Features, Core and GeoJSON, over plain HTTP with bearer tokens. */
@KalkanTest
class OgcApiTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theLandingPageLinksToTheApiDefinitionConformanceAndCollections() {
        ApiClient api = new ApiClient(port);
        String token = api.token("kaz.officer", "kalkan-demo");
        var landing = api.get("/ogc", token);
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.contentType()).startsWith("application/json");
        assertThat(rels(landing.json())).contains("self", "service-desc", "conformance", "data");
        assertThat(link(landing.json(), "service-desc")).endsWith("/v3/api-docs");
        assertThat(link(landing.json(), "data")).endsWith("/ogc/collections");
        assertThat(api.get("/v3/api-docs", token).body()).contains("/ogc/collections/{collectionId}/items");

        var conformance = api.get("/ogc/conformance", token);
        assertThat(conformance.contentType()).startsWith("application/json");
        assertThat(texts(conformance.json().get("conformsTo"))).containsExactlyInAnyOrder(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
    }

    @Test
    void theIncidentsCollectionIsListedWithItsGeoJsonItemsLink() {
        ApiClient api = new ApiClient(port);
        String token = api.token("hun.observer", "kalkan-demo");
        JsonNode collections = api.get("/ogc/collections", token).json();
        assertThat(rels(collections)).contains("self");
        JsonNode incidents = null;
        for (JsonNode collection : collections.get("collections")) {
            if (collection.get("id").asString().equals("incidents")) {
                incidents = collection;
            }
        }
        assertThat(incidents).isNotNull();
        assertThat(incidents.get("itemType").asString()).isEqualTo("feature");
        assertThat(link(incidents, "items")).endsWith("/ogc/collections/incidents/items");
        var collection = api.get("/ogc/collections/incidents", token);
        assertThat(collection.status()).isEqualTo(200);
        assertThat(collection.json().get("id").asString()).isEqualTo("incidents");
    }

    @Test
    void itemsAreGeoJsonFeaturesOnlyOfReadableIncidents() {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", "kalkan-demo");
        var confidential = OgcFixtures.file(api, aze, "CYBER_ATTACK", 51.10, 70.10, "CONFIDENTIAL", "AZE", "TUR");
        var unclassified = OgcFixtures.file(api, aze, "OTHER", 51.20, 70.20, "UNCLASSIFIED", "ALL");
        String box = "/ogc/collections/incidents/items?bbox=70.0,51.0,70.3,51.3";

        var tur = api.get(box, api.token("tur.officer", "kalkan-demo"));
        assertThat(tur.status()).isEqualTo(200);
        assertThat(tur.contentType()).startsWith("application/geo+json");
        JsonNode page = tur.json();
        assertThat(page.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("features").size());
        assertThat(Instant.parse(page.get("timeStamp").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(rels(page)).contains("self", "collection");
        assertThat(ids(page)).containsExactly(unclassified.incidentId(), confidential.incidentId());
        JsonNode feature = page.get("features").get(1);
        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Point");
        assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(70.10);
        assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(51.10);
        JsonNode properties = feature.get("properties");
        assertThat(properties.get("category").asString()).isEqualTo("CYBER_ATTACK");
        assertThat(properties.get("title").asString()).isEqualTo(confidential.title());
        assertThat(properties.get("status").asString()).isEqualTo("NEW");
        assertThat(properties.get("severity").asInt()).isEqualTo(4);
        assertThat(properties.get("classification").asString()).isEqualTo("CONFIDENTIAL");
        assertThat(properties.get("marking").asString()).isEqualTo("CONFIDENTIAL // REL TO AZE, TUR");
        assertThat(properties.get("sidc").asString()).hasSize(20);
        assertThat(properties.get("firstObservedAt").asString()).isNotBlank();

        for (String outsider : List.of("kaz.officer", "hun.observer")) {
            var seen = api.get(box, api.token(outsider, "kalkan-demo"));
            assertThat(ids(seen.json())).as(outsider).containsExactly(unclassified.incidentId());
            assertThat(seen.body()).doesNotContain(confidential.title());
        }
    }

    @Test
    void aSingleFeatureIsNotFoundForThoseWhoMayNotReadItAsIfItDidNotExist() {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", "kalkan-demo");
        var confidential = OgcFixtures.file(api, aze, "CYBER_ATTACK", 50.10, 60.10, "CONFIDENTIAL", "AZE", "TUR");
        String path = "/ogc/collections/incidents/items/" + confidential.incidentId();

        var tur = api.get(path, api.token("tur.officer", "kalkan-demo"));
        assertThat(tur.status()).isEqualTo(200);
        assertThat(tur.contentType()).startsWith("application/geo+json");
        assertThat(tur.json().get("id").asString()).isEqualTo(confidential.incidentId());
        assertThat(tur.json().get("properties").get("title").asString()).isEqualTo(confidential.title());
        assertThat(rels(tur.json())).contains("self", "collection");

        for (String outsider : List.of("kaz.officer", "hun.observer")) {
            String token = api.token(outsider, "kalkan-demo");
            var hidden = api.get(path, token);
            var missing = api.get("/ogc/collections/incidents/items/" + UUID.randomUUID(), token);
            var malformed = api.get("/ogc/collections/incidents/items/not-an-id", token);
            for (var response : List.of(hidden, missing, malformed)) {
                assertThat(response.status()).isEqualTo(404);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("title").asString()).isEqualTo("Not found");
            }
            assertThat(hidden.body()).doesNotContain(confidential.title());
        }
    }

    @Test
    void exerciseIncidentsAreNotPartOfTheRealWorldCollection() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO incident (id, category, title, status, severity, lat, lon, first_observed_at,
                    last_observed_at, report_count, classification, releasable_to, exercise_id, created_at, updated_at)
                VALUES (:id, 'OTHER', 'Exercise inject', 'NEW', 2, 48.5, 66.5, now(), now(), 1, 0, '{ALL}', :exercise,
                    now(), now())""").param("id", id).param("exercise", UUID.randomUUID()).update();
        ApiClient api = new ApiClient(port);
        String token = api.token("tur.officer", "kalkan-demo");
        assertThat(ids(api.get("/ogc/collections/incidents/items?bbox=66,48,67,49", token).json()))
                .doesNotContain(id.toString());
        assertThat(api.get("/ogc/collections/incidents/items/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void bboxAndDatetimeSelectTheIncidentsInTheBoxAndTimeSpan() {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", "kalkan-demo");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant threeDaysAgo = now.minus(3, ChronoUnit.DAYS);
        var old = OgcFixtures.file(api, aze, "BORDER_INCIDENT", 49.10, 62.10, threeDaysAgo, "UNCLASSIFIED", "ALL");
        var recent = OgcFixtures.file(api, aze, "BORDER_INCIDENT", 49.90, 62.90, now.minusSeconds(60),
                "UNCLASSIFIED", "ALL");
        String token = api.token("kgz.officer", "kalkan-demo");
        String items = "/ogc/collections/incidents/items?bbox=62,49,63,50";

        assertThat(ids(api.get(items, token).json())).containsExactly(recent.incidentId(), old.incidentId());
        assertThat(ids(api.get("/ogc/collections/incidents/items?bbox=62,49,62.5,49.5", token).json()))
                .containsExactly(old.incidentId());
        assertThat(ids(api.get(items + "&datetime=" + threeDaysAgo, token).json()))
                .containsExactly(old.incidentId());
        assertThat(ids(api.get(items + "&datetime=" + now.minus(1, ChronoUnit.DAYS) + "/..", token).json()))
                .containsExactly(recent.incidentId());
        assertThat(ids(api.get(items + "&datetime=../" + now.minus(1, ChronoUnit.DAYS), token).json()))
                .containsExactly(old.incidentId());
        assertThat(ids(api.get(items + "&datetime=" + threeDaysAgo.minusSeconds(1) + "/" + now, token).json()))
                .containsExactly(recent.incidentId(), old.incidentId());
        assertThat(ids(api.get(items + "&datetime=" + threeDaysAgo.toString().substring(0, 10), token).json()))
                .containsExactly(old.incidentId());
        assertThat(ids(api.get(items + "&datetime=" + now.minus(2, ChronoUnit.DAYS) + "/"
                + now.minus(1, ChronoUnit.DAYS), token).json())).isEmpty();
    }

    @Test
    void limitCapsAPageAndNextLinksWalkThroughEveryFeatureOnce() {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", "kalkan-demo");
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(OgcFixtures.file(api, aze, "TRAFFICKING_PERSONS", 46.2 + i * 0.6, 58.2, "UNCLASSIFIED", "ALL")
                    .incidentId());
        }
        String token = api.token("uzb.officer", "kalkan-demo");
        String url = "/ogc/collections/incidents/items?bbox=58,46,58.5,49.5&limit=2";
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (url != null) {
            JsonNode page = api.get(url, token).json();
            assertThat(page.get("numberReturned").asInt()).isLessThanOrEqualTo(2);
            seen.addAll(ids(page));
            pages++;
            String next = link(page, "next");
            url = next == null ? null : next.substring(next.indexOf("/ogc/"));
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(filed).doesNotHaveDuplicates();

        var defaultLimit = api.get("/ogc/collections/incidents/items", token);
        assertThat(defaultLimit.json().get("features").size()).isLessThanOrEqualTo(10);
        for (String above : List.of("100000", "99999999999")) {
            var aboveMaximum = api.get("/ogc/collections/incidents/items?limit=" + above, token);
            assertThat(aboveMaximum.status()).isEqualTo(200);
        }
    }

    @Test
    void badParametersAreRefusedWithProblemsAndUnknownCollectionsAreNotFound() {
        ApiClient api = new ApiClient(port);
        String token = api.token("tur.officer", "kalkan-demo");
        for (String query : List.of("bbox=1,2,3", "bbox=a,b,c,d", "bbox=0,0,200,10", "bbox=10,50,5,60",
                "bbox=0,10,10,5", "datetime=yesterday", "datetime=2026-12-01T00:00:00Z/2026-11-01T00:00:00Z",
                "datetime=2026-11-01T00:00:00Z/2026-12-01T00:00:00Z/..", "limit=0", "limit=-3", "limit=ten",
                "cursor=not-a-cursor")) {
            var response = api.get("/ogc/collections/incidents/items?" + query, token);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).as(query).isNotBlank();
        }
        for (String path : List.of("/ogc/collections/tanks", "/ogc/collections/tanks/items",
                "/ogc/collections/tanks/items/1")) {
            var response = api.get(path, token);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void withoutABearerTokenTheApiAnswers401() {
        ApiClient api = new ApiClient(port);
        for (String path : List.of("/ogc", "/ogc/collections", "/ogc/collections/incidents/items")) {
            var response = api.get(path, null);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/ogc/collections", "not-a-token").status()).isEqualTo(401);
    }

    static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.get("features").forEach(feature -> ids.add(feature.get("id").asString()));
        return ids;
    }

    static List<String> rels(JsonNode document) {
        List<String> rels = new ArrayList<>();
        document.get("links").forEach(link -> rels.add(link.get("rel").asString()));
        return rels;
    }

    static String link(JsonNode document, String rel) {
        for (JsonNode link : document.get("links")) {
            if (link.get("rel").asString().equals(rel)) {
                return link.get("href").asString();
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }
}
