package org.kalkan.interop.cap.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.Confidence;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.NewReport;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;

/**
 * A CAP alert becomes one report per {@code info} block and {@code area} (an info block without areas becomes one
 * report). The category, severity and certainty are mapped (tables below), the area's centroid is the report's
 * position and its shapes are kept as the report's area for the map. An area given only by geocodes takes the
 * source's reference position, or makes no report when the source has none. The report is observed when the
 * message was sent; everything else CAP says is kept in the narrative.
 */
final class CapMapping {

    /** Specific categories first: an alert that is both {@code Fire} and {@code Infra} is about infrastructure. */
    private static final List<Map.Entry<String, IncidentCategory>> CATEGORIES = List.of(
            Map.entry("CBRNE", IncidentCategory.CBRN),
            Map.entry("Infra", IncidentCategory.CRITICAL_INFRASTRUCTURE),
            Map.entry("Geo", IncidentCategory.NATURAL_DISASTER),
            Map.entry("Met", IncidentCategory.NATURAL_DISASTER),
            Map.entry("Fire", IncidentCategory.NATURAL_DISASTER),
            Map.entry("Env", IncidentCategory.NATURAL_DISASTER));
    private static final Map<String, Integer> SEVERITY = Map.of("Extreme", 5, "Severe", 4, "Moderate", 3,
            "Minor", 2, "Unknown", 3);
    private static final Map<String, Confidence> CERTAINTY = Map.of("Observed", Confidence.CONFIRMED,
            "Likely", Confidence.PROBABLE, "Possible", Confidence.POSSIBLE, "Unlikely", Confidence.DOUBTFUL,
            "Unknown", Confidence.POSSIBLE);

    /** A report to file for block {@code info} (0-based) and area {@code area} (0-based; 0 when it had none). */
    public record Mapped(int info, int area, NewReport report) {
    }

    /** The reports, and a note for each area that could not be placed. */
    public record Result(List<Mapped> reports, List<String> notes) {
    }

    private CapMapping() {
    }

    public static IncidentCategory category(List<String> categories) {
        for (Map.Entry<String, IncidentCategory> entry : CATEGORIES) {
            if (categories.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        return IncidentCategory.OTHER;
    }

    public static int severity(String severity) {
        return SEVERITY.getOrDefault(severity, 3);
    }

    public static Confidence confidence(String certainty) {
        return CERTAINTY.getOrDefault("Very Likely".equals(certainty) ? "Likely" : certainty, Confidence.POSSIBLE);
    }

    public static Result map(CapMessage message, SecurityLabel label, @Nullable GeoPoint reference, String source,
            @Nullable UUID exercise) {
        List<Mapped> reports = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < message.infos().size(); i++) {
            CapMessage.Info info = message.infos().get(i);
            List<CapMessage.Area> areas = info.areas().isEmpty()
                    ? List.of(new CapMessage.Area("", List.of(), List.of(), List.of())) : info.areas();
            for (int a = 0; a < areas.size(); a++) {
                CapMessage.Area area = areas.get(a);
                GeoPoint centroid = area.centroid();
                GeoPoint position = centroid != null ? centroid : reference;
                if (position == null) {
                    notes.add("info " + (i + 1) + ", area " + (a + 1) + ": no polygon or circle, and the source has "
                            + "no reference position: no report");
                    continue;
                }
                reports.add(new Mapped(i, a, new NewReport(category(info.categories()), title(info),
                        narrative(message, info, area, centroid == null), message.sent().toInstant(), position,
                        area.geoJson(), severity(info.severity()), confidence(info.certainty()), label, exercise,
                        source)));
            }
        }
        return new Result(reports, notes);
    }

    private static String title(CapMessage.Info info) {
        String title = info.headline() != null ? info.headline() : info.event().isBlank() ? "CAP alert" : info.event();
        return title.length() <= NewReport.MAX_TITLE ? title : title.substring(0, NewReport.MAX_TITLE - 1) + "…";
    }

    private static String narrative(CapMessage message, CapMessage.Info info, CapMessage.Area area,
            boolean referencePosition) {
        StringJoiner facts = new StringJoiner("\n");
        facts.add("CAP " + message.msgType() + " " + message.identifier() + " from " + message.sender() + ", sent "
                + message.sent() + " (" + message.status() + ", scope " + message.scope() + ")");
        facts.add("Event: " + info.event() + " · urgency " + info.urgency() + " · severity " + info.severity()
                + " · certainty " + info.certainty() + " · categories " + String.join(", ", info.categories()));
        line(facts, "Sender name", info.senderName());
        line(facts, "Effective", time(info.effective()));
        line(facts, "Onset", time(info.onset()));
        line(facts, "Expires", time(info.expires()));
        line(facts, "Area", area.description().isEmpty() ? null : area.description());
        if (!area.geocodes().isEmpty()) {
            facts.add("Geocodes: " + String.join("; ", area.geocodes()));
        }
        if (referencePosition) {
            facts.add("Position: the source's reference point (the area has no polygon or circle).");
        }
        line(facts, "Web", info.web());
        line(facts, "Contact", info.contact());
        line(facts, "Note", message.note());
        StringBuilder narrative = new StringBuilder();
        if (info.description() != null) {
            narrative.append(info.description()).append("\n\n");
        }
        if (info.instruction() != null) {
            narrative.append("Instruction: ").append(info.instruction()).append("\n\n");
        }
        String tail = facts.toString();
        int room = NewReport.MAX_NARRATIVE - tail.length();
        if (narrative.length() > room) {
            narrative.setLength(Math.max(0, room - 3));
            narrative.append("…\n\n");
        }
        return narrative.append(tail).toString();
    }

    private static @Nullable String time(@Nullable OffsetDateTime time) {
        return time == null ? null : time + " (" + time.toInstant() + ")";
    }

    private static void line(StringJoiner facts, String name, @Nullable String value) {
        if (value != null) {
            facts.add(name + ": " + value);
        }
    }

    /** Whether a message of this status files reports in the real world ({@code Exercise} only in an exercise). */
    public static boolean actionable(CapMessage message, boolean inExercise) {
        boolean kind = "Alert".equals(message.msgType()) || "Update".equals(message.msgType())
                || "Cancel".equals(message.msgType());
        return kind && ("Actual".equals(message.status()) || ("Exercise".equals(message.status()) && inExercise));
    }

}
