package org.kalkan.training.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
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

    private static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
    private static final Pattern IRL = Pattern.compile("https?://\\S+");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern STATEMENT_VERSION = Pattern.compile("(1\\.0|2\\.0)(\\.[0-9]+)?");
    private static final Pattern DURATION = Pattern.compile(
            "P(?=\\d|T\\d)(\\d+(\\.\\d+)?Y)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?W)?(\\d+(\\.\\d+)?D)?"
                    + "(T(?=\\d)(\\d+(\\.\\d+)?H)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?S)?)?");
    private static final Set<String> STATEMENT_KEYS = Set.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments", "objectType");
    private static final Set<String> SUB_STATEMENT_KEYS = Set.of("actor", "verb", "object", "result", "context",
            "timestamp", "attachments", "objectType");
    private static final Set<String> AGENT_KEYS = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid",
            "account", "member");
    private static final Set<String> RESULT_KEYS = Set.of("score", "success", "completion", "response", "duration",
            "extensions");
    private static final Set<String> CONTEXT_KEYS = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions", "contextAgents", "contextGroups");

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
            Checker checker = new Checker(errors);
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

    private static @Nullable String text(JsonNode node, String field) {
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
        new Checker(errors).agent(node, "agent", true);
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

    /** Collects the violations of one statement, each named by its JSON path. */
    private static final class Checker {

        private final List<Violation> errors;

        Checker(List<Violation> errors) {
            this.errors = errors;
        }

        private void error(String path, String message) {
            errors.add(new Violation(path, message));
        }

        void statement(JsonNode node, String path, boolean sub) {
            if (!node.isObject()) {
                error(path, "a statement must be a JSON object");
                return;
            }
            keys(node, path, sub ? SUB_STATEMENT_KEYS : STATEMENT_KEYS);
            if (sub) {
                if (!"SubStatement".equals(text(node, "objectType"))) {
                    error(path + ".objectType", "must be SubStatement");
                }
            } else {
                optionalUuid(node, "id", path);
                JsonNode version = node.get("version");
                if (version != null && (!version.isString()
                        || !STATEMENT_VERSION.matcher(version.asString()).matches())) {
                    error(path + ".version", "must be 1.0.x or 2.0.x");
                }
                if (node.has("objectType")) {
                    error(path + ".objectType", "is not a property of a statement");
                }
            }
            JsonNode actor = node.get("actor");
            if (actor == null) {
                error(path + ".actor", "is required");
            } else {
                agent(actor, path + ".actor", true);
            }
            verb(node.get("verb"), path + ".verb");
            object(node.get("object"), path + ".object", sub);
            if (node.has("result")) {
                result(node.get("result"), path + ".result");
            }
            if (node.has("context")) {
                context(node.get("context"), path + ".context", node.get("object"));
            }
            if (node.has("timestamp")) {
                timestamp(node.get("timestamp"), path + ".timestamp");
            }
            if (node.has("stored")) {
                timestamp(node.get("stored"), path + ".stored");
            }
            if (node.has("authority")) {
                agent(node.get("authority"), path + ".authority", false);
            }
            if (node.has("attachments")) {
                attachments(node.get("attachments"), path + ".attachments");
            }
        }

        private void keys(JsonNode node, String path, Set<String> allowed) {
            for (String key : node.propertyNames()) {
                if (!allowed.contains(key)) {
                    error(path + "." + key, "is not a property defined by xAPI here");
                }
            }
        }

        /** An Agent or an identified Group ({@code identified}: must carry exactly one identifier). */
        void agent(JsonNode node, String path, boolean identified) {
            if (!node.isObject()) {
                error(path, "must be an Agent or Group object");
                return;
            }
            keys(node, path, AGENT_KEYS);
            String type = text(node, "objectType");
            boolean group = "Group".equals(type);
            if (type != null && !group && !"Agent".equals(type)) {
                error(path + ".objectType", "must be Agent or Group");
            }
            if (node.has("name") && !node.get("name").isString()) {
                error(path + ".name", "must be a string");
            }
            int identifiers = 0;
            if (node.has("mbox")) {
                identifiers++;
                if (!node.get("mbox").isString() || !node.get("mbox").asString().matches("mailto:[^@\\s]+@\\S+")) {
                    error(path + ".mbox", "must be a mailto: IRI, e.g. mailto:learner@example.org");
                }
            }
            if (node.has("mbox_sha1sum")) {
                identifiers++;
                if (!node.get("mbox_sha1sum").isString()
                        || !SHA1.matcher(node.get("mbox_sha1sum").asString()).matches()) {
                    error(path + ".mbox_sha1sum", "must be 40 lower-case hex digits");
                }
            }
            if (node.has("openid")) {
                identifiers++;
                iri(node.get("openid"), path + ".openid");
            }
            if (node.has("account")) {
                identifiers++;
                JsonNode account = node.get("account");
                if (!account.isObject()) {
                    error(path + ".account", "must be an object with homePage and name");
                } else {
                    keys(account, path + ".account", Set.of("homePage", "name"));
                    JsonNode homePage = account.get("homePage");
                    if (homePage == null || !homePage.isString() || !IRL.matcher(homePage.asString()).matches()) {
                        error(path + ".account.homePage", "is required: the URL of the system the account is on");
                    }
                    JsonNode name = account.get("name");
                    if (name == null || !name.isString() || name.asString().isEmpty()) {
                        error(path + ".account.name", "is required: the account's name on that system");
                    }
                }
            }
            if (group && node.has("member")) {
                JsonNode members = node.get("member");
                if (!members.isArray()) {
                    error(path + ".member", "must be an array of agents");
                } else {
                    int i = 0;
                    for (JsonNode member : members) {
                        agent(member, path + ".member[" + i++ + "]", true);
                        if ("Group".equals(text(member, "objectType"))) {
                            error(path + ".member[" + (i - 1) + "]", "a group's members are agents");
                        }
                    }
                }
            } else if (!group && node.has("member")) {
                error(path + ".member", "only a Group has members");
            }
            if (identifiers > 1) {
                error(path, "must have exactly one of mbox, mbox_sha1sum, openid, account");
            } else if (identifiers == 0 && (!group || identified)) {
                error(path, group ? "an anonymous group (without mbox, mbox_sha1sum, openid or account) is not "
                        + "supported here" : "an agent needs one of mbox, mbox_sha1sum, openid, account");
            }
        }

        private void verb(@Nullable JsonNode node, String path) {
            if (node == null) {
                error(path, "is required");
                return;
            }
            if (!node.isObject()) {
                error(path, "must be an object with an id");
                return;
            }
            keys(node, path, Set.of("id", "display"));
            JsonNode id = node.get("id");
            if (id == null) {
                error(path + ".id", "is required: the verb's IRI");
            } else {
                iri(id, path + ".id");
                if (VOIDED.equals(id.asString(""))) {
                    error(path + ".id", "voiding statements is not supported by this record store");
                }
            }
            if (node.has("display")) {
                languageMap(node.get("display"), path + ".display");
            }
        }

        private void object(@Nullable JsonNode node, String path, boolean inSub) {
            if (node == null) {
                error(path, "is required");
                return;
            }
            if (!node.isObject()) {
                error(path, "must be an object");
                return;
            }
            String type = text(node, "objectType");
            if (type == null || type.equals("Activity")) {
                keys(node, path, Set.of("objectType", "id", "definition"));
                JsonNode id = node.get("id");
                if (id == null) {
                    error(path + ".id", "is required: the activity's IRI");
                } else {
                    iri(id, path + ".id");
                }
                if (node.has("definition")) {
                    definition(node.get("definition"), path + ".definition");
                }
            } else if (type.equals("Agent") || type.equals("Group")) {
                agent(node, path, true);
            } else if (type.equals("StatementRef")) {
                keys(node, path, Set.of("objectType", "id"));
                JsonNode id = node.get("id");
                if (id == null || !id.isString() || !UUID_PATTERN.matcher(id.asString()).matches()) {
                    error(path + ".id", "must be the UUID of the statement referred to");
                }
            } else if (type.equals("SubStatement")) {
                if (inSub) {
                    error(path, "a SubStatement cannot hold another SubStatement");
                } else {
                    statement(node, path, true);
                }
            } else {
                error(path + ".objectType", "must be Activity, Agent, Group, StatementRef or SubStatement");
            }
        }

        private void definition(JsonNode node, String path) {
            if (!node.isObject()) {
                error(path, "must be an object");
                return;
            }
            keys(node, path, Set.of("name", "description", "type", "moreInfo", "extensions", "interactionType",
                    "correctResponsesPattern", "choices", "scale", "source", "target", "steps"));
            if (node.has("name")) {
                languageMap(node.get("name"), path + ".name");
            }
            if (node.has("description")) {
                languageMap(node.get("description"), path + ".description");
            }
            if (node.has("type")) {
                iri(node.get("type"), path + ".type");
            }
            if (node.has("moreInfo") && (!node.get("moreInfo").isString()
                    || !IRI.matcher(node.get("moreInfo").asString()).matches())) {
                error(path + ".moreInfo", "must be an IRL");
            }
            if (node.has("extensions")) {
                extensions(node.get("extensions"), path + ".extensions");
            }
        }

        private void result(JsonNode node, String path) {
            if (!node.isObject()) {
                error(path, "must be an object");
                return;
            }
            keys(node, path, RESULT_KEYS);
            for (String flag : List.of("success", "completion")) {
                if (node.has(flag) && !node.get(flag).isBoolean()) {
                    error(path + "." + flag, "must be true or false");
                }
            }
            if (node.has("response") && !node.get("response").isString()) {
                error(path + ".response", "must be a string");
            }
            if (node.has("duration") && (!node.get("duration").isString()
                    || !DURATION.matcher(node.get("duration").asString()).matches())) {
                error(path + ".duration", "must be an ISO 8601 duration, e.g. PT1H30M");
            }
            if (node.has("score")) {
                score(node.get("score"), path + ".score");
            }
            if (node.has("extensions")) {
                extensions(node.get("extensions"), path + ".extensions");
            }
        }

        private void score(JsonNode node, String path) {
            if (!node.isObject()) {
                error(path, "must be an object");
                return;
            }
            keys(node, path, Set.of("scaled", "raw", "min", "max"));
            for (var entry : node.properties()) {
                if (!entry.getValue().isNumber()) {
                    error(path + "." + entry.getKey(), "must be a number");
                }
            }
            if (node.path("scaled").isNumber()) {
                double scaled = node.get("scaled").doubleValue();
                if (scaled < -1 || scaled > 1) {
                    error(path + ".scaled", "must be between -1 and 1");
                }
            }
            JsonNode raw = node.get("raw");
            JsonNode min = node.get("min");
            JsonNode max = node.get("max");
            if (min != null && max != null && min.isNumber() && max.isNumber() && min.doubleValue() > max.doubleValue()) {
                error(path + ".min", "is greater than max");
            }
            if (raw != null && raw.isNumber() && (min != null && min.isNumber() && raw.doubleValue() < min.doubleValue()
                    || max != null && max.isNumber() && raw.doubleValue() > max.doubleValue())) {
                error(path + ".raw", "must be between min and max");
            }
        }

        private void context(JsonNode node, String path, @Nullable JsonNode object) {
            if (!node.isObject()) {
                error(path, "must be an object");
                return;
            }
            keys(node, path, CONTEXT_KEYS);
            optionalUuid(node, "registration", path);
            if (node.has("instructor")) {
                agent(node.get("instructor"), path + ".instructor", true);
            }
            if (node.has("team")) {
                agent(node.get("team"), path + ".team", false);
                if (!"Group".equals(text(node.get("team"), "objectType"))) {
                    error(path + ".team.objectType", "must be Group");
                }
            }
            for (String text : List.of("revision", "platform")) {
                if (node.has(text)) {
                    if (!node.get(text).isString()) {
                        error(path + "." + text, "must be a string");
                    } else if (object != null && object.has("objectType")
                            && !"Activity".equals(text(object, "objectType"))) {
                        error(path + "." + text, "is only for statements about an activity");
                    }
                }
            }
            if (node.has("language") && (!node.get("language").isString()
                    || !LANGUAGE_TAG.matcher(node.get("language").asString()).matches())) {
                error(path + ".language", "must be an RFC 5646 language tag");
            }
            if (node.has("statement")) {
                object(node.get("statement"), path + ".statement", true);
                if (!"StatementRef".equals(text(node.get("statement"), "objectType"))) {
                    error(path + ".statement.objectType", "must be StatementRef");
                }
            }
            if (node.has("contextActivities")) {
                JsonNode activities = node.get("contextActivities");
                if (!activities.isObject()) {
                    error(path + ".contextActivities", "must be an object");
                } else {
                    keys(activities, path + ".contextActivities", Set.of("parent", "grouping", "category", "other"));
                    for (var entry : activities.properties()) {
                        String at = path + ".contextActivities." + entry.getKey();
                        if (entry.getValue().isArray()) {
                            int i = 0;
                            for (JsonNode activity : entry.getValue()) {
                                activity(activity, at + "[" + i++ + "]");
                            }
                        } else {
                            activity(entry.getValue(), at);
                        }
                    }
                }
            }
            if (node.has("extensions")) {
                extensions(node.get("extensions"), path + ".extensions");
            }
        }

        private void activity(JsonNode node, String path) {
            if (!node.isObject() || node.has("objectType") && !"Activity".equals(text(node, "objectType"))) {
                error(path, "must be an Activity");
                return;
            }
            object(node, path, true);
        }

        private void attachments(JsonNode node, String path) {
            if (!node.isArray()) {
                error(path, "must be an array");
                return;
            }
            int i = 0;
            for (JsonNode attachment : node) {
                String at = path + "[" + i++ + "]";
                if (!attachment.isObject()) {
                    error(at, "must be an object");
                    continue;
                }
                keys(attachment, at, Set.of("usageType", "display", "description", "contentType", "length", "sha2",
                        "fileUrl"));
                if (!attachment.has("fileUrl")) {
                    error(at + ".fileUrl", "is required here: attachments in multipart/mixed are not accepted");
                }
                for (String required : List.of("usageType", "display", "contentType", "length", "sha2")) {
                    if (!attachment.has(required)) {
                        error(at + "." + required, "is required");
                    }
                }
            }
        }

        private void extensions(JsonNode node, String path) {
            if (!node.isObject()) {
                error(path, "must be an object whose keys are IRIs");
                return;
            }
            for (String key : node.propertyNames()) {
                if (!IRI.matcher(key).matches()) {
                    error(path + "." + key, "an extension's key must be an IRI");
                }
            }
        }

        private void languageMap(JsonNode node, String path) {
            if (!node.isObject()) {
                error(path, "must be a language map, e.g. {\"en-US\":\"completed\"}");
                return;
            }
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (!LANGUAGE_TAG.matcher(entry.getKey()).matches()) {
                    error(path + "." + entry.getKey(), "is not an RFC 5646 language tag");
                }
                if (!entry.getValue().isString()) {
                    error(path + "." + entry.getKey(), "must be a string");
                }
            }
        }

        private void iri(JsonNode node, String path) {
            if (!node.isString() || !IRI.matcher(node.asString()).matches()) {
                error(path, "must be an absolute IRI, e.g. http://adlnet.gov/expapi/verbs/completed");
            }
        }

        private void timestamp(JsonNode node, String path) {
            if (!node.isString() || instant(node.asString()) == null) {
                error(path, "must be an ISO 8601 timestamp with a time zone, e.g. 2027-04-10T12:00:00Z");
            }
        }

        private void optionalUuid(JsonNode node, String field, String path) {
            if (node.has(field) && (!node.get(field).isString()
                    || !UUID_PATTERN.matcher(node.get(field).asString()).matches())) {
                error(path + "." + field, "must be a UUID");
            }
        }
    }
}
