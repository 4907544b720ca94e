package org.kalkan.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.AlertRaised;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.UserSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stores a checked alert with its resolved recipients, audits it and publishes {@link AlertRaised}. */
@Component
public class AlertWriter {

    private final AlertStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertWriter(AlertStore store, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Now as PostgreSQL keeps it (microseconds), so what is returned equals what is read back. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** What starts the text of every alert of an exercise, wherever it shows (ADR 0006). */
    public static final String EXERCISE_PREFIX = "EXERCISE ";

    /**
     * Writes in the caller's transaction: the alert, its recipients, the audit entry and the event commit together.
     * The text of an exercise alert (raised or escalated) is stored with the {@code EXERCISE} prefix, so pages, the
     * API, the inbox and mail all show it without remembering to.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AlertId write(AlertStore.NewAlert request, List<UserSummary> recipients) {
        AlertStore.NewAlert alert = marked(request);
        store.insert(alert, recipients.stream()
                .map(u -> new AlertStore.Recipient(u.username(), u.nation())).toList());
        Set<String> usernames = recipients.stream().map(UserSummary::username).collect(Collectors.toSet());
        audit.record(alert.sender(), "ALERT_RAISED", "alert:" + alert.id(), alert.precedence() + " "
                + alert.label().marking() + " to " + usernames.stream().sorted().collect(Collectors.joining(", "))
                + (alert.escalatedFrom() == null ? "" : "; escalation of alert:" + alert.escalatedFrom()));
        events.publishEvent(new AlertRaised(alert.id(), alert.precedence(), alert.label(), alert.sender(), usernames,
                alert.sentAt(), alert.crisisId(), alert.exerciseId(), alert.escalatedFrom()));
        return alert.id();
    }

    private static AlertStore.NewAlert marked(AlertStore.NewAlert alert) {
        if (alert.exerciseId() == null || alert.text().startsWith(EXERCISE_PREFIX)) {
            return alert;
        }
        String text = EXERCISE_PREFIX + alert.text();
        if (text.length() > 4000) {
            text = text.substring(0, 3999) + "…";
        }
        return new AlertStore.NewAlert(alert.id(), text, alert.precedence(), alert.ackWithin(), alert.label(),
                alert.originNation(), alert.sender(), alert.sentAt(), alert.crisisId(), alert.exerciseId(),
                alert.escalatedFrom());
    }
}
