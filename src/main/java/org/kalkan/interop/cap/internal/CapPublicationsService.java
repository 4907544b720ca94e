package org.kalkan.interop.cap.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.cap.CapProperties;
import org.kalkan.interop.cap.CapPublications;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.AlertRequest;
import org.kalkan.notification.AlertView;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.Precedence;
import org.kalkan.notification.Recipients;
import org.kalkan.notification.ReleasedAlert;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.NodeKeys;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;

/** {@link CapPublications}, implemented: the checks, the store and the audit behind the module's API. */
@Service
class CapPublicationsService implements CapPublications {

    private final Alerts alerts;
    private final CapStore store;
    private final NodeKeys keys;
    private final CapProperties properties;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    CapPublicationsService(Alerts alerts, CapStore store, NodeKeys keys, CapProperties properties, AccessPolicy policy,
            AuditTrail audit, Clock clock) {
        this.alerts = alerts;
        this.store = store;
        this.keys = keys;
        this.properties = properties;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** A published message, ready to sign: what it says and the label that allowed it out. */
    record Publishable(UUID id, CapWriter.Outgoing message, SecurityLabel label) {
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> cap(UUID id) {
        return publishable(id).map(p -> CapXml.bytes(signed(p)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> edxlDe(UUID id) {
        return publishable(id).map(p -> {
            Document envelope = CapWriter.envelope(signed(p), p.message(), p.label().marking());
            check(CapSchemas.validateEdxlDe(envelope), "EDXL-DE");
            return CapXml.bytes(envelope);
        });
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] feed(@Nullable Instant before) {
        SecurityLabel release = properties.publicReleaseLabel();
        int size = properties.feedPageSize();
        List<Publishable> entries = new ArrayList<>();
        alerts.released(release, before, size).forEach(a -> entries.add(alertMessage(a, release)));
        for (CapStore.Outbound cancel : store.cancellations(before, size)) {
            alerts.released(release, new AlertId(cancel.replaces()))
                    .ifPresent(a -> entries.add(cancelMessage(cancel, a)));
        }
        entries.sort(Comparator.comparing((Publishable p) -> p.message().sent()).reversed()
                .thenComparing(p -> p.id().toString()));
        List<Publishable> page = entries.stream().limit(size).toList();
        page.forEach(p -> assertReleased(p, release));
        String next = page.size() == size ? "/cap/alerts.atom?before=" + page.get(size - 1).message().sent() : null;
        Instant updated = page.isEmpty() ? Instant.EPOCH : page.get(0).message().sent();
        return AtomFeed.write("urn:kalkan:" + keys.nodeId() + ":cap-alerts", properties.senderName()
                        + " — public alerts (CAP)", updated,
                before == null ? "/cap/alerts.atom" : "/cap/alerts.atom?before=" + before, next,
                page.stream().map(this::entry).toList());
    }

    @Override
    @Transactional
    public UUID cancel(Subject subject, AlertId id, String note) {
        AlertView original = originated(subject, id);
        if (note.isBlank() || note.length() > 1000) {
            throw new IllegalArgumentException("note must have 1 to 1000 characters");
        }
        UUID cancellation = UUID.randomUUID();
        if (!store.outbound(new CapStore.Outbound(cancellation, "Cancel", original.id().value(), note.strip(),
                subject.username(), clock.instant()))) {
            throw new RefusedException("Alert " + id + " is already cancelled.");
        }
        audit.record(subject.username(), "CAP_CANCELLED", "alert:" + id, "CAP cancellation " + cancellation
                + ": " + note.strip());
        return cancellation;
    }

    @Override
    @Transactional
    public AlertId update(Subject subject, AlertId id, String text, @Nullable Precedence precedence) {
        AlertView original = originated(subject, id);
        if (store.outbound(original.id().value(), "Update").isPresent()) {
            throw new RefusedException("Alert " + id + " was already updated; update the newer alert.");
        }
        if (!Objects.equals(original.exerciseId(), subject.exercise())) {
            throw new RefusedException("An alert is updated in its own context.");
        }
        String[] usernames = original.recipients().stream().map(AlertView.Recipient::username)
                .toArray(String[]::new);
        AlertId update = alerts.raise(subject, new AlertRequest(text, Recipients.users(usernames),
                precedence == null ? original.precedence() : precedence, null, original.label(),
                original.crisisId(), original.exerciseId()));
        store.outbound(new CapStore.Outbound(update.value(), "Update", original.id().value(), null,
                subject.username(), clock.instant()));
        audit.record(subject.username(), "CAP_UPDATED", "alert:" + id, "updated by alert:" + update);
        return update;
    }

    @Override
    public String certificatePem() {
        return keys.certificatePem();
    }

    private AlertView originated(Subject subject, AlertId id) {
        AlertView original = alerts.view(subject, id);
        if (!original.originNation().equals(subject.nation())) {
            audit.recordDenial(subject.username(), "CAP_PUBLICATION", "alert:" + id, "not the originating nation");
            throw new ForbiddenException("Only the alert's originating nation may cancel or update it.");
        }
        return original;
    }

    private Optional<Publishable> publishable(UUID id) {
        SecurityLabel release = properties.publicReleaseLabel();
        Optional<Publishable> found = alerts.released(release, new AlertId(id)).map(a -> alertMessage(a, release));
        if (found.isEmpty()) {
            found = store.outbound(id).filter(o -> "Cancel".equals(o.msgType()))
                    .flatMap(o -> alerts.released(release, new AlertId(o.replaces())).map(a -> cancelMessage(o, a)));
        }
        found.ifPresent(p -> assertReleased(p, release));
        return found;
    }

    /** The one check before anything leaves: the release covers the label (fail closed otherwise). */
    private void assertReleased(Publishable publishable, SecurityLabel release) {
        if (!policy.isReleasedTo(publishable.label(), release)) {
            audit.recordDenial("anonymous", "CAP_PUBLISH", "cap:" + publishable.id(), "label "
                    + publishable.label().marking() + " is not covered by " + release.marking());
            throw new IllegalStateException("refused to publish " + publishable.id() + " above the public release");
        }
    }

    private Publishable alertMessage(ReleasedAlert alert, SecurityLabel release) {
        List<CapWriter.Reference> references = new ArrayList<>();
        String msgType = "Alert";
        Optional<CapStore.Outbound> update = store.outbound(alert.id().value())
                .filter(o -> "Update".equals(o.msgType()));
        if (update.isPresent()) {
            Optional<ReleasedAlert> replaced = alerts.released(release, new AlertId(update.get().replaces()));
            if (replaced.isPresent()) {
                msgType = "Update";
                references.add(new CapWriter.Reference(sender(), identifier(replaced.get().id().value()),
                        replaced.get().sentAt()));
            }
        }
        String text = alert.text();
        String firstLine = text.lines().findFirst().orElse(text).strip();
        String headline = firstLine.length() <= 160 ? firstLine : firstLine.substring(0, 159) + "…";
        var info = new CapWriter.Info("Security", "Kalkan " + alert.precedence().name().toLowerCase() + " alert",
                urgency(alert.precedence()), severity(alert.precedence()), "Likely", properties.senderName(),
                headline, text);
        return new Publishable(alert.id().value(), new CapWriter.Outgoing(identifier(alert.id().value()), sender(),
                alert.sentAt(), status(alert.exerciseId()), msgType, note(alert.label(), alert.exerciseId()),
                references, info), alert.label());
    }

    private Publishable cancelMessage(CapStore.Outbound cancel, ReleasedAlert alert) {
        return new Publishable(cancel.id(), new CapWriter.Outgoing(identifier(cancel.id()), sender(),
                cancel.createdAt(), status(alert.exerciseId()), "Cancel", note(alert.label(), alert.exerciseId())
                        + " Cancelled: " + cancel.note(),
                List.of(new CapWriter.Reference(sender(), identifier(alert.id().value()), alert.sentAt())), null),
                alert.label());
    }

    private Document signed(Publishable publishable) {
        Document document = CapWriter.alert(publishable.message());
        XmlSignatures.sign(document, keys.privateKey(), keys.certificate());
        check(CapSchemas.validateCap(document, ""), "CAP");
        return document;
    }

    private static void check(List<org.kalkan.shared.InvalidInputException.Violation> violations, String what) {
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the node wrote " + what + " its schema refuses: " + violations);
        }
    }

    private AtomFeed.Entry entry(Publishable p) {
        CapWriter.Outgoing m = p.message();
        String title = m.info() == null ? "Cancelled: " + m.references().get(0).identifier() : m.info().headline();
        String summary = m.info() == null ? m.note() : m.info().description();
        // An exercise alert's text, hence its headline, starts with EXERCISE already (ADR 0006).
        return new AtomFeed.Entry("urn:uuid:" + p.id(), title, m.sent(), summary, properties.senderName(),
                m.msgType() + ("Exercise".equals(m.status()) ? " (Exercise)" : ""), "/cap/alerts/" + p.id() + ".xml",
                "/cap/alerts/" + p.id() + ".edxlde");
    }

    private String sender() {
        return properties.sender().isBlank() ? "kalkan@" + keys.nodeId().toLowerCase(java.util.Locale.ROOT)
                : properties.sender();
    }

    private String identifier(UUID id) {
        return "kalkan-" + keys.nodeId() + "-" + id;
    }

    private static String status(@Nullable UUID exercise) {
        return exercise == null ? "Actual" : "Exercise";
    }

    private static String note(SecurityLabel label, @Nullable UUID exercise) {
        return (exercise == null ? "" : "EXERCISE EXERCISE EXERCISE. ") + label.marking() + ".";
    }

    private static String urgency(Precedence precedence) {
        return switch (precedence) {
            case FLASH, IMMEDIATE -> "Immediate";
            case PRIORITY -> "Expected";
            case ROUTINE -> "Future";
        };
    }

    private static String severity(Precedence precedence) {
        return switch (precedence) {
            case FLASH -> "Extreme";
            case IMMEDIATE -> "Severe";
            case PRIORITY -> "Moderate";
            case ROUTINE -> "Minor";
        };
    }
}
