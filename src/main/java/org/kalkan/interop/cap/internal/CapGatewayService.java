package org.kalkan.interop.cap.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.ReportId;
import org.kalkan.interop.cap.CapGateway;
import org.kalkan.interop.cap.CapMessageId;
import org.kalkan.interop.cap.CapProperties;
import org.kalkan.interop.cap.CapReceipt;
import org.kalkan.interop.cap.IncomingMessage;
import org.kalkan.interop.cap.IncomingMessage.Effect;
import org.kalkan.interop.cap.IncomingMessage.ReportLink;
import org.kalkan.interop.cap.SignatureStatus;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;

/** {@link CapGateway}, implemented: the checks, the store and the audit behind the module's API. */
@Service
class CapGatewayService implements CapGateway {

    static final Set<Role> POSTERS = Set.of(Role.REPORTING_OFFICER, Role.CAP_SOURCE);
    private static final Pattern DECLARED_ENCODING = Pattern.compile("encoding\\s*=\\s*['\"]([A-Za-z0-9._-]+)['\"]");

    private final CapProperties properties;
    private final CapStore store;
    private final CapEffects effects;
    private final TrustedCertificates trusted;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final TransactionTemplate refusalTransaction;
    private final Clock clock;

    CapGatewayService(CapProperties properties, CapStore store, CapEffects effects, TrustedCertificates trusted,
            AccessPolicy policy, AuditTrail audit, PlatformTransactionManager transactions, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.effects = effects;
        this.trusted = trusted;
        this.policy = policy;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.refusalTransaction = new TransactionTemplate(transactions);
        this.refusalTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The labels and name a poster's messages get: its source configuration, or the defaults for officers. */
    record Poster(String name, SecurityLabel publicLabel, SecurityLabel restrictedLabel,
            CapProperties.@Nullable Source source) {

        SecurityLabel label(String scope) {
            return "Public".equals(scope) ? publicLabel : restrictedLabel;
        }
    }

    @Override
    public CapReceipt receive(Subject subject, byte[] body) {
        if (POSTERS.stream().noneMatch(subject::has)) {
            audit.recordDenial(subject.username(), "CAP_POST", "cap", "requires one of " + POSTERS);
            throw new ForbiddenException("Only reporting officers and CAP source accounts may post CAP messages.");
        }
        Poster poster = poster(subject);
        Instant now = clock.instant();
        Document document = null;
        CapDocuments.Opened opened = null;
        try {
            document = CapXml.parse(body, new CapXml.Limits(properties.maxDepth(), properties.maxElements()));
            opened = CapDocuments.open(document, now);
            List<XmlSignatures.Result> signatures = verify(poster, opened, now);
            CapDocuments.Opened checked = opened;
            return transaction.execute(status -> accept(subject, poster, checked, signatures, now));
        } catch (InvalidInputException e) {
            String text = document != null ? new String(CapXml.bytes(document), StandardCharsets.UTF_8) : decode(body);
            String envelope = opened != null ? opened.kind() : document == null ? "UNREADABLE"
                    : CapXml.EDXLDE.equals(document.getDocumentElement().getNamespaceURI()) ? "EDXL-DE" : "CAP";
            String identifier = document == null ? null : CapXml.text(document.getDocumentElement(), "identifier");
            String sender = document == null ? null : CapXml.text(document.getDocumentElement(), "sender");
            var headlines = document == null ? null : document.getElementsByTagNameNS("*", "headline");
            String headline = headlines == null || headlines.getLength() == 0 ? null
                    : headlines.item(0).getTextContent().strip();
            refusalTransaction.executeWithoutResult(status -> {
                CapMessageId id = CapMessageId.random();
                store.refused(id, receipt(subject, poster, poster.restrictedLabel(), now), envelope, identifier,
                        sender, headline, e.errors(), text);
                audit.record(subject.username(), "CAP_REFUSED", "cap:" + id, e.errors().size() + " violation(s): "
                        + e.errors().get(0).where() + " " + e.errors().get(0).message());
            });
            throw e;
        }
    }

    private List<XmlSignatures.Result> verify(Poster poster, CapDocuments.Opened opened, Instant now) {
        String account = poster.source() == null ? "" : poster.source().account();
        var certificates = trusted.of(account);
        List<XmlSignatures.Result> results = new ArrayList<>();
        List<Violation> unsigned = new ArrayList<>();
        for (CapDocuments.Incoming incoming : opened.alerts()) {
            XmlSignatures.Result result = XmlSignatures.verify(incoming.original(), certificates, now);
            results.add(result);
            if (poster.source() != null && poster.source().requireSignature()
                    && result.status() != SignatureStatus.VERIFIED) {
                unsigned.add(new Violation(incoming.prefix() + "/alert", "this source must sign its messages with a "
                        + "trusted certificate; signature " + result.status() + ": " + result.detail()));
            }
        }
        if (!unsigned.isEmpty()) {
            throw InvalidInputException.of(unsigned);
        }
        return results;
    }

    private CapReceipt accept(Subject subject, Poster poster, CapDocuments.Opened opened,
            List<XmlSignatures.Result> signatures, Instant now) {
        List<CapReceipt.Alert> alerts = new ArrayList<>();
        boolean created = false;
        for (int i = 0; i < opened.alerts().size(); i++) {
            CapDocuments.Incoming incoming = opened.alerts().get(i);
            CapMessage message = incoming.message();
            SecurityLabel label = poster.label(message.scope());
            policy.checkWritable(subject, label);
            CapMessageId id = CapMessageId.random();
            String sentText = CapXml.text(incoming.cap12().getDocumentElement(), "sent");
            CapStore.Accepted accepted = new CapStore.Accepted(id, opened.kind(), opened.distributionId(),
                    incoming.version(), message, sentText == null ? message.sent().toString() : sentText,
                    CapXml.text(incoming.cap12().getDocumentElement(), "references"), headline(message),
                    signatures.get(i), CapAreas.featureCollection(message),
                    new String(CapXml.bytes(incoming.original()), StandardCharsets.UTF_8));
            if (!store.claim(receipt(subject, poster, label, now), accepted, Effect.NOT_ACTIONABLE)) {
                alerts.add(duplicate(subject, message, sentText));
                continue;
            }
            created = true;
            CapEffects.Done done = effects.apply(subject, id, message, label,
                    poster.source() == null ? null : poster.source().reference(), poster.name());
            store.finish(id, done.effect(), done.notes());
            audit.record(subject.username(), "CAP_ACCEPTED", "cap:" + id, message.msgType() + " "
                    + message.sender() + "," + message.identifier() + "," + sentText + " → " + done.effect()
                    + " " + done.reports().size() + " report(s), signature " + signatures.get(i).status());
            alerts.add(new CapReceipt.Alert(id, message.sender(), message.identifier(), accepted.sentText(),
                    done.effect(), signatures.get(i).status(), false, done.reports(), done.notes()));
        }
        return new CapReceipt(created, alerts);
    }

    private CapReceipt.Alert duplicate(Subject subject, CapMessage message, @Nullable String sentText) {
        IncomingMessage existing = store.accepted(subject.nation(), message.sender(), message.identifier(),
                message.sent().toInstant(), subject.exercise()).orElseThrow();
        Set<ReportId> ids = new LinkedHashSet<>();
        existing.reports().stream().filter(r -> !"WITHDRAWN".equals(r.action())).map(ReportLink::reportId)
                .forEach(ids::add);
        return new CapReceipt.Alert(existing.id(), message.sender(), message.identifier(),
                sentText == null ? message.sent().toString() : sentText,
                existing.effect() == null ? Effect.NOT_ACTIONABLE : existing.effect(), existing.signature(), true,
                List.copyOf(ids), List.of("received before, at " + existing.receivedAt() + ": nothing changed"));
    }

    private CapStore.Receipt receipt(Subject subject, Poster poster, SecurityLabel label, Instant now) {
        return new CapStore.Receipt(now, subject.username(), poster.name(), label, subject.nation(),
                subject.exercise());
    }

    private Poster poster(Subject subject) {
        CapProperties.Source source = properties.source(subject.username()).orElse(null);
        SecurityLabel own = SecurityLabel.of(Classification.RESTRICTED, subject.nation().value());
        if (source == null) {
            return new Poster(subject.username(), CapProperties.label(properties.defaultLabel(),
                    "kalkan.cap.default-label"), own, null);
        }
        return new Poster(source.name() == null ? source.account() : source.name(),
                source.label() == null ? CapProperties.label(properties.defaultLabel(), "kalkan.cap.default-label")
                        : CapProperties.label(source.label(), "label"),
                source.restrictedLabel() == null ? own : CapProperties.label(source.restrictedLabel(), "label"),
                source);
    }

    private static @Nullable String headline(CapMessage message) {
        return message.infos().stream().map(i -> i.headline() != null ? i.headline() : i.event())
                .filter(h -> h != null && !h.isBlank()).findFirst().orElse(null);
    }

    /** The posted bytes as text for the refusal record, in the encoding the document declares (else UTF-8). */
    private static String decode(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        Matcher matcher = DECLARED_ENCODING.matcher(head);
        Charset charset = StandardCharsets.UTF_8;
        if (head.startsWith("<?xml") && matcher.find()) {
            try {
                charset = Charset.forName(matcher.group(1));
            } catch (IllegalArgumentException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        return new String(body, charset);
    }
}
