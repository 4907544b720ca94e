package org.kalkan.federation.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.ReceivedReports;
import org.kalkan.incident.ReportId;
import org.kalkan.security.AuditTrail;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies one verified entry of a peer's batch, in the batch's transaction, and says in which form this node keeps
 * it. The label is checked once more against this node's own policy: an entry none of its nations may read (or
 * above its accreditation, or changing a record of another origin, or not well formed) is quarantined — counted,
 * alarmed, audited, never applied, its content never stored, and any copy of the record held here removed. A
 * retraction removes the record and every content of it held in the log.
 */
@Component
class EntryApplier {

    private static final Logger log = LoggerFactory.getLogger(EntryApplier.class);

    /** The entry as this node keeps it, and what applying it did. */
    record Outcome(ChangeLogStore.StoredEntry held, boolean applied, boolean quarantined) {
    }

    private final RecordBodies bodies;
    private final Releasability releasability;
    private final ReceivedReports reports;
    private final ChangeLogStore store;
    private final AuditTrail audit;
    private final FederationMetrics metrics;

    EntryApplier(RecordBodies bodies, Releasability releasability, ReceivedReports reports, ChangeLogStore store,
            AuditTrail audit, FederationMetrics metrics) {
        this.bodies = bodies;
        this.releasability = releasability;
        this.reports = reports;
        this.store = store;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** {@code flush} stores the entries of the batch held so far, before a retraction scrubs its record. */
    Outcome apply(String from, Cursor.Stream stream, Batch.Entry entry, byte[] leaf, Instant now, Runnable flush) {
        return switch (entry.form()) {
            case HASH -> new Outcome(hash(entry.seq(), leaf, now), false, false);
            case REDACTED -> {
                boolean removed = remove(stream, entry.type(), entry.id(), "retracted by its origin", flush);
                yield new Outcome(new ChangeLogStore.StoredEntry(entry.seq(), Form.REDACTED, entry.type(), entry.id(),
                        entry.op(), null, null, null, null, entry.restHash(), leaf, now), removed, false);
            }
            case FULL -> full(from, stream, entry, leaf, now, flush);
        };
    }

    private Outcome full(String from, Cursor.Stream stream, Batch.Entry entry, byte[] leaf, Instant now,
            Runnable flush) {
        String restText = entry.rest();
        if (restText == null || entry.id() == null) {
            return quarantine(from, stream, entry, leaf, null, "not well formed: a full entry without its id or body",
                    now, flush);
        }
        byte[] body = restText.getBytes(StandardCharsets.UTF_8);
        RecordBodies.Rest rest;
        NationCode originNation;
        try {
            rest = bodies.read(body);
            originNation = NationCode.of(rest.originNation());
        } catch (IllegalArgumentException e) {
            return quarantine(from, stream, entry, leaf, null, "not well formed: " + e.getMessage(), now, flush);
        }
        String notHere = releasability.whyNotHere(rest.label(), originNation);
        if (notHere != null) {
            return quarantine(from, stream, entry, leaf, rest.label(), notHere, now, flush);
        }
        boolean applied = false;
        if (RecordBodies.REPORT.equals(entry.type())) {
            String refusal = applyReport(stream, entry, rest);
            if (refusal != null) {
                return quarantine(from, stream, entry, leaf, rest.label(), refusal, now, flush);
            }
            applied = true;
        }
        return new Outcome(new ChangeLogStore.StoredEntry(entry.seq(), Form.FULL, entry.type(), entry.id(), entry.op(),
                rest.label(), originNation, rest.previousLabel(), body, LogHashes.rest(body), leaf, now), applied, false);
    }

    /** Applies a report entry; the reason it cannot be applied, or null. */
    private @Nullable String applyReport(Cursor.Stream stream, Batch.Entry entry, RecordBodies.Rest rest) {
        java.util.UUID entryId = entry.id();
        if (entryId == null) {
            return "not well formed: a report entry without its id";
        }
        ReportId id = new ReportId(entryId);
        ReceivedReports.Applied result;
        try {
            if (entry.op() == Op.WITHDRAW) {
                RecordBodies.Withdrawal w = rest.withdrawal();
                if (w == null) {
                    return "not well formed: a withdrawal without its reason";
                }
                result = reports.withdraw(id, stream.origin(), w.by(), w.reason(), w.at());
            } else {
                FiledReport report = bodies.report(id, rest);
                if (!report.originNode().equals(stream.origin())) {
                    return "origin authority: the report names node " + report.originNode() + " but comes in the log of "
                            + stream.origin();
                }
                result = reports.upsert(report);
            }
        } catch (IllegalArgumentException e) {
            return "not well formed: " + e.getMessage();
        }
        if (result == ReceivedReports.Applied.NOT_THE_ORIGIN) {
            return "origin authority: the report held here belongs to another origin";
        }
        return null;
    }

    private Outcome quarantine(String from, Cursor.Stream stream, Batch.Entry entry, byte[] leaf,
            @Nullable SecurityLabel label, String reason, Instant now, Runnable flush) {
        store.quarantine(stream.origin(), stream.lane(), entry.seq(), from, entry.type(), entry.id(), label, reason,
                now);
        remove(stream, entry.type(), entry.id(), "quarantined: " + reason, flush);
        String what = stream.origin() + "/" + stream.lane() + "#" + entry.seq();
        audit.record("federation:" + from, "FEDERATION_QUARANTINE", "entry:" + what,
                entry.type() + " " + entry.id() + (label == null ? "" : " " + label.marking()) + ": " + reason);
        metrics.quarantined(from, stream.origin());
        log.error("FEDERATION ALARM: entry {} ({} {}) from {} quarantined: {}", what, entry.type(), entry.id(), from,
                reason);
        return new Outcome(hash(entry.seq(), leaf, now), false, true);
    }

    /** Removes whatever this node holds of the record: its row, and its content in the log. */
    private boolean remove(Cursor.Stream stream, @Nullable String type, @Nullable UUID id, String why, Runnable flush) {
        if (id == null) {
            return false;
        }
        flush.run();
        store.scrub(stream.origin(), stream.lane(), id);
        if (RecordBodies.REPORT.equals(type)) {
            return reports.retract(new ReportId(id), stream.origin(), why) == ReceivedReports.Applied.RETRACTED;
        }
        return false;
    }

    private static ChangeLogStore.StoredEntry hash(long seq, byte[] leaf, Instant now) {
        return new ChangeLogStore.StoredEntry(seq, Form.HASH, null, null, null, null, null, null, null, null, leaf, now);
    }
}
