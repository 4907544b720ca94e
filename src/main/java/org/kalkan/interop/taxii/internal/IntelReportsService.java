package org.kalkan.interop.taxii.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kalkan.incident.Confidence;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.Incidents;
import org.kalkan.incident.NewReport;
import org.kalkan.interop.taxii.IntelBrowser;
import org.kalkan.interop.taxii.IntelReports;
import org.kalkan.interop.taxii.StixEntry;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** {@link IntelReports}, implemented: the checks, the store and the audit behind the module's API. */
@Service
class IntelReportsService implements IntelReports {

    private final IntelBrowser browser;
    private final Incidents incidents;
    private final LabelResolver labels;
    private final AuditTrail audit;
    private final Clock clock;

    IntelReportsService(IntelBrowser browser, Incidents incidents, LabelResolver labels, AuditTrail audit, Clock clock) {
        this.browser = browser;
        this.incidents = incidents;
        this.labels = labels;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Located> located(Subject caller, StixEntry object) {
        if (!object.type().equals("sighting") && !object.type().equals("indicator")) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        object.object().path("where_sighted_refs").forEach(ref -> candidates.add(ref.stringValue("")));
        for (StixEntry related : browser.referencing(caller, object.id())) {
            JsonNode relation = related.object();
            if (related.type().equals("relationship")
                    && object.id().equals(relation.path("source_ref").stringValue(""))) {
                candidates.add(relation.path("target_ref").stringValue(""));
            }
        }
        List<String> locations = candidates.stream().filter(id -> id.startsWith("location--")).distinct().toList();
        for (StixEntry location : browser.referenced(caller, locations)) {
            JsonNode lat = location.object().get("latitude");
            JsonNode lon = location.object().get("longitude");
            if (lat != null && lon != null && lat.isNumber() && lon.isNumber()) {
                return Optional.of(new Located(object, location, new GeoPoint(lat.asDouble(), lon.asDouble())));
            }
        }
        return Optional.empty();
    }

    @Override
    @Transactional
    public FiledReport report(Subject watchOfficer, String stixId) {
        if (!watchOfficer.has(Role.WATCH_OFFICER)) {
            audit.recordDenial(watchOfficer.username(), "STIX_REPORT", "stix:" + stixId, "not a watch officer");
            throw new ForbiddenException("Only watch officers turn threat intelligence into reports.");
        }
        StixEntry entry = browser.latest(watchOfficer, stixId);
        Located located = located(watchOfficer, entry).orElseThrow(() -> new RefusedException(
                "Only a sighting or an indicator with a location you may read becomes a report."));
        SecurityLabel label = labels.combine(List.of(entry.label(), located.location().label()));
        JsonNode object = entry.object();
        String title = (entry.type().equals("sighting") ? "Sighting: " : "Indicator: ") + sighted(watchOfficer, entry);
        StringBuilder narrative = new StringBuilder();
        text(object, "description").ifPresent(d -> narrative.append(d).append("\n\n"));
        text(object, "pattern").ifPresent(p -> narrative.append("Pattern: ").append(p).append('\n'));
        object.optional("count").ifPresent(c -> narrative.append("Seen ").append(c.asInt()).append(" times\n"));
        narrative.append("Location: ").append(located.location().name()).append('\n');
        narrative.append("From STIX ").append(entry.id()).append(" (version ").append(entry.version())
                .append(", marked ").append(entry.label().marking()).append(")");
        FiledReport report = incidents.report(watchOfficer, new NewReport(IncidentCategory.CYBER_ATTACK,
                title.length() > NewReport.MAX_TITLE ? title.substring(0, NewReport.MAX_TITLE) : title,
                narrative.toString(), observedAt(object), located.point(), null, 3, confidence(object), label, null,
                "STIX " + entry.id()));
        audit.record(watchOfficer.username(), "STIX_REPORTED", "stix:" + entry.id(), "report " + report.id());
        return report;
    }

    private String sighted(Subject caller, StixEntry entry) {
        if (!entry.type().equals("sighting")) {
            return entry.name();
        }
        String of = entry.object().path("sighting_of_ref").stringValue("");
        return browser.referenced(caller, List.of(of)).stream().findFirst().map(StixEntry::name).orElse(of);
    }

    /** When it was seen: the sighting's last or first sighting, the indicator's validity, else its creation. */
    private Instant observedAt(JsonNode object) {
        Instant now = clock.instant();
        for (String property : List.of("last_seen", "first_seen", "valid_from", "created")) {
            Optional<String> value = text(object, property);
            if (value.isPresent()) {
                Instant at = Instant.parse(value.get());
                return at.isAfter(now) ? now : at;
            }
        }
        return now;
    }

    /** STIX confidence (0–100) in the report's words; POSSIBLE when the object states none. */
    static Confidence confidence(JsonNode object) {
        JsonNode confidence = object.get("confidence");
        if (confidence == null || !confidence.isNumber()) {
            return Confidence.POSSIBLE;
        }
        int value = confidence.asInt();
        return value >= 85 ? Confidence.CONFIRMED : value >= 60 ? Confidence.PROBABLE
                : value >= 30 ? Confidence.POSSIBLE : Confidence.DOUBTFUL;
    }

    private static Optional<String> text(JsonNode object, String property) {
        JsonNode value = object.get(property);
        return value != null && value.isString() && !value.asString().isBlank() ? Optional.of(value.asString())
                : Optional.empty();
    }
}
