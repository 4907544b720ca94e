package org.kalkan.training.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.InvalidInputException.Violation;
import tools.jackson.databind.JsonNode;

/**
 * The rules of an xAPI statement (xAPI 2.0 = IEEE 9274.1.1-2023, and 1.0.3) that this record store checks, each
 * violation named by its JSON path: required parts, identifiers (exactly one per agent), IRIs, UUIDs, language
 * maps, timestamps, durations, scores, context and attachments, and no property xAPI does not define.
 */
final class XapiValidator {

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

    private final List<Violation> errors;

    XapiValidator(List<Violation> errors) {
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
            if (!"SubStatement".equals(XapiStatements.text(node, "objectType"))) {
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
        String type = XapiStatements.text(node, "objectType");
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
                    if ("Group".equals(XapiStatements.text(member, "objectType"))) {
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
            if (XapiStatements.VOIDED.equals(id.asString(""))) {
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
        String type = XapiStatements.text(node, "objectType");
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
            if (!"Group".equals(XapiStatements.text(node.get("team"), "objectType"))) {
                error(path + ".team.objectType", "must be Group");
            }
        }
        for (String text : List.of("revision", "platform")) {
            if (node.has(text)) {
                if (!node.get(text).isString()) {
                    error(path + "." + text, "must be a string");
                } else if (object != null && object.has("objectType")
                        && !"Activity".equals(XapiStatements.text(object, "objectType"))) {
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
            if (!"StatementRef".equals(XapiStatements.text(node.get("statement"), "objectType"))) {
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
        if (!node.isObject()
                || node.has("objectType") && !"Activity".equals(XapiStatements.text(node, "objectType"))) {
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
        if (!node.isString() || XapiStatements.instant(node.asString()) == null) {
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
