package org.kalkan.notification.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.AlertRequest;
import org.kalkan.notification.AlertView;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.InboxItem;
import org.kalkan.notification.Precedence;
import org.kalkan.notification.Recipients;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Flash alerts over the API: raise, read with each recipient's status, acknowledge, and the caller's inbox. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertsApi {

    private final Alerts alerts;
    private final CurrentSubject currentSubject;

    AlertsApi(Alerts alerts, CurrentSubject currentSubject) {
        this.alerts = alerts;
        this.currentSubject = currentSubject;
    }

    record RecipientsBody(@Nullable List<String> users, @Nullable List<String> roles, @Nullable List<String> nations) {
    }

    record AlertBody(@Nullable String text, @Nullable RecipientsBody recipients, @Nullable String precedence,
            @Nullable String ackWithin, @Nullable SecurityLabel label, @Nullable UUID crisisId, @Nullable UUID exerciseId) {
    }

    record Created(String id) {
    }

    record RecipientJson(String username, String nation, String status, Instant ackDeadline, String ackDeadlineDtg,
            @Nullable Instant acknowledgedAt, @Nullable String acknowledgedAtDtg, @Nullable Instant escalatedAt,
            @Nullable String escalatedAtDtg, @Nullable String escalationAlertId) {

        static RecipientJson of(AlertView.Recipient r) {
            return new RecipientJson(r.username(), r.nation().value(), r.status().name(), r.ackDeadline(),
                    Dtg.of(r.ackDeadline()), r.acknowledgedAt(), dtg(r.acknowledgedAt()), r.escalatedAt(),
                    dtg(r.escalatedAt()), string(r.escalationAlertId()));
        }
    }

    record AlertJson(String id, String text, String precedence, SecurityLabel label, String originNation, String sender,
            Instant sentAt, String sentAtDtg, String ackWithin, @Nullable UUID crisisId, @Nullable UUID exerciseId,
            @Nullable String escalatedFrom, List<RecipientJson> recipients) {

        static AlertJson of(AlertView a) {
            return new AlertJson(a.id().toString(), a.text(), a.precedence().name(), a.label(),
                    a.originNation().value(), a.sender(), a.sentAt(), Dtg.of(a.sentAt()), a.ackWithin().toString(),
                    a.crisisId(), a.exerciseId(), string(a.escalatedFrom()),
                    a.recipients().stream().map(RecipientJson::of).toList());
        }
    }

    record InboxJson(String id, String text, String precedence, SecurityLabel label, String sender, Instant sentAt,
            String sentAtDtg, String status, Instant ackDeadline, String ackDeadlineDtg, @Nullable Instant acknowledgedAt,
            @Nullable UUID exerciseId, @Nullable String escalatedFrom) {

        static InboxJson of(InboxItem i) {
            return new InboxJson(i.id().toString(), i.text(), i.precedence().name(), i.label(),
                    i.sender(), i.sentAt(), Dtg.of(i.sentAt()), i.status().name(), i.ackDeadline(),
                    Dtg.of(i.ackDeadline()), i.acknowledgedAt(), i.exerciseId(), string(i.escalatedFrom()));
        }
    }

    @PostMapping
    ResponseEntity<Created> raise(@RequestBody AlertBody body) {
        AlertId id = alerts.raise(currentSubject.get(), request(body));
        return ResponseEntity.created(URI.create("/api/v1/alerts/" + id)).body(new Created(id.toString()));
    }

    @GetMapping("/{id}")
    AlertJson alert(@PathVariable String id) {
        return AlertJson.of(alerts.view(currentSubject.get(), AlertId.parse(id)));
    }

    @PostMapping("/{id}/ack")
    RecipientJson acknowledge(@PathVariable String id) {
        return RecipientJson.of(alerts.acknowledge(currentSubject.get(), AlertId.parse(id)));
    }

    /** The caller's own inbox, newest first. */
    @GetMapping
    List<InboxJson> inbox(@RequestParam(defaultValue = "50") int limit) {
        return alerts.inbox(currentSubject.get(), limit).stream().map(InboxJson::of).toList();
    }

    static AlertRequest request(AlertBody body) {
        if (body.text() == null) {
            throw new IllegalArgumentException("text is required");
        }
        if (body.recipients() == null) {
            throw new IllegalArgumentException("recipients is required: {\"users\":[…],\"roles\":[…],\"nations\":[…]}");
        }
        if (body.precedence() == null) {
            throw new IllegalArgumentException("precedence is required: FLASH, IMMEDIATE, PRIORITY or ROUTINE");
        }
        if (body.label() == null) {
            throw new IllegalArgumentException("label is required: {\"classification\":…,\"releasableTo\":[…]}");
        }
        return new AlertRequest(body.text(), recipients(body.recipients()), Precedence.parse(body.precedence()),
                duration(body.ackWithin()), body.label(), body.crisisId(), body.exerciseId());
    }

    private static Recipients recipients(RecipientsBody body) {
        return new Recipients(parse(body.users(), Function.identity()), parse(body.roles(), AlertsApi::role),
                parse(body.nations(), NationCode::of));
    }

    private static <T> Set<T> parse(@Nullable List<String> values, Function<String, T> parser) {
        if (values == null) {
            return Set.of();
        }
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw new IllegalArgumentException("recipients contain an empty entry");
        }
        return values.stream().map(parser).collect(Collectors.toSet());
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name + "'", e);
        }
    }

    private static @Nullable Duration duration(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ackWithin is not an ISO 8601 duration such as PT15M: " + value, e);
        }
    }

    private static @Nullable String dtg(@Nullable Instant instant) {
        return instant == null ? null : Dtg.of(instant);
    }

    private static @Nullable String string(@Nullable AlertId id) {
        return id == null ? null : id.toString();
    }
}
