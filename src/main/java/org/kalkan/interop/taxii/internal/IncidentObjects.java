package org.kalkan.interop.taxii.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentPage;
import org.kalkan.incident.IncidentQuery;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.Incidents;
import org.kalkan.interop.taxii.ObjectFilter;
import org.kalkan.interop.taxii.ObjectPage;
import org.kalkan.interop.taxii.StixEntry;
import org.kalkan.interop.taxii.StixTimestamps;
import org.kalkan.interop.taxii.VersionMatch;
import org.kalkan.security.Subject;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code incidents} collection: the node's {@link IncidentCategory#CYBER_ATTACK} incidents the caller may read,
 * read through the incident module's search with the caller's subject (its access policy filters them in SQL),
 * each as a STIX {@code incident} object whose version is the incident's last change, plus the marking-definition
 * of every label among them. Filters and paging apply to that list.
 */
@Component
class IncidentObjects {

    /** How many incidents one answer may draw on (pages of the incident search). */
    static final int MAX_INCIDENTS = 20_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Incidents incidents;

    IncidentObjects(Incidents incidents) {
        this.incidents = incidents;
    }

    public ObjectPage page(Subject caller, ObjectFilter filter) {
        List<StixEntry> matching = all(caller).stream()
                .filter(e -> filter.ids().isEmpty() || filter.ids().contains(e.id()))
                .filter(e -> filter.types().isEmpty() || filter.types().contains(e.type()))
                .filter(e -> filter.specVersions().isEmpty() || filter.specVersions().contains(e.specVersion()))
                .filter(e -> versionMatches(e, filter.versions()))
                .filter(e -> filter.addedAfter() == null
                        || e.dateAdded().isAfter(filter.addedAfter().truncatedTo(ChronoUnit.MICROS)))
                .filter(e -> after(e, PageToken.decode(filter.next())))
                .toList();
        List<StixEntry> page = matching.stream().limit(filter.limit()).toList();
        boolean more = matching.size() > page.size();
        StixEntry last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new ObjectPage(page, more, more && last != null ? PageToken.position(micros(last.dateAdded()), last.id())
                : null);
    }

    /** Every readable cyberattack incident and the markings of their labels, in {@code date_added} order. */
    List<StixEntry> all(Subject caller) {
        List<IncidentSummary> found = new ArrayList<>();
        String cursor = null;
        do {
            IncidentPage page = incidents.search(caller, new IncidentQuery(null, null, null,
                    IncidentCategory.CYBER_ATTACK, null, IncidentQuery.MAX_LIMIT, cursor));
            found.addAll(page.items());
            cursor = page.next();
        } while (cursor != null && found.size() < MAX_INCIDENTS);
        Map<SecurityLabel, Instant> markings = new LinkedHashMap<>();
        List<StixEntry> entries = new ArrayList<>();
        for (IncidentSummary incident : found) {
            StixEntry entry = entry(incident);
            entries.add(entry);
            markings.merge(incident.label(), entry.dateAdded(), (a, b) -> a.isBefore(b) ? a : b);
        }
        markings.forEach((label, added) -> entries.add(new StixEntry(Markings.markingId(label), "marking-definition",
                "2.1", Markings.DEFINED, added, Markings.markingDefinition(label), label,
                EnvelopeIntake.NODE_ORIGIN)));
        entries.sort(Comparator.comparing(StixEntry::dateAdded).thenComparing(StixEntry::id));
        return entries;
    }

    static StixEntry entry(IncidentSummary incident) {
        Instant modified = incident.updatedAt().truncatedTo(ChronoUnit.MILLIS);
        Instant created = incident.firstObservedAt().isBefore(modified)
                ? incident.firstObservedAt().truncatedTo(ChronoUnit.MILLIS) : modified;
        ObjectNode object = JSON.createObjectNode();
        object.put("type", "incident");
        object.put("spec_version", "2.1");
        object.put("id", "incident--" + incident.id().value());
        object.put("created_by_ref", Markings.IDENTITY_ID);
        object.put("created", StixTimestamps.millis(created));
        object.put("modified", StixTimestamps.millis(modified));
        object.put("name", incident.title());
        object.put("description", "Kalkan cyberattack incident, status " + incident.status() + ", severity "
                + incident.severity() + " of 5, " + incident.reportCount() + " report(s); observed from "
                + Dtg.of(incident.firstObservedAt()) + " to " + Dtg.of(incident.lastObservedAt()) + " near "
                + incident.location().lat() + ", " + incident.location().lon() + ".");
        object.putArray("labels").add("cyberattack");
        object.putArray("object_marking_refs").add(Markings.markingId(incident.label()));
        return new StixEntry(object.get("id").asString(), "incident", "2.1", object.get("modified").asString(),
                incident.updatedAt().truncatedTo(ChronoUnit.MICROS), object, incident.label(),
                EnvelopeIntake.NODE_ORIGIN);
    }

    private static boolean versionMatches(StixEntry entry, VersionMatch match) {
        // One version per incident: it is the first, the last and all of them.
        return match.all() || match.first() || match.last()
                || match.at().stream().anyMatch(at -> at.truncatedTo(ChronoUnit.MILLIS)
                        .equals(Instant.parse(entry.version())));
    }

    private static boolean after(StixEntry entry, @Nullable PageToken token) {
        if (token == null) {
            return true;
        }
        long micros = micros(entry.dateAdded());
        return micros > token.seq() || (micros == token.seq() && entry.id().compareTo(token.key()) > 0);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
