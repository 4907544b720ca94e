package org.kalkan.interop.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.SessionClient;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walkthrough through the API: a national earthquake warning with a polygon becomes a report on the
 * map with its polygon; an Update moves it and a Cancel withdraws it, and the report follows; only the nation that
 * received a message can update or cancel what it filed.
 */
@KalkanTest
class CapWalkthroughTests {

    /** Ismayilli district: far from the areas other CAP tests use, so nothing correlates with them. */
    private static final String ISMAYILLI = """
            <area>
              <areaDesc>Ismayilli district</areaDesc>
              <polygon>40.90,47.95 40.90,48.25 40.70,48.25 40.70,47.95 40.90,47.95</polygon>
            </area>""";
    private static final String ISMAYILLI_EAST = """
            <area>
              <areaDesc>Ismayilli and Gabala districts</areaDesc>
              <polygon>40.95,48.10 40.95,48.45 40.75,48.45 40.75,48.10 40.95,48.10</polygon>
            </area>""";

    @LocalServerPort int port;
    @Autowired TestClock clock;

    private ApiClient api;
    private String cap;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        cap = api.token("aze.cap", "kalkan-demo");
    }

    private String sent(int minutesAgo) {
        return CapFixtures.sent(clock, minutesAgo);
    }

    private JsonNode post(String token, String xml, int status) {
        var response = api.postBytes("/api/v1/cap/alerts", token, "application/cap+xml", CapFixtures.utf8(xml));
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    private static String references(String identifier, String sent) {
        return "<references>" + CapFixtures.SENDER + "," + identifier + "," + sent + "</references>";
    }

    /** The areas the map of {@code username} draws (the map page's own request). */
    private JsonNode mapAreas(String username) throws Exception {
        HttpClient browser = SessionClient.signedIn(port, username);
        var response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/map/areas"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).get("features");
    }

    private static boolean drawn(JsonNode features, String reportId) {
        return features.valueStream().anyMatch(f -> f.get("id").asString().equals(reportId));
    }

    @Test
    void anEarthquakeWarningIsFiledUpdatedAndCancelledAndTheReportFollows() throws Exception {
        String first = CapFixtures.identifier("AZ-EQ-WALK");
        String firstSent = sent(30);
        JsonNode filed = post(cap, CapFixtures.earthquake(first, firstSent, "Alert", "", ISMAYILLI), 201);
        String reportId = filed.get("reportIds").get(0).asString();
        String kaz = api.token("kaz.officer", "kalkan-demo");
        JsonNode report = api.get("/api/v1/reports/" + reportId, kaz).json();
        assertThat(report.get("area").asString()).contains("[47.950000,40.900000]");
        double lon = report.get("location").get("lon").asDouble();
        assertThat(lon).isBetween(47.95, 48.25);
        assertThat(drawn(mapAreas("kaz.officer"), reportId)).as("the polygon is on KAZ's map").isTrue();

        String update = CapFixtures.identifier("AZ-EQ-WALK");
        String updateSent = sent(20);
        JsonNode updated = post(cap, CapFixtures.earthquake(update, updateSent, "Update",
                references(first, firstSent), ISMAYILLI_EAST).replace("<severity>Severe</severity>",
                "<severity>Extreme</severity>").replace("M6.1 earthquake near Shamakhi", "M6.4 earthquake near Gabala"),
                201);
        assertThat(updated.get("alerts").get(0).get("effect").asString()).isEqualTo("UPDATED");
        assertThat(updated.get("reportIds")).singleElement().satisfies(id -> assertThat(id.asString())
                .isEqualTo(reportId));
        JsonNode moved = api.get("/api/v1/reports/" + reportId, kaz).json();
        assertThat(moved.get("title").asString()).isEqualTo("M6.4 earthquake near Gabala");
        assertThat(moved.get("severity").asInt()).isEqualTo(5);
        assertThat(moved.get("location").get("lon").asDouble()).isGreaterThan(lon);
        assertThat(moved.get("area").asString()).contains("[48.450000,40.950000]");

        // KAZ relays a cancellation of AZE's message: it never reached KAZ, so nothing of AZE's changes.
        JsonNode foreign = post(api.token("kaz.officer", "kalkan-demo"), CapFixtures.earthquake(
                CapFixtures.identifier("KZ-CANCEL"), sent(15), "Cancel", references(update, updateSent), ISMAYILLI),
                201);
        assertThat(foreign.get("alerts").get(0).get("effect").asString()).isEqualTo("CANCEL_UNKNOWN");
        assertThat(api.get("/api/v1/reports/" + reportId, kaz).status()).isEqualTo(200);

        String cancel = CapFixtures.earthquake(CapFixtures.identifier("AZ-EQ-WALK"), sent(10), "Cancel",
                references(update, updateSent), ISMAYILLI_EAST);
        JsonNode cancelled = post(cap, cancel, 201);
        assertThat(cancelled.get("alerts").get(0).get("effect").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("reportIds")).singleElement().satisfies(id -> assertThat(id.asString())
                .isEqualTo(reportId));
        assertThat(api.get("/api/v1/reports/" + reportId, kaz).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reports/" + reportId, api.token("aze.officer", "kalkan-demo")).status())
                .isEqualTo(404);
        assertThat(drawn(mapAreas("kaz.officer"), reportId)).as("the polygon has left the map").isFalse();

        assertThat(post(cap, cancel, 200).get("alerts").get(0).get("duplicate").asBoolean()).isTrue();
        JsonNode message = api.get("/api/v1/cap/messages/" + cancelled.get("alerts").get(0).get("messageId")
                .asString(), cap).json();
        assertThat(message.get("reports")).singleElement()
                .satisfies(r -> assertThat(r.get("action").asString()).isEqualTo("WITHDRAWN"));
    }

    @Test
    void anUpdateThatDropsABlockWithdrawsItsReportAndANewBlockFilesOne() {
        String first = CapFixtures.identifier("AZ-EQ-BLOCKS");
        String firstSent = sent(40);
        String twoAreas = ISMAYILLI + """
                <area>
                  <areaDesc>Lankaran district</areaDesc>
                  <circle>38.75,48.85 10</circle>
                </area>""";
        JsonNode filed = post(cap, CapFixtures.earthquake(first, firstSent, "Alert", "", twoAreas), 201);
        assertThat(filed.get("reportIds")).hasSize(2);
        String ismayilli = filed.get("reportIds").get(0).asString();
        String lankaran = filed.get("reportIds").get(1).asString();

        JsonNode updated = post(cap, CapFixtures.earthquake(CapFixtures.identifier("AZ-EQ-BLOCKS"), sent(35),
                "Update", references(first, firstSent), ISMAYILLI), 201);
        assertThat(updated.get("reportIds").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                ismayilli, lankaran);
        String messageId = updated.get("alerts").get(0).get("messageId").asString();
        assertThat(api.get("/api/v1/cap/messages/" + messageId, cap).json().get("reports").valueStream()
                .map(r -> r.get("reportId").asString() + " " + r.get("action").asString()))
                .containsExactlyInAnyOrder(ismayilli + " UPDATED", lankaran + " WITHDRAWN");
        String kaz = api.token("kaz.officer", "kalkan-demo");
        assertThat(api.get("/api/v1/reports/" + ismayilli, kaz).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/reports/" + lankaran, kaz).status()).isEqualTo(404);
    }
}
