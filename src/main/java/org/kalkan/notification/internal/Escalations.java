package org.kalkan.notification.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.AlertView;
import org.kalkan.notification.NotificationProperties;
import org.kalkan.notification.Precedence;
import org.kalkan.notification.RecipientEscalated;
import org.kalkan.security.AuditTrail;
import org.kalkan.shared.Dtg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates recipients whose acknowledgement deadline has passed: each becomes ESCALATED and a new FLASH alert
 * goes to their nation's points of contact (reporting officers) and the watch officers. The deadlines are in
 * the database and {@link EscalationPoller} compares them with the clock every second, so a restart loses none.
 */
@Component
public class Escalations {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    static final int BATCH = 100;

    private final AlertStore store;
    private final AlertWriter writer;
    private final RecipientResolver resolver;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final NotificationProperties properties;
    private final Counter escalated;

    Escalations(AlertStore store, AlertWriter writer, RecipientResolver resolver, AuditTrail audit,
            ApplicationEventPublisher events, NotificationProperties properties, MeterRegistry meters) {
        this.store = store;
        this.writer = writer;
        this.resolver = resolver;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.escalated = Counter.builder("kalkan.notification.escalations")
                .description("recipients escalated after their acknowledgement deadline").register(meters);
    }

    /** Escalates up to one batch of overdue recipients in one transaction; returns how many. */
    @Transactional
    public int escalateDue() {
        List<AlertStore.Overdue> overdue = store.claimOverdue(writer.now(), BATCH);
        for (AlertStore.Overdue recipient : overdue) {
            escalate(recipient);
        }
        return overdue.size();
    }

    private void escalate(AlertStore.Overdue recipient) {
        AlertView original = store.find(recipient.alertId()).orElseThrow();
        var targets = resolver.escalationTargets(recipient.nation(), original.label(), original.originNation(),
                original.exerciseId());
        @Nullable AlertId escalation = null;
        if (targets.cleared().isEmpty()) {
            log.warn("Alert {}: {} did not acknowledge, and nobody cleared for {} can be told", original.id(),
                    recipient.username(), original.label().marking());
        } else {
            var now = writer.now();
            escalation = writer.write(new AlertStore.NewAlert(AlertId.random(), text(original, recipient),
                    Precedence.FLASH, properties.ackWithin().of(Precedence.FLASH), original.label(),
                    original.originNation(), SYSTEM, now, original.crisisId(), original.exerciseId(), original.id()),
                    targets.cleared());
            store.linkEscalation(original.id(), recipient.username(), escalation);
        }
        var escalatedAt = store.recipient(original.id(), recipient.username()).orElseThrow().escalatedAt();
        audit.record(SYSTEM, "ALERT_ESCALATED", "alert:" + original.id(), recipient.username() + " ("
                + recipient.nation() + ") did not acknowledge by " + recipient.deadline() + "; "
                + (escalation == null ? "nobody cleared to tell" : "escalation alert:" + escalation));
        events.publishEvent(new RecipientEscalated(original.id(), recipient.username(), recipient.nation(),
                recipient.deadline(), escalatedAt == null ? writer.now() : escalatedAt, escalation, original.label(),
                original.crisisId(), original.exerciseId()));
        escalated.increment();
    }

    private static String text(AlertView original, AlertStore.Overdue recipient) {
        // People read this: the alert is named by its sender, time and text, never by its id (issue 16).
        String text = (original.exerciseId() == null ? "" : AlertWriter.EXERCISE_PREFIX) + "ESCALATION: "
                + recipient.username() + " (" + recipient.nation() + ") has not acknowledged the "
                + original.precedence() + " alert from " + original.sender() + " due " + Dtg.of(recipient.deadline())
                + ": " + original.text();
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
