package org.kalkan.incident.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentId;
import org.kalkan.shared.SecurityLabel;

/**
 * The correlation decision, pure: which open incident a new report joins. It joins the nearest candidate within
 * the distance whose incident, with the report in it, (1) keeps every reader it has now — a report never takes an
 * incident away from anyone who could read it — and (2) may be read by the reporter, who must see where their report
 * went. When no candidate qualifies the report opens an incident of its own.
 */
final class Correlation {

    /** An open incident near the report (same category and context), with the reports it holds now. */
    public record Candidate(IncidentId id, List<FiledReport> reports) {
    }

    private final Derivation derivation;

    public Correlation(Derivation derivation) {
        this.derivation = derivation;
    }

    public Optional<IncidentId> choose(FiledReport report, List<Candidate> candidates, double maxKm,
            Predicate<SecurityLabel> reporterReads) {
        record Near(Candidate candidate, Derivation.Derived now, double km) {
        }
        List<Near> near = new ArrayList<>();
        for (Candidate candidate : candidates) {
            derivation.derive(candidate.reports()).ifPresent(now -> {
                double km = now.location().distanceKm(report.location());
                if (km <= maxKm) {
                    near.add(new Near(candidate, now, km));
                }
            });
        }
        near.sort(Comparator.comparingDouble(Near::km).thenComparing(n -> n.candidate().id().value()));
        for (Near n : near) {
            List<FiledReport> joined = new ArrayList<>(n.candidate().reports());
            joined.add(report.withIncident(n.candidate().id()));
            Optional<Derivation.Derived> after = derivation.derive(joined);
            if (after.isPresent() && derivation.keepsEveryReader(n.now(), after.get())
                    && reporterReads.test(after.get().label())) {
                return Optional.of(n.candidate().id());
            }
        }
        return Optional.empty();
    }
}
