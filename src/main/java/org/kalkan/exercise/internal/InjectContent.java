package org.kalkan.exercise.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.cop.TrackPosition;
import org.kalkan.cop.Tracks;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisRfis;
import org.kalkan.crisis.NewRfi;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.Inject;
import org.kalkan.exercise.InjectKind;
import org.kalkan.incident.Confidence;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.Incidents;
import org.kalkan.incident.NewReport;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.AlertRequest;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.Precedence;
import org.kalkan.notification.Recipients;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an inject's content (the JSON the reports, alerts, RFI and track APIs take) into a record of the exercise
 * context, through the owning module's facade. Content without a label takes the exercise's. Everything is parsed
 * when the inject is added, so a bad inject is refused then, not at delivery.
 *
 * <p>Tracks: a track inject is put on the exercise's map (the track carries the exercise, ADR 0006; its symbol is
 * drawn with the exercise context) and announced to the training audience by a ROUTINE alert describing it.
 */
@Component
public class InjectContent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Incidents incidents;
    private final Alerts alerts;
    private final CrisisRfis rfis;
    private final Tracks tracks;
    private final Clock clock;

    InjectContent(Incidents incidents, Alerts alerts, CrisisRfis rfis, Tracks tracks, Clock clock) {
        this.incidents = incidents;
        this.alerts = alerts;
        this.rfis = rfis;
        this.tracks = tracks;
        this.clock = clock;
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("content is not JSON: " + e.getMessage());
        }
    }

    /** Checks that the content makes a valid record of its kind; throws with what is wrong. */
    public void validate(InjectKind kind, JsonNode content, String from, List<String> to, SecurityLabel fallback) {
        UUID probe = UUID.randomUUID();
        try {
            switch (kind) {
                case REPORT -> report(content, from, fallback, probe);
                case ALERT, MESSAGE -> alert(kind, content, from, to, fallback, probe);
                case RFI -> {
                    if (crisis(content) != null) {
                        rfi(content, to, fallback);
                    } else {
                        alert(kind, content, from, to, fallback, probe);
                    }
                }
                case TRACK -> {
                    track(content, from, to, fallback, probe);
                    sidc(content);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("content of a " + kind + " inject: " + e.getMessage());
        }
    }

    /** Creates the inject's record in the exercise context as {@code actor}; returns what it became. */
    public String deliver(Exercise exercise, Inject inject, Subject actor) {
        JsonNode content = parse(inject.content());
        Subject player = actor.inExercise(exercise.id());
        SecurityLabel fallback = exercise.label();
        return switch (inject.kind()) {
            case REPORT -> {
                FiledReport filed = incidents.report(player, report(content, inject.from(), fallback, exercise.id()));
                yield "report:" + filed.id() + " incident:" + filed.incidentId();
            }
            case ALERT, MESSAGE -> "alert:" + raise(player, alert(inject.kind(), content, inject.from(), inject.to(),
                    fallback, exercise.id()));
            case RFI -> {
                CrisisId crisis = crisis(content);
                if (crisis == null) {
                    yield "alert:" + raise(player, alert(InjectKind.RFI, content, inject.from(), inject.to(), fallback,
                            exercise.id()));
                }
                yield "rfi:" + rfis.ask(player, crisis, rfi(content, inject.to(), fallback)).id();
            }
            case TRACK -> {
                AlertRequest announcement = track(content, inject.from(), inject.to(), fallback, exercise.id());
                TrackPosition position = position(content, announcement.label(), player, exercise.id());
                tracks.update(position);
                yield "track:" + position.uid() + " alert:" + raise(player, announcement);
            }
        };
    }

    private AlertId raise(Subject player, AlertRequest request) {
        return alerts.raise(player, request);
    }

    /** The track on the exercise's map, stale after {@code staleMinutes} (default 60) of real time. */
    private TrackPosition position(JsonNode c, SecurityLabel label, Subject player, UUID exercise) {
        String callsign = text(c, "callsign");
        Instant now = clock.instant();
        return new TrackPosition(c.path("uid").asString(callsign), c.path("type").asString("a-u-G"), sidc(c), callsign,
                c.get("lat").asDouble(), c.get("lon").asDouble(), now,
                now.plus(Duration.ofMinutes(c.path("staleMinutes").asInt(60))), label, player.nation(), exercise);
    }

    private static @Nullable String sidc(JsonNode c) {
        String sidc = c.hasNonNull("sidc") ? c.get("sidc").asString() : null;
        if (sidc != null && !sidc.matches("[A-Z0-9*-]{10,30}")) {
            throw new IllegalArgumentException("sidc must be an APP-6 / MIL-STD-2525 symbol code, e.g. SHGPUCI----");
        }
        return sidc;
    }

    private NewReport report(JsonNode c, String from, SecurityLabel fallback, UUID exercise) {
        JsonNode location = c.path("location");
        GeoPoint point;
        if (location.hasNonNull("mgrs")) {
            point = GeoPoint.fromMgrs(location.get("mgrs").asString());
        } else if (location.path("lat").isNumber() && location.path("lon").isNumber()) {
            point = new GeoPoint(location.get("lat").asDouble(), location.get("lon").asDouble());
        } else {
            throw new IllegalArgumentException("location is required: {\"lat\":…,\"lon\":…} or {\"mgrs\":…}");
        }
        Instant observedAt = c.hasNonNull("observedAt") ? instant(c.get("observedAt").asString(), "observedAt")
                : clock.instant();
        return new NewReport(enumOf(IncidentCategory.class, text(c, "category"), "category"), text(c, "title"),
                c.path("narrative").asString(""), observedAt, point, null,
                c.path("severity").isNumber() ? c.get("severity").asInt() : 3,
                c.hasNonNull("confidence") ? enumOf(Confidence.class, text(c, "confidence"), "confidence")
                        : Confidence.PROBABLE,
                label(c, fallback), exercise, "EXERCISE inject from " + from);
    }

    private static AlertRequest alert(InjectKind kind, JsonNode c, String from, List<String> to,
            SecurityLabel fallback, UUID exercise) {
        String body = kind == InjectKind.RFI ? "RFI: " + text(c, "question") : text(c, "text");
        Precedence precedence = c.hasNonNull("precedence") ? Precedence.parse(text(c, "precedence"))
                : kind == InjectKind.ALERT ? Precedence.IMMEDIATE : Precedence.ROUTINE;
        Duration ackWithin = c.hasNonNull("ackWithin") ? duration(text(c, "ackWithin"), "ackWithin") : null;
        UUID crisis = kind == InjectKind.RFI ? null : uuid(c, "crisisId");
        return new AlertRequest(bounded("[" + from + "] " + body), recipients(c.path("recipients"), to), precedence,
                ackWithin, label(c, fallback), crisis, exercise);
    }

    private static AlertRequest track(JsonNode c, String from, List<String> to, SecurityLabel fallback,
            UUID exercise) {
        String callsign = text(c, "callsign");
        if (!c.path("lat").isNumber() || !c.path("lon").isNumber()) {
            throw new IllegalArgumentException("lat and lon are required numbers");
        }
        GeoPoint point = new GeoPoint(c.get("lat").asDouble(), c.get("lon").asDouble());
        String uid = c.path("uid").asString(callsign);
        String text = "[" + from + "] TRACK " + callsign + " (" + uid + ", " + c.path("type").asString("a-u-G")
                + ") at " + point.lat() + ", " + point.lon() + " (MGRS " + point.mgrs() + ")";
        return new AlertRequest(bounded(text), recipients(c.path("recipients"), to), Precedence.ROUTINE, null,
                label(c, fallback), null, exercise);
    }

    private NewRfi rfi(JsonNode c, List<String> to, SecurityLabel fallback) {
        List<NationCode> addressed = new ArrayList<>();
        JsonNode list = c.path("addressedTo");
        if (list.isArray()) {
            list.forEach(n -> addressed.add(NationCode.of(n.asString())));
        } else {
            to.stream().filter(NationCode::isValid).map(NationCode::of).forEach(addressed::add);
        }
        Duration within = c.hasNonNull("answerWithin") ? duration(text(c, "answerWithin"), "answerWithin")
                : Duration.ofHours(4);
        return new NewRfi(text(c, "question"), addressed, clock.instant().plus(within),
                c.has("label") ? label(c, fallback) : null);
    }

    private static @Nullable CrisisId crisis(JsonNode c) {
        UUID id = uuid(c, "crisisId");
        return id == null ? null : new CrisisId(id);
    }

    /** Recipients as the alerts API takes them, or else the inject's {@code to}: nations and users. */
    private static Recipients recipients(JsonNode body, List<String> to) {
        Set<String> users = new HashSet<>();
        Set<Role> roles = new HashSet<>();
        Set<NationCode> nations = new HashSet<>();
        if (body.isObject()) {
            body.path("users").forEach(u -> users.add(u.asString()));
            body.path("roles").forEach(r -> roles.add(enumOf(Role.class, r.asString(), "role")));
            body.path("nations").forEach(n -> nations.add(NationCode.of(n.asString())));
        } else {
            for (String entry : to) {
                if (NationCode.isValid(entry)) {
                    nations.add(NationCode.of(entry));
                } else {
                    users.add(entry);
                }
            }
        }
        return new Recipients(users, roles, nations);
    }

    /** The label of the inject's content: its own {@code label}, or else {@code fallback} (the exercise's). */
    public static SecurityLabel labelOf(JsonNode content, SecurityLabel fallback) {
        return label(content, fallback);
    }

    private static SecurityLabel label(JsonNode c, SecurityLabel fallback) {
        JsonNode label = c.path("label");
        if (label.isMissingNode() || label.isNull()) {
            return fallback;
        }
        Classification classification = Classification.parse(label.path("classification").asString(""))
                .orElseThrow(() -> new IllegalArgumentException("label.classification is not one of "
                        + "UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET"));
        List<String> releasable = new ArrayList<>();
        label.path("releasableTo").forEach(r -> releasable.add(r.asString()));
        if (releasable.isEmpty()) {
            throw new IllegalArgumentException("label.releasableTo needs at least one nation or community");
        }
        return SecurityLabel.of(classification, releasable);
    }

    private static String text(JsonNode c, String field) {
        JsonNode value = c.get(field);
        if (value == null || value.isNull() || value.asString("").isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.asString();
    }

    private static @Nullable UUID uuid(JsonNode c, String field) {
        if (!c.hasNonNull(field)) {
            return null;
        }
        try {
            return UUID.fromString(c.get(field).asString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not an id: " + c.get(field));
        }
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + field + " '" + value + "'; one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Duration duration(String value, String field) {
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO 8601 duration such as PT5M: " + value);
        }
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO 8601 instant: " + value);
        }
    }

    private static String bounded(String text) {
        return text.length() > 3900 ? text.substring(0, 3900) + "…" : text;
    }
}
