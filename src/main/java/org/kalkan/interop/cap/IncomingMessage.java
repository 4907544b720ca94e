package org.kalkan.interop.cap;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.ReportId;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A message a source posted, as the incoming-messages list shows it: accepted (with its CAP identity, what it did
 * and the reports it touched) or refused (with every violation), and its signature status. {@code areasGeoJson}
 * is a GeoJSON FeatureCollection of its areas for the mini map; {@code document} is the message as received.
 */
public record IncomingMessage(CapMessageId id, Instant receivedAt, String receivedBy, String source,
        String envelope, @Nullable String distributionId, @Nullable String version, Outcome outcome,
        @Nullable Effect effect, @Nullable String sender, @Nullable String identifier, @Nullable String sent,
        @Nullable String status, @Nullable String msgType, @Nullable String scope, @Nullable String references,
        @Nullable String headline, SignatureStatus signature, String signatureDetail, @Nullable String signer,
        List<Violation> violations, List<String> notes, @Nullable String areasGeoJson, String document,
        SecurityLabel label, NationCode originNation, @Nullable UUID exerciseId, List<ReportLink> reports) {

    public IncomingMessage {
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
        reports = List.copyOf(reports);
    }

    public enum Outcome {
        ACCEPTED,
        REFUSED
    }

    /** What an accepted message did. */
    public enum Effect {
        /** Filed new reports. */
        NEW,
        /** Updated the reports of the message(s) it references. */
        UPDATED,
        /** An update of a message that never reached this node: taken as new. */
        UPDATE_AS_NEW,
        /** Withdrew the reports of the message(s) it references. */
        CANCELLED,
        /** A cancellation of a message that never reached this node: recorded, changes nothing. */
        CANCEL_UNKNOWN,
        /** Test, System, Draft, Ack or Error, or an Exercise message outside an exercise: recorded only. */
        NOT_ACTIONABLE
    }

    /** A report the message filed, updated or withdrew; {@code info} and {@code area} are 0-based. */
    public record ReportLink(ReportId reportId, int info, int area, String action) {
    }
}
