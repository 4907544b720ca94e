package org.kalkan.interop.cap;

import java.util.List;
import org.kalkan.incident.ReportId;

/**
 * What the gateway did with a post: each alert in it (one for a plain CAP message, several for an EDXL-DE
 * envelope) with the reports it filed or touched. {@code created} is false when every alert had been received
 * before, in which case nothing changed.
 */
public record CapReceipt(boolean created, List<Alert> alerts) {

    public CapReceipt {
        alerts = List.copyOf(alerts);
    }

    /** One alert: its CAP identity, what it did, its signature status, and whether it had been received before. */
    public record Alert(CapMessageId messageId, String sender, String identifier, String sent,
            IncomingMessage.Effect effect, SignatureStatus signature, boolean duplicate, List<ReportId> reportIds,
            List<String> notes) {

        public Alert {
            reportIds = List.copyOf(reportIds);
            notes = List.copyOf(notes);
        }
    }

    /** The identifier of the (first) alert. */
    public String identifier() {
        return alerts.get(0).identifier();
    }

    /** Every report of every alert, in order. */
    public List<ReportId> reportIds() {
        return alerts.stream().flatMap(a -> a.reportIds().stream()).distinct().toList();
    }
}
