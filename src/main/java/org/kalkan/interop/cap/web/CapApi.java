package org.kalkan.interop.cap.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.ReportId;
import org.kalkan.interop.cap.CapGateway;
import org.kalkan.interop.cap.CapMessageId;
import org.kalkan.interop.cap.CapMessages;
import org.kalkan.interop.cap.CapPublications;
import org.kalkan.interop.cap.CapReceipt;
import org.kalkan.interop.cap.CapSources;
import org.kalkan.interop.cap.IncomingMessage;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.Precedence;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CAP gateway over the API: post a CAP message or an EDXL-DE envelope (201, or 200 when it was all received
 * before; 400 with every violation), list and read received messages, (administrators) the certificates trusted
 * for each source's signatures, and (senders) update or cancel an alert published as CAP.
 */
@RestController
@RequestMapping("/api/v1/cap")
class CapApi {

    private final CapGateway gateway;
    private final CapMessages messages;
    private final CapSources sources;
    private final CapPublications publications;
    private final CurrentSubject subject;

    CapApi(CapGateway gateway, CapMessages messages, CapSources sources, CapPublications publications,
            CurrentSubject subject) {
        this.gateway = gateway;
        this.messages = messages;
        this.sources = sources;
        this.publications = publications;
        this.subject = subject;
    }

    record AlertJson(String messageId, String sender, String identifier, String sent, String effect,
            String signature, boolean duplicate, List<String> reportIds, List<String> notes) {

        static AlertJson of(CapReceipt.Alert a) {
            return new AlertJson(a.messageId().toString(), a.sender(), a.identifier(), a.sent(), a.effect().name(),
                    a.signature().name(), a.duplicate(), ids(a.reportIds()), a.notes());
        }
    }

    record ReceiptJson(String identifier, List<String> reportIds, List<AlertJson> alerts) {
    }

    record ReportLinkJson(String reportId, int info, int area, String action) {
    }

    record MessageJson(String id, Instant receivedAt, String receivedAtDtg, String receivedBy, String source,
            String envelope, @Nullable String distributionId, @Nullable String version, String outcome,
            @Nullable String effect, @Nullable String sender, @Nullable String identifier, @Nullable String sent,
            @Nullable String status, @Nullable String msgType, @Nullable String scope, @Nullable String references,
            @Nullable String headline, String signature, String signatureDetail, @Nullable String signer,
            List<Violation> violations, List<String> notes, SecurityLabel label, @Nullable UUID exerciseId,
            List<ReportLinkJson> reports, @Nullable String document) {

        static MessageJson of(IncomingMessage m, boolean withDocument) {
            return new MessageJson(m.id().toString(), m.receivedAt(), Dtg.of(m.receivedAt()), m.receivedBy(),
                    m.source(), m.envelope(), m.distributionId(), m.version(), m.outcome().name(),
                    m.effect() == null ? null : m.effect().name(), m.sender(), m.identifier(), m.sent(), m.status(),
                    m.msgType(), m.scope(), m.references(), m.headline(), m.signature().name(),
                    m.signatureDetail(), m.signer(), m.violations(), m.notes(), m.label(), m.exerciseId(),
                    m.reports().stream().map(r -> new ReportLinkJson(r.reportId().toString(), r.info(), r.area(),
                            r.action())).toList(), withDocument ? m.document() : null);
        }
    }

    record PageJson(List<MessageJson> items, @Nullable String next) {
    }

    record CertificateBody(@Nullable String pem) {
    }

    record UpdateBody(@Nullable String text, @Nullable String precedence) {
    }

    record CancellationBody(@Nullable String note) {
    }

    record Created(String id) {
    }

    @PostMapping(path = "/alerts", consumes = {"application/cap+xml", "application/xml", "text/xml",
            "application/edxl-de+xml"})
    ResponseEntity<ReceiptJson> post(@RequestBody byte[] body) {
        CapReceipt receipt = gateway.receive(subject.get(), body);
        ReceiptJson json = new ReceiptJson(receipt.identifier(), ids(receipt.reportIds()),
                receipt.alerts().stream().map(AlertJson::of).toList());
        if (!receipt.created()) {
            return ResponseEntity.ok(json);
        }
        return ResponseEntity.created(URI.create("/api/v1/cap/messages/" + receipt.alerts().get(0).messageId()))
                .body(json);
    }

    @GetMapping("/messages")
    PageJson list(@RequestParam(required = false) @Nullable Instant before,
            @RequestParam(defaultValue = "50") int limit) {
        List<IncomingMessage> page = messages.latest(subject.get(), before, limit);
        String next = page.size() == limit ? page.get(page.size() - 1).receivedAt().toString() : null;
        return new PageJson(page.stream().map(m -> MessageJson.of(m, false)).toList(), next);
    }

    @GetMapping("/messages/{id}")
    MessageJson message(@PathVariable String id) {
        return MessageJson.of(messages.find(subject.get(), CapMessageId.parse(id)), true);
    }

    @GetMapping("/sources/{account}/certificates")
    List<CapSources.Trusted> certificates(@PathVariable String account) {
        return sources.certificates(subject.get(), account);
    }

    @PostMapping("/sources/{account}/certificates")
    ResponseEntity<List<CapSources.Trusted>> trust(@PathVariable String account, @RequestBody CertificateBody body) {
        if (body.pem() == null || body.pem().isBlank()) {
            throw new IllegalArgumentException("pem is required: the certificate as PEM text");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(sources.trust(subject.get(), account, body.pem()));
    }

    @DeleteMapping("/sources/{account}/certificates/{fingerprint}")
    ResponseEntity<Void> distrust(@PathVariable String account, @PathVariable String fingerprint) {
        sources.distrust(subject.get(), account, fingerprint);
        return ResponseEntity.noContent().build();
    }

    /** Updates a published alert with a new alert (same recipients and label); its CAP is an Update. */
    @PostMapping("/publications/{alertId}/update")
    ResponseEntity<Created> update(@PathVariable String alertId, @RequestBody UpdateBody body) {
        if (body.text() == null || body.text().isBlank()) {
            throw new IllegalArgumentException("text is required");
        }
        AlertId update = publications.update(subject.get(), AlertId.parse(alertId), body.text(),
                body.precedence() == null ? null : Precedence.parse(body.precedence()));
        return ResponseEntity.created(URI.create("/cap/alerts/" + update + ".xml"))
                .body(new Created(update.toString()));
    }

    /** Cancels a published alert; the feed carries a CAP Cancel referencing it. */
    @PostMapping("/publications/{alertId}/cancellation")
    ResponseEntity<Created> cancel(@PathVariable String alertId, @RequestBody CancellationBody body) {
        if (body.note() == null || body.note().isBlank()) {
            throw new IllegalArgumentException("note is required: why the alert is cancelled");
        }
        UUID cancellation = publications.cancel(subject.get(), AlertId.parse(alertId), body.note());
        return ResponseEntity.created(URI.create("/cap/alerts/" + cancellation + ".xml"))
                .body(new Created(cancellation.toString()));
    }

    private static List<String> ids(List<ReportId> ids) {
        return ids.stream().map(ReportId::toString).toList();
    }
}
