package org.kalkan.training.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.PublicBaseUrl;
import org.kalkan.shared.NotFoundException;
import org.kalkan.training.Agent;
import org.kalkan.training.LearningRecords;
import org.kalkan.training.LearningStatement;
import org.kalkan.training.LearningSystem;
import org.kalkan.training.StatementPage;
import org.kalkan.training.StatementQuery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Learning Record Store subset (xAPI 2.0 and 1.0.3) for national learning systems: statements by POST (one or
 * many) and PUT (by {@code statementId}), validated as a whole; GET by {@code statementId}, or filtered by
 * {@code agent}, {@code verb}, {@code activity}, {@code since}, {@code until} with {@code limit}, {@code ascending}
 * and {@code more} paging; {@code about}. Voiding, documents and attachments in multipart are not offered.
 */
@RestController
@RequestMapping("/api/v1/xapi")
class XapiApi {

    private static final String STATEMENTS = "/api/v1/xapi/statements";

    private final LearningRecords records;
    private final PublicBaseUrl base;
    private final Clock clock;

    XapiApi(LearningRecords records, PublicBaseUrl base, Clock clock) {
        this.records = records;
        this.base = base;
        this.clock = clock;
    }

    @GetMapping(path = "/about", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> about() {
        return Map.of("version", List.of("2.0.0", "1.0.3"), "extensions",
                Map.of("https://kalkan.example/xapi/node-url", base.get()));
    }

    /** One statement or an array: 200 with the ids, in order; a bad one refuses all (400, each violation named). */
    @PostMapping(path = "/statements", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ArrayNode post(@RequestHeader(name = XapiStatements.HEADER, required = false) @Nullable String version,
            @RequestBody JsonNode body) {
        String checked = XapiStatements.version(version);
        List<LearningStatement> statements = XapiStatements.parse(body, null);
        return XapiStatements.ids(records.store(system(), statements, checked));
    }

    @PutMapping(path = "/statements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> put(@RequestHeader(name = XapiStatements.HEADER, required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String statementId, @RequestBody JsonNode body) {
        String checked = XapiStatements.version(version);
        UUID id = Fields.uuid(statementId, "statementId");
        records.store(system(), XapiStatements.parse(body, id), checked);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/statements", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> get(
            @RequestHeader(name = XapiStatements.HEADER, required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String statementId,
            @RequestParam(required = false) @Nullable String agent,
            @RequestParam(required = false) @Nullable String verb,
            @RequestParam(required = false) @Nullable String activity,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable String until,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable Boolean ascending,
            @RequestParam(required = false) @Nullable Long cursor) {
        XapiStatements.version(version);
        LearningSystem system = system();
        var consistent = ResponseEntity.ok().header("X-Experience-API-Consistent-Through",
                clock.instant().toString());
        if (statementId != null) {
            UUID id = Fields.uuid(statementId, "statementId");
            return consistent.body(XapiStatements.write(records.find(system, id)
                    .orElseThrow(() -> NotFoundException.noVisible("statement")), base.get()));
        }
        Agent agentFilter = agent == null ? null : XapiStatements.agentFilter(agent);
        StatementQuery query = new StatementQuery(agentFilter, verb, activity, time(since, "since"),
                time(until, "until"), limit == null ? 0 : limit, Boolean.TRUE.equals(ascending), cursor);
        StatementPage page = records.query(system, query);
        ObjectNode result = XapiStatements.JSON.createObjectNode();
        ArrayNode statements = result.putArray("statements");
        page.statements().forEach(s -> statements.add(XapiStatements.write(s, base.get())));
        result.put("more", page.next() == null ? "" : more(agent, verb, activity, since, until, limit, ascending,
                page.next()));
        return consistent.body(result);
    }

    /** The URL of the next page: the same filters, continuing after the last statement of this one. */
    private static String more(@Nullable String agent, @Nullable String verb, @Nullable String activity,
            @Nullable String since, @Nullable String until, @Nullable Integer limit, @Nullable Boolean ascending,
            long cursor) {
        StringBuilder url = new StringBuilder(STATEMENTS).append("?cursor=").append(cursor);
        append(url, "agent", agent);
        append(url, "verb", verb);
        append(url, "activity", activity);
        append(url, "since", since);
        append(url, "until", until);
        append(url, "limit", limit == null ? null : limit.toString());
        append(url, "ascending", ascending == null ? null : ascending.toString());
        return url.toString();
    }

    private static void append(StringBuilder url, String name, @Nullable String value) {
        if (value != null) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static @Nullable Instant time(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant parsed = XapiStatements.instant(value.strip());
        if (parsed == null) {
            throw new IllegalArgumentException(field + " must be an ISO 8601 timestamp with a time zone");
        }
        return parsed;
    }

    private static LearningSystem system() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof LearningSystem system)) {
            throw new IllegalStateException("xAPI request without an authenticated learning system");
        }
        return system;
    }
}
