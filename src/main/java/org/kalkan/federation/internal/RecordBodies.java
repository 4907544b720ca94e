package org.kalkan.federation.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.Confidence;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.NewReport;
import org.kalkan.incident.ReportId;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rest of a log entry as its origin writes it: a random nonce, the label (and the one before, for a label
 * change), the originating nation and the record — a report as filed, or a withdrawal. The bytes are hashed and
 * signed as written; a receiver reads them back as untrusted input and checks every field.
 */
@Component
class RecordBodies {

    public static final String REPORT = "report";

    /** The rest of a report entry. */
    public record Rest(String nonce, SecurityLabel label, @Nullable SecurityLabel previousLabel, String originNation,
            @Nullable ReportBody report, @Nullable Withdrawal withdrawal) {
    }

    /** A report as its origin holds it (its incident is each node's own). */
    public record ReportBody(String category, String title, String narrative, Instant observedAt, double lat,
            double lon, @Nullable String area, int severity, String confidence, String reportingNation,
            String reportedBy, String source, Instant createdAt, String originNode) {
    }

    /** A withdrawal: by whom, why, when. */
    public record Withdrawal(String by, String reason, Instant at) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json;

    RecordBodies(JsonMapper json) {
        this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    }

    public byte[] report(FiledReport r, @Nullable SecurityLabel previous) {
        ReportBody body = new ReportBody(r.category().name(), r.title(), r.narrative(), r.observedAt(),
                r.location().lat(), r.location().lon(), r.areaGeoJson(), r.severity(), r.confidence().name(),
                r.reportingNation().value(), r.reportedBy(), r.source(), r.createdAt(), r.originNode());
        return json.writeValueAsBytes(new Rest(nonce(), r.label(), previous, r.reportingNation().value(), body, null));
    }

    public byte[] withdrawal(FiledReport r, String by, String reason, Instant at) {
        return json.writeValueAsBytes(new Rest(nonce(), r.label(), null, r.reportingNation().value(), null,
                new Withdrawal(by, reason, at)));
    }

    /**
     * Reads a rest back (of any record type: the label and originating nation are common to all); refuses
     * (IllegalArgumentException) what is not well formed.
     */
    public Rest read(byte[] bytes) {
        try {
            Rest rest = json.readValue(bytes, Rest.class);
            if (rest == null || rest.label() == null || rest.originNation() == null || rest.nonce() == null) {
                throw new IllegalArgumentException("an entry needs a nonce, a label and an originating nation");
            }
            NationCode.of(rest.originNation());
            return rest;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a well-formed entry: " + e.getOriginalMessage(), e);
        }
    }

    /** The report a rest carries, checked as if it had been filed here. */
    public FiledReport report(ReportId id, Rest rest) {
        ReportBody b = rest.report();
        if (b == null) {
            throw new IllegalArgumentException("the entry carries no report");
        }
        NewReport.requirePlainText(b.reportedBy(), "reportedBy");
        NewReport checked = new NewReport(IncidentCategory.valueOf(b.category()), b.title(), b.narrative(),
                b.observedAt(), new GeoPoint(b.lat(), b.lon()), b.area(), b.severity(),
                Confidence.valueOf(b.confidence()), rest.label(), null, b.source());
        NationCode nation = NationCode.of(b.reportingNation());
        if (!nation.value().equals(rest.originNation())) {
            throw new IllegalArgumentException("the report's nation differs from the entry's originating nation");
        }
        return new FiledReport(id, IncidentId.random(), checked.category(), checked.title(), checked.narrative(),
                checked.observedAt(), checked.location(), checked.areaGeoJson(), checked.severity(),
                checked.confidence(), nation, b.reportedBy(), checked.source(), checked.label(), null, b.createdAt(),
                b.originNode());
    }

    private String nonce() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
