package org.kalkan.incident.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;

/**
 * Derives every field of an incident from the reports it holds, and from nothing else: its label combines theirs
 * (so whoever may read the incident may read each of them), its title is the first filed report's, its position
 * that of its most severe report (the earliest observed of the most severe, then the first filed) — a place where
 * something was seen, never a centre between two towns — its severity their highest, its times their first and
 * last observation. Pure: the same reports always give the same incident, whatever the incident showed before.
 */
final class Derivation {

    /** The fields of an incident that come from its reports. */
    public record Derived(IncidentCategory category, SecurityLabel label, String title, GeoPoint location,
            int severity, Instant firstObservedAt, Instant lastObservedAt, int reportCount) {
    }

    /** The report an incident takes its title from: the first filed (then the lowest id, so ties are stable). */
    static final Comparator<FiledReport> FIRST_FILED = Comparator.comparing(FiledReport::createdAt)
            .thenComparing(r -> r.id().value());

    /** The report an incident takes its position from: the most severe, then the earliest observed, then filed. */
    static final Comparator<FiledReport> PLACE = Comparator.comparingInt(FiledReport::severity).reversed()
            .thenComparing(FiledReport::observedAt).thenComparing(FIRST_FILED);

    private final LabelCombiner combiner;

    public Derivation(LabelCombiner combiner) {
        this.combiner = combiner;
    }

    /**
     * The incident the reports make; empty when there are none, or when no nation may read them all (then they
     * cannot make one incident).
     */
    public Optional<Derived> derive(Collection<FiledReport> reports) {
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        SecurityLabel label = combiner.combine(reports.stream()
                .map(r -> new LabelCombiner.Labelled(r.label(), r.reportingNation())).toList());
        if (label == null) {
            return Optional.empty();
        }
        List<FiledReport> ordered = reports.stream().sorted(FIRST_FILED).toList();
        FiledReport first = ordered.get(0);
        GeoPoint place = reports.stream().min(PLACE).orElseThrow().location();
        int severity = 0;
        Instant firstSeen = first.observedAt();
        Instant lastSeen = first.observedAt();
        for (FiledReport r : ordered) {
            if (r.category() != first.category()) {
                throw new IllegalStateException("an incident holds reports of one category only");
            }
            severity = Math.max(severity, r.severity());
            firstSeen = r.observedAt().isBefore(firstSeen) ? r.observedAt() : firstSeen;
            lastSeen = r.observedAt().isAfter(lastSeen) ? r.observedAt() : lastSeen;
        }
        int n = reports.size();
        return Optional.of(new Derived(first.category(), label, first.title(), place, severity, firstSeen, lastSeen,
                n));
    }

    /** Whether the incident of {@code after} keeps every reader of the incident {@code before} was derived to. */
    public boolean keepsEveryReader(Derived before, Derived after) {
        return combiner.keepsEveryReader(before.label(), after.label());
    }
}
