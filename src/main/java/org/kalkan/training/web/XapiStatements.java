package org.kalkan.training.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.training.Agent;
import org.kalkan.training.LearningStatement;
import org.kalkan.training.StoredStatement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The xAPI statement wire format (xAPI 2.0 = IEEE 9274.1.1-2023, and 1.0.3): statements are validated as a whole —
 * every violation named by its JSON path, nothing stored — and read into {@link LearningStatement}s; stored ones
 * are written back out with {@code stored}, {@code authority} and {@code version} set by this record store.
 */
final class XapiStatements {

    static final String HEADER = "X-Experience-API-Version";
    static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private XapiStatements() {
    }

    /** The version of a request: {@code 2.0.0} for 2.0.x, {@code 1.0.3} for 1.0.x; anything else is refused. */
    static String version(@Nullable String header) {
        String value = header == null ? "" : header.strip();
        if (value.matches("2\\.0(\\.[0-9]+)?")) {
            return "2.0.0";
        }
        if (value.matches("1\\.0(\\.[0-9]+)?")) {
            return "1.0.3";
        }
        throw new IllegalArgumentException(HEADER + " header is required: 2.0.0 (IEEE 9274.1.1) or 1.0.3"
                + (value.isEmpty() ? "" : ", was '" + value + "'"));
    }

    /**
     * Reads the body of a POST (one statement or an array) or a PUT (one statement, whose id is {@code putId}),
     * refusing it whole with every violation named.
     */
    static List<LearningStatement> parse(JsonNode body, @Nullable UUID putId) {
        List<Violation> errors = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        boolean array = body.isArray();
        if (array) {
            if (putId != null) {
                errors.add(new Violation("$", "PUT takes one statement, not an array"));
            }
            body.values().forEach(nodes::add);
            if (nodes.isEmpty()) {
                errors.add(new Violation("$", "the array holds no statement"));
            }
        } else {
            nodes.add(body);
        }
        List<LearningStatement> statements = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = array ? "[" + i + "]" : "$";
            int before = errors.size();
            XapiValidator checker = new XapiValidator(errors);
            checker.statement(nodes.get(i), path, false);
            if (putId != null && nodes.get(i).has("id") && !putId.toString().equalsIgnoreCase(
                    nodes.get(i).get("id").asString(""))) {
                errors.add(new Violation(path + ".id", "differs from the statementId parameter " + putId));
            }
            if (errors.size() == before) {
                statements.add(read((ObjectNode) nodes.get(i), putId));
            }
        }
        List<UUID> ids = statements.stream().map(LearningStatement::id).toList();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.indexOf(ids.get(i)) != i) {
                errors.add(new Violation("[" + i + "].id", "the batch holds statement " + ids.get(i) + " twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() + " violation(s) of the xAPI statement format; nothing "
                    + "was stored", errors);
        }
        return statements;
    }

    private static LearningStatement read(ObjectNode node, @Nullable UUID putId) {
        ObjectNode document = node.deepCopy();
        UUID id = node.has("id") ? UUID.fromString(node.get("id").asString()) : putId != null ? putId
                : UUID.randomUUID();
        document.put("id", id.toString());
        document.remove("stored");
        document.remove("authority");
        JsonNode actor = node.get("actor");
        JsonNode account = actor.get("account");
        Agent agent = new Agent(text(actor, "name"), text(actor, "mbox"), text(actor, "mbox_sha1sum"),
                text(actor, "openid"), account == null ? null : account.get("homePage").asString(),
                account == null ? null : account.get("name").asString());
        JsonNode object = node.get("object");
        JsonNode result = node.get("result");
        JsonNode name = object.path("definition").path("name");
        String activityName = name.isObject() && !name.isEmpty() ? name.values().iterator().next().asString() : null;
        return new LearningStatement(id, agent, node.get("verb").get("id").asString(), object.get("id").asString(),
                activityName, result == null || !result.has("success") ? null : result.get("success").asBoolean(),
                result == null || !result.has("completion") ? null : result.get("completion").asBoolean(),
                node.has("timestamp") ? instant(node.get("timestamp").asString()) : null,
                JSON.writeValueAsString(document));
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static @Nullable Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A stored statement as the record store returns it. */
    static ObjectNode write(StoredStatement stored, String nodeUrl) {
        LearningStatement s = stored.statement();
        ObjectNode node;
        if (s.document() != null) {
            node = (ObjectNode) JSON.readTree(s.document());
        } else {
            node = JSON.createObjectNode();
            node.put("id", s.id().toString());
            node.set("actor", agent(s.actor()));
            ObjectNode verb = node.putObject("verb");
            verb.put("id", s.verb());
            verb.putObject("display").put("en-US", s.verb().substring(s.verb().lastIndexOf('/') + 1));
            ObjectNode object = node.putObject("object");
            object.put("objectType", "Activity");
            object.put("id", s.activity());
            ObjectNode definition = object.putObject("definition");
            if (s.activityName() != null) {
                definition.putObject("name").put("en-US", s.activityName());
            }
            definition.put("type", "http://adlnet.gov/expapi/activities/course");
            if (s.success() != null || s.completion() != null) {
                ObjectNode result = node.putObject("result");
                if (s.success() != null) {
                    result.put("success", s.success());
                }
                if (s.completion() != null) {
                    result.put("completion", s.completion());
                }
            }
        }
        if (!node.has("timestamp")) {
            node.put("timestamp", (s.timestamp() == null ? stored.stored() : s.timestamp()).toString());
        }
        node.put("stored", stored.stored().toString());
        ObjectNode authority = JSON.createObjectNode();
        authority.put("objectType", "Agent");
        authority.put("name", stored.authority());
        ObjectNode account = authority.putObject("account");
        account.put("homePage", nodeUrl);
        account.put("name", stored.authority());
        node.set("authority", authority);
        if (!node.has("version")) {
            node.put("version", stored.version());
        }
        return node;
    }

    private static ObjectNode agent(Agent a) {
        ObjectNode node = JSON.createObjectNode();
        node.put("objectType", "Agent");
        if (a.name() != null) {
            node.put("name", a.name());
        }
        if (a.mbox() != null) {
            node.put("mbox", a.mbox());
        } else if (a.mboxSha1sum() != null) {
            node.put("mbox_sha1sum", a.mboxSha1sum());
        } else if (a.openid() != null) {
            node.put("openid", a.openid());
        } else {
            ObjectNode account = node.putObject("account");
            account.put("homePage", a.homePage());
            account.put("name", a.accountName());
        }
        return node;
    }

    /** The agent filter of a GET: an agent as JSON. */
    static Agent agentFilter(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("agent must be an agent as JSON, e.g. {\"mbox\":\"mailto:a@b\"}");
        }
        List<Violation> errors = new ArrayList<>();
        new XapiValidator(errors).agent(node, "agent", true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("agent is not a valid xAPI agent", errors);
        }
        JsonNode account = node.get("account");
        return new Agent(null, text(node, "mbox"), text(node, "mbox_sha1sum"), text(node, "openid"),
                account == null ? null : account.get("homePage").asString(),
                account == null ? null : account.get("name").asString());
    }

    static ArrayNode ids(List<UUID> ids) {
        ArrayNode array = JSON.createArrayNode();
        ids.forEach(id -> array.add(id.toString()));
        return array;
    }
}
