package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kalkan.ApiClient;

/**
 * The demo users of the seam tests of issue 12 (part A), acting through the API as they would: tokens, and the
 * records the tests build on (crises, units, requirements, offers and sourcing plans, Council drafts, exercises).
 */
final class SeamActors {

    static final String PASSWORD = "kalkan-demo";
    static final List<String> DELEGATES = List.of("aze.delegate", "kaz.delegate", "kgz.delegate", "tur.delegate",
            "uzb.delegate");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final ApiClient api;
    private final int port;

    SeamActors(int port) {
        this.port = port;
        this.api = new ApiClient(port);
    }

    ApiClient api() {
        return api;
    }

    /** A bearer token for a demo user, issued once per node. */
    String token(String username) {
        return TOKENS.computeIfAbsent(port + "/" + username, key -> api.token(username, PASSWORD));
    }

    /**
     * The refusal as a client can tell it apart: status, title and detail (the problem's {@code instance} is the
     * request's own path, which the client chose).
     */
    static String refusal(ApiClient.Response response) {
        var problem = response.json();
        return response.status() + " " + problem.path("title").asString("") + ": " + problem.path("detail").asString("");
    }

    static Map<String, Object> label(String classification, String... releasableTo) {
        return Map.of("classification", classification, "releasableTo", List.of(releasableTo));
    }

    /** A crisis opened by the CMC director with the given label and team (users and nations), in {@code query}. */
    String crisis(String title, Map<String, Object> label, List<String> users, List<String> nations, String query) {
        ApiClient.Response opened = api.post("/api/v1/crises" + query, token("cmc.director"), Map.of("title", title,
                "label", label, "team", Map.of("users", users, "nations", nations)));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    /** A RESTRICTED // REL TO MEMBERS crisis whose team includes the Council chair (so the Council may act on it). */
    String councilCrisis(String title, String query) {
        return crisis(title, label("RESTRICTED", "MEMBERS"), List.of("council.chair"), List.of("UZB", "KGZ"), query);
    }

    /** A Council draft under silence until {@code ends}, labelled as given. */
    static Map<String, Object> silenceDraft(String title, Instant ends, Map<String, Object> label) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", title);
        draft.put("text", "The Council, having consulted, decides: " + title + ".");
        draft.put("label", label);
        draft.put("procedure", "SILENCE");
        draft.put("silenceEndsAt", ends.truncatedTo(ChronoUnit.MILLIS).toString());
        return draft;
    }

    static Map<String, Object> consensusDraft(String title, Map<String, Object> label) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", title);
        draft.put("text", "The Council, having consulted, decides: " + title + ".");
        draft.put("label", label);
        draft.put("procedure", "CONSENSUS");
        return draft;
    }

    static Map<String, Object> naming(Map<String, Object> draft, String crisisId, String code,
            Map<String, String> parameters) {
        draft.put("crisisId", crisisId);
        draft.put("measures", List.of(Map.of("code", code, "parameters", parameters)));
        return draft;
    }

    /**
     * A sourcing plan of a fresh requirement of the crisis, asked of KGZ and answered with a new KGZ unit, labelled
     * as given; SUBMITTED when {@code submit}. Returns the plan id and the offer it uses.
     */
    record Plan(String id, String offer, String requirement) {
    }

    Plan plan(String crisis, Map<String, Object> label, boolean submit, Instant now) {
        String planner = token("force.planner");
        String kgz = token("kgz.officer");
        var requirement = api.post("/api/v1/forces/requirements", planner, Map.of("crisisId", crisis,
                "capability", "BORDER_SECURITY", "quantity", 1, "location", Map.of("lat", 40.53, "lon", 72.80),
                "country", "KGZ", "neededBy", now.plus(Duration.ofDays(6)).toString(), "durationDays", 30,
                "label", label));
        assertThat(requirement.status()).as(requirement.body()).isEqualTo(201);
        String requirementId = requirement.json().get("id").asString();
        assertThat(api.post("/api/v1/forces/requirements/" + requirementId + "/requests", planner,
                Map.of("nations", List.of("KGZ"))).status()).isEqualTo(201);
        Map<String, Object> unit = new HashMap<>();
        unit.put("name", "KGZ Border Guard Company " + requirementId.substring(0, 8));
        unit.put("sidc", "SFGPUCI----");
        unit.put("capabilities", List.of("BORDER_SECURITY"));
        unit.put("personnel", 120);
        unit.put("noticeToMoveHours", 12);
        unit.put("home", Map.of("lat", 42.87, "lon", 74.59));
        unit.put("movementModes", List.of("ROAD"));
        unit.put("standingPool", true);
        unit.put("caveats", Map.of("ownTerritoryOnly", true));
        unit.put("label", label("RESTRICTED", "MEMBERS"));
        var registered = api.post("/api/v1/forces/units", kgz, unit);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var offered = api.post("/api/v1/forces/requirements/" + requirementId + "/requests/KGZ/offers", kgz,
                Map.of("unitId", registered.json().get("id").asString()));
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        var computed = api.post("/api/v1/forces/sourcing-plans", planner, Map.of(
                "requirementIds", List.of(requirementId), "timeLimitSeconds", 5));
        assertThat(computed.status()).as(computed.body()).isEqualTo(201);
        String planId = computed.json().get("id").asString();
        if (submit) {
            var submitted = api.post("/api/v1/forces/sourcing-plans/" + planId + "/submission", planner, Map.of());
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        }
        return new Plan(planId, offered.json().get("id").asString(), requirementId);
    }
}
