package org.kalkan.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@KalkanTest
class UnitRegistryTests {

    private static final String HEADER = "name,sidc,capabilities,personnel,noticeToMoveHours,homeLat,homeLon,"
            + "movementModes,availableFrom,availableTo,standingPool,allowedCountries,excludedCountries,excludedUses,"
            + "maxDeploymentDays,ownTerritoryOnly,classification,releasableTo\n";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    static Map<String, Object> unit(String name, String... releasableTo) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("sidc", "SFGPUCI----");
        body.put("capabilities", List.of("INFANTRY", "COUNTER_TERRORISM"));
        body.put("personnel", 450);
        body.put("noticeToMoveHours", 48);
        body.put("home", Map.of("lat", 40.41, "lon", 49.87));
        body.put("movementModes", List.of("ROAD", "SEA"));
        body.put("standingPool", true);
        body.put("caveats", Map.of("excludedUses", List.of("RIOT_CONTROL"), "maxDeploymentDays", 90));
        body.put("label", Map.of("classification", "RESTRICTED", "releasableTo", List.of(releasableTo)));
        return body;
    }

    @Test
    void aNationRegistersItsUnitAndOthersReadItWithinTheLabel() {
        ApiClient api = new ApiClient(port);
        var created = api.post("/api/v1/forces/units", api.token("aze.officer", "kalkan-demo"),
                unit("AZE 1st Rapid Reaction Battalion", "MEMBERS"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode unit = created.json();
        assertThat(unit.get("nation").asString()).isEqualTo("AZE");
        assertThat(unit.get("label").get("marking").asString()).isEqualTo("RESTRICTED // REL TO MEMBERS");
        assertThat(unit.get("caveats").get("excludedUses").get(0).asString()).isEqualTo("RIOT_CONTROL");
        String id = unit.get("id").asString();

        assertThat(api.get("/api/v1/forces/units/" + id, api.token("kaz.officer", "kalkan-demo")).status())
                .isEqualTo(200);
        String observer = api.token("hun.observer", "kalkan-demo");
        assertThat(api.get("/api/v1/forces/units/" + id, observer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/forces/units", observer).body()).doesNotContain(id);
    }

    @Test
    void onlyTheOwningNationEditsItsUnitAndStaleEditsAreRefused() throws Exception {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", "kalkan-demo");
        JsonNode unit = api.post("/api/v1/forces/units", aze, unit("AZE Engineer Company", "MEMBERS")).json();
        String id = unit.get("id").asString();
        Map<String, Object> edit = unit("AZE Engineer Company (reinforced)", "MEMBERS");
        edit.put("version", unit.get("version").asInt());

        assertThat(put(id, api.token("tur.officer", "kalkan-demo"), edit)).isEqualTo(403);
        assertThat(put(id, aze, edit)).isEqualTo(200);
        assertThat(put(id, aze, edit)).as("the same version again is stale").isEqualTo(409);
        assertThat(api.post("/api/v1/forces/units", api.token("hun.observer", "kalkan-demo"),
                unit("HUN unit", "ALL")).status()).isEqualTo(403);
    }

    @Test
    void aCsvImportStoresEveryRowOrNoneAndNamesTheBadRows() {
        ApiClient api = new ApiClient(port);
        String tur = api.token("tur.officer", "kalkan-demo");
        String good = "TUR Commando Brigade,SFGPUCIS---,SOF;COUNTER_TERRORISM,2500,24,39.93,32.86,ROAD;AIR,,,true,"
                + ",,RIOT_CONTROL,120,false,RESTRICTED,MEMBERS\n"
                + "\"TUR Medical Unit, Field\",SFGPUSM----,MEDICAL,180,72,41.0,29.0,ROAD,,,false,,,,,true,"
                + "UNCLASSIFIED,ALL\n";
        long before = units();
        var bad = csv(tur, HEADER + good + "Broken,SFGPUCI----,TELEPORTATION,10,1,39,32,ROAD,,,false,,,,,false,"
                + "RESTRICTED,MEMBERS\nNo home,SFGPUCI----,INFANTRY,10,1,x,32,ROAD,,,false,,,,,false,RESTRICTED,TUR\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode errors = JsonMapper.builder().build().readTree(bad.body()).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("message").asString()).contains("TELEPORTATION");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(units()).isEqualTo(before);

        var ok = csv(tur, HEADER + good);
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(units()).isEqualTo(before + 2);
    }

    @Test
    void aRegisteredUnitsMovementUsesItsHomeModesAndNoticeToMove() {
        ApiClient api = new ApiClient(port);
        String kaz = api.token("kaz.officer", "kalkan-demo");
        Map<String, Object> body = unit("KAZ Marine Company", "MEMBERS");
        body.put("home", Map.of("lat", 43.65, "lon", 51.16));
        body.put("noticeToMoveHours", 24);
        String id = api.post("/api/v1/forces/units", kaz, body).json().get("id").asString();
        JsonNode estimate = api.get("/api/v1/forces/movement-estimates?unitId=" + id + "&to=40.41,49.87", kaz).json();
        assertThat(estimate.get("noticeToMoveHours").asDouble()).isEqualTo(24.0);
        assertThat(estimate.get("legs").toString()).contains("SEA");
    }

    private int put(String id, String token, Map<String, Object> body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/forces/units/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JsonMapper.builder().build().writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> csv(String token, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/forces/units/import"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long units() {
        return jdbc.sql("SELECT count(*) FROM force_unit").query(Long.class).single();
    }
}
