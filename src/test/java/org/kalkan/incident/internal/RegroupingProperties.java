package org.kalkan.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.Confidence;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentStatus;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.ReportId;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.FixedNations;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;

/**
 * Random histories of reports — filed under random labels near each other, correlated, merged, split and
 * re-attached, relabelled and withdrawn by their originators, incidents moved through their statuses — checked
 * after every act against the access policy for every subject (each nation at each clearance):
 * <ul>
 * <li>no field of an incident is visible to someone who may not read the report it came from: whoever may read an
 * incident may read every report it holds, and every stored field is exactly what those reports give;</li>
 * <li>nobody loses sight of a report they could see (the report, in an incident they may read), except when its
 * originator relabels or withdraws that very report;</li>
 * <li>a reporter sees the report they filed in its incident, and a refused act changes nothing.</li>
 * </ul>
 */
class RegroupingProperties {

    private static final List<String> REPORTERS = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB");
    private static final List<String> ENTRIES = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM", "MEMBERS",
            "ALL");
    /** Two places close enough to correlate, and three far from everything else. */
    private static final List<GeoPoint> PLACES = List.of(new GeoPoint(40.40, 49.85), new GeoPoint(40.45, 49.90),
            new GeoPoint(41.30, 69.25), new GeoPoint(43.24, 76.90), new GeoPoint(39.93, 32.86));
    private static final List<IncidentCategory> CATEGORIES = List.of(IncidentCategory.TERRORISM,
            IncidentCategory.BORDER_INCIDENT);
    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    private final FixedNations nations = new FixedNations();
    // canRead only: the policy never writes to the audit trail on this path.
    private final AccessPolicy policy = new AccessPolicy(nations, null);
    private final LabelCombiner combiner = new LabelCombiner(nations);
    private final Derivation derivation = new Derivation(combiner);
    private final Subject watch = new Subject("cmc.watch", NationCode.of("TUR"), Classification.SECRET,
            EnumSet.of(Role.WATCH_OFFICER));
    private final List<Subject> everyone = everyone();

    sealed interface Act {
    }

    record File(int reporter, SecurityLabel label, int category, int place, int minutes, int severity)
            implements Act {
    }

    record Merge(int target, int other) implements Act {
    }

    record Reattach(int report, int target, boolean split) implements Act {
    }

    record Relabel(int report, SecurityLabel label) implements Act {
    }

    /** The originator's new content for a report (a CAP Update): another label, category, place and severity. */
    record Update(int report, SecurityLabel label, int category, int place, int severity) implements Act {
    }

    record Withdraw(int report) implements Act {
    }

    record Status(int incident, IncidentStatus status) implements Act {
    }

    @Property(tries = 2000)
    void noFieldOutlivesItsReportAndNobodyLosesSightOfAReport(@ForAll("histories") List<Act> history) {
        MemoryIncidents store = new MemoryIncidents();
        Regrouping regrouping = new Regrouping(store, combiner);
        Instant now = START;
        for (Act act : history) {
            now = now.plusSeconds(60);
            Map<Subject, Set<ReportId>> before = sight(store);
            MemoryIncidents.Snapshot unchanged = store.snapshot();
            Applied applied;
            try {
                applied = apply(act, store, regrouping, now);
                Statistics.label("act").collect(act.getClass().getSimpleName()
                        + (applied.done() ? "" : " (nothing to act on)"));
            } catch (RefusedException | IllegalArgumentException refused) {
                Statistics.label("act").collect(act.getClass().getSimpleName() + " refused");
                assertThat(store.snapshot()).as("a refused act changes nothing").isEqualTo(unchanged);
                continue;
            }
            assertDerivedFromWhatTheyHold(store);
            Map<Subject, Set<ReportId>> after = sight(store);
            for (Subject subject : everyone) {
                Set<ReportId> lost = new java.util.HashSet<>(before.get(subject));
                lost.removeAll(after.get(subject));
                lost.remove(applied.originatorsOwn());
                assertThat(lost).as("%s after %s loses sight of", subject.nation() + "/" + subject.clearance(), act)
                        .isEmpty();
            }
        }
    }

    /** Whether an act was applied, and the report its originator relabelled or withdrew (its readers may change). */
    private record Applied(boolean done, @Nullable ReportId originatorsOwn) {

        static final Applied DONE = new Applied(true, null);
        static final Applied NOTHING = new Applied(false, null);
    }

    private Applied apply(Act act, MemoryIncidents store, Regrouping regrouping, Instant now) {
        List<FiledReport> reports = store.active();
        List<IncidentSummary> open = store.incidents().stream().filter(i -> i.reportCount() > 0).toList();
        if (act instanceof File f) {
            Subject reporter = new Subject(REPORTERS.get(f.reporter()).toLowerCase() + ".officer",
                    NationCode.of(REPORTERS.get(f.reporter())), Classification.SECRET,
                    EnumSet.of(Role.REPORTING_OFFICER));
            FiledReport report = new FiledReport(ReportId.random(), IncidentId.random(), CATEGORIES.get(f.category()),
                    "title " + now, "", now.minusSeconds(f.minutes() * 60L), PLACES.get(f.place()), null,
                    f.severity(), Confidence.PROBABLE, reporter.nation(), reporter.username(), "TEST", f.label(), null,
                    now);
            Regrouping.Outcome outcome = regrouping.file(report, 50, Duration.ofHours(24),
                    label -> policy.canRead(reporter, label, null, null), now);
            FiledReport filed = outcome.report();
            Statistics.label("filed").collect(outcome.changed().get(0).opened() ? "opened an incident" : "joined");
            IncidentSummary incident = store.lockIncident(filed.incidentId()).orElseThrow();
            assertThat(policy.canRead(reporter, incident.label(), null, null)).as("the reporter sees their report")
                    .isTrue();
            return Applied.DONE;
        }
        if (act instanceof Merge m && open.size() > 1) {
            IncidentSummary into = open.get(m.target() % open.size());
            // Mostly one of the same category, half the time also of the same label (others are mostly refused).
            List<IncidentSummary> alike = open.stream().filter(i -> i.category() == into.category()
                    && !i.id().equals(into.id()) && (m.other() % 2 == 0 || i.label().equals(into.label()))).toList();
            IncidentId target = into.id();
            IncidentId other = alike.isEmpty() || m.other() % 5 == 0 ? open.get(m.other() % open.size()).id()
                    : alike.get(m.other() % alike.size()).id();
            regrouping.merge(target, List.of(other), label -> policy.canRead(watch, label, null, null), now);
            return Applied.DONE;
        }
        if (act instanceof Reattach r && !reports.isEmpty() && !open.isEmpty()) {
            FiledReport report = reports.get(r.report() % reports.size());
            regrouping.reattach(report.id(), r.split() ? null : open.get(r.target() % open.size()).id(),
                    label -> policy.canRead(watch, label, null, null), now);
            return Applied.DONE;
        }
        if (act instanceof Relabel r && !reports.isEmpty()) {
            FiledReport report = reports.get(r.report() % reports.size());
            regrouping.relabel(report.id(), r.label(), now);
            return new Applied(true, report.id());
        }
        if (act instanceof Update u && !reports.isEmpty()) {
            FiledReport report = reports.get(u.report() % reports.size());
            regrouping.update(new FiledReport(report.id(), report.incidentId(), CATEGORIES.get(u.category()),
                    "updated " + now, "", report.observedAt(), PLACES.get(u.place()), null, u.severity(),
                    Confidence.CONFIRMED, report.reportingNation(), report.reportedBy(), report.source(), u.label(),
                    null, report.createdAt()), 50, now);
            return new Applied(true, report.id());
        }
        if (act instanceof Withdraw w && !reports.isEmpty()) {
            FiledReport report = reports.get(w.report() % reports.size());
            regrouping.withdraw(report.id(), "originator", "test", now);
            return new Applied(true, report.id());
        }
        if (act instanceof Status s && !open.isEmpty()) {
            IncidentId id = open.get(s.incident() % open.size()).id();
            store.status(id, s.status());
            regrouping.rederive(id, now);
            return Applied.DONE;
        }
        return Applied.NOTHING;
    }

    /**
     * Every incident shows exactly what its reports give, under a label each reader of which may read every one of
     * them; one without reports shows nothing of any.
     */
    private void assertDerivedFromWhatTheyHold(MemoryIncidents store) {
        for (IncidentSummary incident : store.incidents()) {
            List<FiledReport> held = store.activeReports(incident.id());
            if (held.isEmpty()) {
                assertThat(incident.reportCount()).isZero();
                assertThat(incident.title()).isEmpty();
                assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
                continue;
            }
            Optional<Derivation.Derived> derived = derivation.derive(held);
            assertThat(derived).as("the reports of %s have a common reader", incident.id()).isPresent();
            Derivation.Derived d = derived.get();
            assertThat(new Derivation.Derived(incident.category(), incident.label(), incident.title(),
                    incident.location(), incident.severity(), incident.firstObservedAt(), incident.lastObservedAt(),
                    incident.reportCount())).as("stored fields of %s", incident.id()).isEqualTo(d);
            for (Subject subject : everyone) {
                if (policy.canRead(subject, incident.label(), null, null)) {
                    for (FiledReport report : held) {
                        assertThat(policy.canRead(subject, report.label(), report.reportingNation(), null))
                                .as("%s reads incident %s (%s) but not its report %s (%s)", subject,
                                        incident.id(), incident.label().marking(), report.id(),
                                        report.label().marking()).isTrue();
                    }
                }
            }
        }
    }

    /** The reports each subject sees: readable themselves, in an incident the subject may read. */
    private Map<Subject, Set<ReportId>> sight(MemoryIncidents store) {
        Map<IncidentId, IncidentSummary> incidents = new HashMap<>();
        store.incidents().forEach(i -> incidents.put(i.id(), i));
        Map<Subject, Set<ReportId>> seen = new HashMap<>();
        for (Subject subject : everyone) {
            Set<ReportId> reports = new java.util.HashSet<>();
            for (FiledReport report : store.active()) {
                IncidentSummary incident = incidents.get(report.incidentId());
                if (policy.canRead(subject, report.label(), report.reportingNation(), null)
                        && policy.canRead(subject, incident.label(), null, null)) {
                    reports.add(report.id());
                }
            }
            seen.put(subject, reports);
        }
        return seen;
    }

    private static List<Subject> everyone() {
        List<Subject> subjects = new ArrayList<>();
        for (String nation : List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM")) {
            for (Classification clearance : Classification.values()) {
                subjects.add(new Subject(nation + "-" + clearance, NationCode.of(nation), clearance, Set.of()));
            }
        }
        return List.copyOf(subjects);
    }

    @Provide
    Arbitrary<List<Act>> histories() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 1000);
        Arbitrary<Act> file = Combinators.combine(Arbitraries.integers().between(0, REPORTERS.size() - 1), labels(),
                Arbitraries.integers().between(0, CATEGORIES.size() - 1),
                Arbitraries.integers().between(0, PLACES.size() - 1), Arbitraries.integers().between(0, 600),
                Arbitraries.integers().between(1, 5)).as(File::new);
        Arbitrary<Act> merge = Combinators.combine(index, index).as(Merge::new);
        Arbitrary<Act> reattach = Combinators.combine(index, index, Arbitraries.of(true, false)).as(Reattach::new);
        Arbitrary<Act> relabel = Combinators.combine(index, labels()).as(Relabel::new);
        Arbitrary<Act> update = Combinators.combine(index, labels(),
                Arbitraries.integers().between(0, CATEGORIES.size() - 1),
                Arbitraries.integers().between(0, PLACES.size() - 1), Arbitraries.integers().between(1, 5))
                .as(Update::new);
        Arbitrary<Act> withdraw = index.map(Withdraw::new);
        Arbitrary<Act> status = Combinators.combine(index, Arbitraries.of(IncidentStatus.ASSESSED,
                IncidentStatus.CLOSED)).as(Status::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, file), net.jqwik.api.Tuple.of(2, merge),
                net.jqwik.api.Tuple.of(2, reattach), net.jqwik.api.Tuple.of(2, relabel), net.jqwik.api.Tuple.of(2, update),
                net.jqwik.api.Tuple.of(1, withdraw), net.jqwik.api.Tuple.of(1, status))
                .list().ofMinSize(1).ofMaxSize(30);
    }

    /** Any label, or more often one of a few common ones, so that incidents with equal readers meet and merge. */
    private static Arbitrary<SecurityLabel> labels() {
        Arbitrary<SecurityLabel> any = Combinators.combine(Arbitraries.of(Classification.values()),
                Arbitraries.of(ENTRIES).set().ofMinSize(1).ofMaxSize(3)).as(SecurityLabel::of);
        Arbitrary<SecurityLabel> common = Arbitraries.of(SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"),
                SecurityLabel.of(Classification.RESTRICTED, "ALL"), SecurityLabel.of(Classification.SECRET, "MEMBERS"),
                SecurityLabel.of(Classification.CONFIDENTIAL, "AZE", "TUR"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, any), net.jqwik.api.Tuple.of(4, common));
    }
}
