package org.kalkan.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalkan.incident.Confidence;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.ReportId;
import org.kalkan.security.FixedNations;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** The correlation decision and the derivation on the cases of issue 12, without a node. */
class CorrelationTests {

    private static final Instant AT = Instant.parse("2026-11-25T08:00:00Z");
    private final LabelCombiner combiner = new LabelCombiner(new FixedNations());
    private final Derivation derivation = new Derivation(combiner);
    private final Correlation correlation = new Correlation(derivation);

    @Test
    void aSecretReportNearbyDoesNotJoinTheIncidentHoldingKazsRestrictedReport() {
        IncidentId kazIncident = IncidentId.random();
        FiledReport kaz = report(kazIncident, "KAZ", new GeoPoint(43.25, 76.95), "KAZ sighting", 0,
                SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"));
        FiledReport aze = report(IncidentId.random(), "AZE", new GeoPoint(43.26, 76.95), "AZE source", 60,
                SecurityLabel.of(Classification.SECRET, "AZE"));
        var candidates = List.of(new Correlation.Candidate(kazIncident, List.of(kaz)));
        assertThat(correlation.choose(aze, candidates, 50, label -> true)).isEmpty();

        FiledReport tur = report(IncidentId.random(), "TUR", new GeoPoint(43.26, 76.96), "TUR patrol", 60,
                SecurityLabel.of(Classification.RESTRICTED, "ALL"));
        assertThat(correlation.choose(tur, candidates, 50, label -> true)).as("a report every reader may read")
                .contains(kazIncident);
        assertThat(correlation.choose(tur, candidates, 1, label -> true)).as("beyond the distance").isEmpty();
        assertThat(correlation.choose(tur, candidates, 50, label -> false)).as("the reporter could not read it")
                .isEmpty();
    }

    @Test
    void theNearestQualifyingIncidentIsJoined() {
        IncidentId near = IncidentId.random();
        IncidentId nearer = IncidentId.random();
        SecurityLabel members = SecurityLabel.of(Classification.RESTRICTED, "MEMBERS");
        var candidates = List.of(
                new Correlation.Candidate(near, List.of(report(near, "UZB", new GeoPoint(41.40, 69.25), "a", 0,
                        members))),
                new Correlation.Candidate(nearer, List.of(report(nearer, "UZB", new GeoPoint(41.31, 69.25), "b", 0,
                        SecurityLabel.of(Classification.RESTRICTED, "ALL")))));
        FiledReport filed = report(IncidentId.random(), "UZB", new GeoPoint(41.30, 69.25), "c", 10, members);
        assertThat(correlation.choose(filed, candidates, 50, label -> true)).as("the nearer one would be hidden from the observers")
                .contains(near);
    }

    @Test
    void everyFieldComesFromTheReportsHeldAndTheTitleFromTheFirstFiled() {
        IncidentId id = IncidentId.random();
        FiledReport first = report(id, "TUR", new GeoPoint(40.0, 50.0), "first", 0,
                SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"));
        FiledReport second = report(id, "AZE", new GeoPoint(41.0, 52.0), "second", 60,
                SecurityLabel.of(Classification.SECRET, "AZE", "TUR"));
        var both = derivation.derive(List.of(second, first)).orElseThrow();
        assertThat(both.title()).isEqualTo("first");
        assertThat(both.label()).isEqualTo(SecurityLabel.of(Classification.SECRET, "AZE", "TUR"));
        assertThat(both.location()).as("equally severe: the earliest observed report's place, never a centre")
                .isEqualTo(first.location());
        assertThat(both.reportCount()).isEqualTo(2);
        var withoutFirst = derivation.derive(List.of(second)).orElseThrow();
        assertThat(withoutFirst.title()).isEqualTo("second");
        assertThat(withoutFirst.firstObservedAt()).isEqualTo(second.observedAt());
        assertThat(derivation.derive(List.of())).isEmpty();
        FiledReport noCommonReader = report(id, "KGZ", new GeoPoint(40.0, 50.0), "third", 90,
                SecurityLabel.of(Classification.RESTRICTED, "KGZ"));
        assertThat(derivation.derive(List.of(second, noCommonReader))).isEmpty();
    }

    @Test
    void anIncidentStandsWhereItsMostSevereReportWasSeen() {
        IncidentId id = IncidentId.random();
        SecurityLabel members = SecurityLabel.of(Classification.RESTRICTED, "MEMBERS");
        FiledReport baku = report(id, "AZE", new GeoPoint(40.41, 49.87), "Baku", 0, members, 2);
        FiledReport tashkent = report(id, "UZB", new GeoPoint(41.31, 69.28), "Tashkent", 30, members, 4);
        FiledReport almaty = report(id, "KAZ", new GeoPoint(43.24, 76.89), "Almaty", 60, members, 4);
        assertThat(derivation.derive(List.of(almaty, baku, tashkent)).orElseThrow().location())
                .as("the most severe, and of those the earliest observed").isEqualTo(tashkent.location());
        assertThat(derivation.derive(List.of(baku, almaty)).orElseThrow().location()).isEqualTo(almaty.location());
    }

    private static FiledReport report(IncidentId incident, String nation, GeoPoint at, String title, int minutes,
            SecurityLabel label) {
        return report(incident, nation, at, title, minutes, label, 3);
    }

    private static FiledReport report(IncidentId incident, String nation, GeoPoint at, String title, int minutes,
            SecurityLabel label, int severity) {
        Instant filed = AT.plusSeconds(minutes * 60L);
        return new FiledReport(ReportId.random(), incident, IncidentCategory.BORDER_INCIDENT, title, "", filed, at,
                null, severity, Confidence.PROBABLE, NationCode.of(nation), nation.toLowerCase() + ".officer", "TEST", label,
                null, filed, "CMC");
    }
}
