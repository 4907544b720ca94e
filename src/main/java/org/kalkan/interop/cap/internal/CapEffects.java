package org.kalkan.interop.cap.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.ReportId;
import org.kalkan.interop.cap.CapMessageId;
import org.kalkan.interop.cap.IncomingMessage;
import org.kalkan.interop.cap.IncomingMessage.Effect;
import org.kalkan.interop.cap.IncomingMessage.ReportLink;
import org.kalkan.security.Subject;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;

/**
 * What an accepted alert does. {@code Alert} files a report per info block and area. {@code Update} updates the
 * live reports of the messages it references (matched by info block and area; a new block files a report, a block
 * that is gone withdraws its report), or is taken as new when none of them reached this node. {@code Cancel}
 * withdraws the live reports of the messages it references, or is recorded and changes nothing when none reached
 * this node. Only messages this nation received in the same context are referenced (origin authority, ADR 0006).
 * Test, System and Draft messages, Ack and Error, and Exercise messages outside an exercise are only recorded.
 */
@Component
class CapEffects {

    private final CapStore store;
    private final IncidentReports reports;

    CapEffects(CapStore store, IncidentReports reports) {
        this.store = store;
        this.reports = reports;
    }

    /** The effect, the reports filed, updated or withdrawn, and notes for people. */
    public record Done(Effect effect, List<ReportId> reports, List<String> notes) {
    }

    public Done apply(Subject subject, CapMessageId id, CapMessage message, SecurityLabel label,
            @Nullable GeoPoint reference, String source) {
        List<String> notes = new ArrayList<>();
        if (!CapMapping.actionable(message, subject.inExercise())) {
            notes.add("status " + message.status() + ", msgType " + message.msgType()
                    + (subject.inExercise() ? "" : " in the real world") + ": recorded, no report");
            return new Done(Effect.NOT_ACTIONABLE, List.of(), notes);
        }
        CapMapping.Result mapping = CapMapping.map(message, label, reference, "CAP " + source, subject.exercise());
        notes.addAll(mapping.notes());
        List<CapMessageId> referenced = referenced(subject, message);
        String reason = "CAP " + message.msgType() + " " + message.sender() + "," + message.identifier() + ","
                + message.sent();
        return switch (message.msgType()) {
            case "Cancel" -> cancel(subject, id, referenced, reason, notes);
            case "Update" -> referenced.isEmpty()
                    ? fileAll(subject, id, mapping, Effect.UPDATE_AS_NEW, note(notes, "none of the referenced "
                            + "messages reached this node: taken as new"))
                    : update(subject, id, mapping, store.liveReports(referenced), reason, notes);
            default -> fileAll(subject, id, mapping, Effect.NEW, notes);
        };
    }

    private List<CapMessageId> referenced(Subject subject, CapMessage message) {
        List<CapMessageId> found = new ArrayList<>();
        for (CapMessage.Reference reference : message.references()) {
            store.accepted(subject.nation(), reference.sender(), reference.identifier(),
                    reference.sent().toInstant(), subject.exercise()).map(IncomingMessage::id).ifPresent(found::add);
        }
        return found;
    }

    private Done fileAll(Subject subject, CapMessageId id, CapMapping.Result mapping, Effect effect,
            List<String> notes) {
        List<ReportId> filed = new ArrayList<>();
        for (CapMapping.Mapped mapped : mapping.reports()) {
            filed.add(file(subject, id, mapped));
        }
        return new Done(effect, filed, notes);
    }

    private ReportId file(Subject subject, CapMessageId id, CapMapping.Mapped mapped) {
        FiledReport report = reports.file(subject, mapped.report());
        store.link(id, report.id(), mapped.info(), mapped.area(), "FILED");
        return report.id();
    }

    private Done update(Subject subject, CapMessageId id, CapMapping.Result mapping, List<ReportLink> live,
            String reason, List<String> notes) {
        Map<String, ReportLink> byBlock = new LinkedHashMap<>();
        live.forEach(link -> byBlock.putIfAbsent(link.info() + ":" + link.area(), link));
        List<ReportId> touched = new ArrayList<>();
        for (CapMapping.Mapped mapped : mapping.reports()) {
            ReportLink previous = byBlock.remove(mapped.info() + ":" + mapped.area());
            if (previous == null) {
                touched.add(file(subject, id, mapped));
            } else {
                reports.update(subject, previous.reportId(), mapped.report(), reason);
                store.link(id, previous.reportId(), mapped.info(), mapped.area(), "UPDATED");
                touched.add(previous.reportId());
            }
        }
        for (ReportLink gone : byBlock.values()) {
            reports.withdraw(subject, gone.reportId(), reason + ": its block is gone from the update");
            store.link(id, gone.reportId(), gone.info(), gone.area(), "WITHDRAWN");
            touched.add(gone.reportId());
        }
        if (live.isEmpty()) {
            notes.add("the referenced messages have no live report left (cancelled before)");
        }
        return new Done(Effect.UPDATED, touched, notes);
    }

    private Done cancel(Subject subject, CapMessageId id, List<CapMessageId> referenced, String reason,
            List<String> notes) {
        if (referenced.isEmpty()) {
            notes.add("none of the referenced messages reached this node: recorded, nothing changed");
            return new Done(Effect.CANCEL_UNKNOWN, List.of(), notes);
        }
        List<ReportId> withdrawn = new ArrayList<>();
        for (ReportLink link : store.liveReports(referenced)) {
            reports.withdraw(subject, link.reportId(), reason);
            store.link(id, link.reportId(), link.info(), link.area(), "WITHDRAWN");
            withdrawn.add(link.reportId());
        }
        if (withdrawn.isEmpty()) {
            notes.add("the referenced messages have no live report left: nothing to withdraw");
        }
        return new Done(Effect.CANCELLED, withdrawn, notes);
    }

    private static List<String> note(List<String> notes, String note) {
        notes.add(note);
        return notes;
    }
}
