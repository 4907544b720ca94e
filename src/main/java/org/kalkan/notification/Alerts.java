package org.kalkan.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.notification.AlertRefusedException.Reason;
import org.kalkan.notification.internal.AlertStore;
import org.kalkan.notification.internal.AlertWriter;
import org.kalkan.notification.internal.RecipientResolver;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flash alerts, for pages, the API and other modules: raise one, read it with every recipient's status,
 * acknowledge it, list an inbox. Every input is checked before anything is written.
 */
@Service
public class Alerts {

    /** Roles that may raise alerts. */
    public static final Set<Role> SENDERS = Set.copyOf(EnumSet.of(Role.WATCH_OFFICER, Role.CRISIS_MANAGER,
            Role.COUNCIL_CHAIR, Role.ADMIN, Role.EXERCISE_DIRECTOR));
    static final int MAX_TEXT = 4000;

    private final AlertStore store;
    private final AlertWriter writer;
    private final RecipientResolver resolver;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final CurrentSubject currentSubject;
    private final ApplicationEventPublisher events;
    private final NotificationProperties properties;
    private final ObjectProvider<AlertCrises> crises;

    Alerts(AlertStore store, AlertWriter writer, RecipientResolver resolver, AccessPolicy policy, AuditTrail audit,
            CurrentSubject currentSubject, ApplicationEventPublisher events, NotificationProperties properties,
            ObjectProvider<AlertCrises> crises) {
        this.crises = crises;
        this.store = store;
        this.writer = writer;
        this.resolver = resolver;
        this.policy = policy;
        this.audit = audit;
        this.currentSubject = currentSubject;
        this.events = events;
        this.properties = properties;
    }

    /** Raises an alert as the signed-in user; returns its id. */
    @Transactional
    public AlertId raise(AlertRequest request) {
        return raise(currentSubject.get(), request);
    }

    /**
     * Raises an alert as {@code sender}, who needs a sending role and must be allowed to write the label. The
     * recipients are resolved now into one entry per user cleared for the label; their deadline is the sending
     * time plus {@code ackWithin} (or the precedence's default). The alert belongs to the sender's context: an
     * exercise alert reaches only the exercise's participants and its text starts with {@code EXERCISE}. A
     * {@code crisisId} must name a crisis the sender may see in their context ({@link AlertCrises}), else 404.
     */
    @Transactional
    public AlertId raise(Subject sender, AlertRequest request) {
        if (SENDERS.stream().noneMatch(sender::has)) {
            audit.recordDenial(sender.username(), "ALERT_RAISE", "alert", "roles " + sender.roles()
                    + " may not raise alerts");
            throw new AlertRefusedException(Reason.NOT_PERMITTED, "Only watch officers, crisis managers, the "
                    + "council chair, exercise directors and administrators may raise alerts.");
        }
        if (request.text().isBlank() || request.text().length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must have 1 to " + MAX_TEXT + " characters");
        }
        if (request.recipients().isEmpty()) {
            throw new IllegalArgumentException("name at least one recipient user, role or nation");
        }
        Duration ackWithin = request.ackWithin() == null ? properties.ackWithin().of(request.precedence())
                : request.ackWithin();
        if (ackWithin.isNegative() || ackWithin.isZero() || ackWithin.compareTo(properties.maxAckWithin()) > 0) {
            throw new IllegalArgumentException("ackWithin must be positive and at most " + properties.maxAckWithin());
        }
        if (request.exerciseId() != null && !request.exerciseId().equals(sender.exercise())) {
            throw new IllegalArgumentException("the alert names exercise " + request.exerciseId() + " but you work in "
                    + (sender.exercise() == null ? "the real world" : "exercise " + sender.exercise())
                    + "; raise it with ?exercise=" + request.exerciseId());
        }
        policy.checkWritable(sender, request.label());
        if (request.crisisId() != null) {
            // Resolved by the crisis module for the sender: absent, unreadable and other-context crises are one 404.
            AlertCrises owner = crises.getIfAvailable();
            if (owner == null) {
                throw NotFoundException.noVisible("crisis");
            }
            owner.requireReadable(sender, request.crisisId());
        }
        // In an exercise only its participants are alerted: nobody else could ever open the alert (ADR 0006).
        var resolution = resolver.resolve(request.recipients(), request.label(), sender.nation(), sender.exercise());
        if (resolution.cleared().isEmpty()) {
            throw new IllegalArgumentException("none of the recipients may read an alert labelled "
                    + request.label().marking());
        }
        return writer.write(new AlertStore.NewAlert(AlertId.random(), request.text(), request.precedence(), ackWithin,
                request.label(), sender.nation(), sender.username(), writer.now(), request.crisisId(),
                sender.exercise(), null), resolution.cleared());
    }

    /**
     * The alert with every recipient's status, for its sender, its recipients and those who may raise alerts,
     * when the label lets them read it.
     */
    @Transactional(readOnly = true)
    public AlertView view(Subject subject, AlertId id) {
        return visible(subject, id, "READ");
    }

    /**
     * Acknowledges the alert for {@code subject}: refused (409) when already acknowledged or when the deadline has
     * passed, refused (403, audited) for anyone who is not a recipient. Nothing changes on a refusal.
     */
    @Transactional
    public AlertView.Recipient acknowledge(Subject subject, AlertId id) {
        AlertView alert = visible(subject, id, "ALERT_ACK");
        if (store.recipient(id, subject.username()).isEmpty()) {
            // They may see the alert (its sender, or a sending role), so saying they are not a recipient reveals nothing.
            throw notPermitted(subject, id, "ALERT_ACK");
        }
        Instant now = writer.now();
        if (!store.acknowledge(id, subject.username(), now)) {
            AlertView.Recipient current = store.recipient(id, subject.username()).orElseThrow();
            if (current.status() == RecipientStatus.ACKNOWLEDGED) {
                throw new AlertRefusedException(Reason.ALREADY_ACKNOWLEDGED,
                        "You already acknowledged this alert at " + current.acknowledgedAt() + ".");
            }
            throw new AlertRefusedException(Reason.DEADLINE_PASSED, "The deadline to acknowledge this alert passed at "
                    + current.ackDeadline() + " (" + Dtg.of(current.ackDeadline()) + ")"
                    + (current.status() == RecipientStatus.ESCALATED ? " and it has been escalated." : "."));
        }
        audit.record(subject.username(), "ALERT_ACKNOWLEDGED", "alert:" + id, "at " + now);
        events.publishEvent(new AlertAcknowledged(id, subject.username(), now, alert.crisisId(), alert.exerciseId()));
        return store.recipient(id, subject.username()).orElseThrow();
    }

    /** The subject's own alerts that they may read, newest first. */
    @Transactional(readOnly = true)
    public List<InboxItem> inbox(Subject subject, int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500");
        }
        List<InboxItem> items = store.inbox(subject.username(), policy.filter(subject, "a"), limit);
        items.forEach(item -> policy.assertReadable(subject, item.label(), item.originNation(), item.exerciseId(),
                "alert:" + item.id()));
        return items;
    }

    /** How many of the user's real-world alerts wait for an acknowledgement (a count, no content). */
    @Transactional(readOnly = true)
    public int pendingCount(String username) {
        return store.pendingCount(username, null);
    }

    /** How many of the subject's alerts of its context wait for an acknowledgement (a count, no content). */
    @Transactional(readOnly = true)
    public int pendingCount(Subject subject) {
        return store.pendingCount(subject.username(), subject.exercise());
    }

    /**
     * Alerts a public release covers ({@link AccessPolicy#isReleasedTo}), newest first, sent before {@code before}
     * when given: what a public CAP feed may carry, in every context (exercise alerts say so themselves).
     * Escalations are not released: they name the recipients who did not acknowledge.
     */
    @Transactional(readOnly = true)
    public List<ReleasedAlert> released(SecurityLabel release, @Nullable Instant before, int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500");
        }
        List<ReleasedAlert> alerts = store.released(policy.releasedToFilter(release, "a"), before, limit);
        return alerts.stream().filter(a -> policy.isReleasedTo(a.label(), release)).toList();
    }

    /** The alert if the public release covers it; otherwise empty, as if it did not exist. */
    @Transactional(readOnly = true)
    public Optional<ReleasedAlert> released(SecurityLabel release, AlertId id) {
        return store.released(id, policy.releasedToFilter(release, "a"))
                .filter(a -> policy.isReleasedTo(a.label(), release));
    }

    /**
     * The alert, if the subject is involved (its sender, a recipient, or one who may raise alerts) and may read its
     * label in its context; otherwise the same audited 404 as for an alert that does not exist.
     */
    private AlertView visible(Subject subject, AlertId id, String action) {
        AlertView alert = store.find(id).orElse(null);
        boolean involved = alert != null && (alert.sender().equals(subject.username())
                || SENDERS.stream().anyMatch(subject::has)
                || alert.recipients().stream().anyMatch(r -> r.username().equals(subject.username())));
        if (!involved || !policy.canRead(subject, alert.label(), alert.originNation(), alert.exerciseId())) {
            audit.recordDenial(subject.username(), action, "alert:" + id, alert == null ? "no such alert"
                    : "not involved or not readable");
            throw new AlertRefusedException(Reason.NOT_FOUND, "There is no alert you can see.");
        }
        return alert;
    }

    private AlertRefusedException notPermitted(Subject subject, AlertId id, String action) {
        audit.recordDenial(subject.username(), action, "alert:" + id, "not a recipient");
        return new AlertRefusedException(Reason.NOT_PERMITTED, "You are not a recipient of alert " + id + ".");
    }
}
