package org.kalkan.council;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kalkan.ApiClient;
import tools.jackson.databind.JsonNode;

/** Request bodies and signed-in demo users for the Council's tests. */
public final class CouncilFixtures {

    static final String PASSWORD = "kalkan-demo";
    static final List<String> MEMBER_DELEGATES = List.of("aze.delegate", "kaz.delegate", "kgz.delegate",
            "tur.delegate", "uzb.delegate");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private CouncilFixtures() {
    }

    /** A bearer token for a demo user, issued once per node (tokens last eight hours). */
    static String token(ApiClient api, int port, String username) {
        return TOKENS.computeIfAbsent(port + "/" + username, key -> api.token(username, PASSWORD));
    }

    /**
     * A real crisis the chair may see (opened by the CMC director with the chair on its team), for decisions that
     * name one: a decision's crisis is resolved for the chair (issue 12). {@code query} is e.g. {@code ?exercise=…}.
     */
    static String crisisForTheChair(ApiClient api, int port, String title, String query) {
        ApiClient.Response opened = api.post("/api/v1/crises" + query, token(api, port, "cmc.director"), Map.of(
                "title", title, "label", label("RESTRICTED", "MEMBERS"),
                "team", Map.of("users", List.of("council.chair"))));
        if (opened.status() != 201) {
            throw new IllegalStateException("crisis not opened: " + opened);
        }
        return opened.json().get("id").asString();
    }

    static Map<String, Object> label(String classification, String... releasableTo) {
        return Map.of("classification", classification, "releasableTo", List.of(releasableTo));
    }

    public static Map<String, Object> silenceDecision(String title, Instant silenceEndsAt, String... releasableTo) {
        Map<String, Object> draft = draft(title, "SILENCE", releasableTo);
        draft.put("silenceEndsAt", silenceEndsAt.toString());
        return draft;
    }

    static Map<String, Object> consensusDecision(String title, String... releasableTo) {
        return draft(title, "CONSENSUS", releasableTo);
    }

    static Map<String, Object> withMeasure(Map<String, Object> draft, String code, Map<String, String> parameters,
            String crisisId) {
        draft.put("measures", List.of(Map.of("code", code, "parameters", parameters)));
        draft.put("crisisId", crisisId);
        return draft;
    }

    private static Map<String, Object> draft(String title, String procedure, String... releasableTo) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", title);
        draft.put("text", "The Council, having consulted, decides: " + title + ".");
        draft.put("label", label("CONFIDENTIAL", releasableTo.length == 0 ? new String[] {"MEMBERS"} : releasableTo));
        draft.put("procedure", procedure);
        return draft;
    }

    static Map<String, Object> statement(String text) {
        return Map.of("statement", text);
    }

    static Map<String, Object> position(String kind, String statement) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("position", kind);
        if (statement != null) {
            body.put("statement", statement);
        }
        return body;
    }

    static String id(ApiClient.Response response) {
        return response.json().get("id").asString();
    }

    static String status(JsonNode decision) {
        return decision.get("status").asString();
    }
}
