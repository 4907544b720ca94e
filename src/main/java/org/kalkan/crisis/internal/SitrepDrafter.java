package org.kalkan.crisis.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.Crisis;
import org.kalkan.crisis.LogEntry;
import org.kalkan.crisis.LogEntryKind;
import org.kalkan.crisis.Rfi;
import org.kalkan.crisis.SitrepSections;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;

/**
 * Pre-fills a SITREP from the crisis state: phase, attached incidents, tasks, RFIs, and the notes and decisions
 * logged since the previous SITREP. Only records its author may read AND whose label the SITREP's label covers
 * are included, so nothing appears under a lower or wider marking than its own.
 */
@Component
public class SitrepDrafter {

    private static final Set<LogEntryKind> DECISIONS = Set.of(LogEntryKind.DECISION_ADOPTED,
            LogEntryKind.MEASURE_ACTIVATED, LogEntryKind.ALERT_LEVEL_CHANGED);
    private static final Set<LogEntryKind> NOTES = Set.of(LogEntryKind.NOTE, LogEntryKind.CORRECTION,
            LogEntryKind.PHASE_CHANGED, LogEntryKind.ALERT_ESCALATED);

    private final TaskStore tasks;
    private final RfiStore rfis;
    private final LogStore log;
    private final CrisisAccess access;
    private final AccessPolicy policy;

    SitrepDrafter(TaskStore tasks, RfiStore rfis, LogStore log, CrisisAccess access, AccessPolicy policy) {
        this.tasks = tasks;
        this.rfis = rfis;
        this.log = log;
        this.access = access;
        this.policy = policy;
    }

    public SitrepSections draft(Crisis crisis, SecurityLabel label, Subject author, List<IncidentSummary> incidents,
            Instant from, Instant to) {
        StringBuilder situation = new StringBuilder("Phase: " + crisis.phase() + ". Period " + Dtg.of(from) + " – "
                + Dtg.of(to) + " (" + from.truncatedTo(ChronoUnit.SECONDS) + " – " + to.truncatedTo(ChronoUnit.SECONDS) + ").");
        List<LogEntry> entries = log.list(crisis.id(), policy.filter(author, "e"), 5000);
        String notes = lines(entries.stream().filter(e -> NOTES.contains(e.kind()) && inPeriod(e.at(), from, to))
                .filter(e -> included(label, author, e.label(), e.originNation(), e.exerciseId())).toList(),
                e -> Dtg.of(e.at()) + " " + e.author() + ": " + e.text());
        if (!notes.isEmpty()) {
            situation.append("\n").append(notes);
        }
        String incidentLines = lines(incidents.stream().filter(i -> included(label, author, i.label(), null, i.exerciseId()))
                        .toList(),
                i -> i.title() + " — " + i.category() + ", " + i.status() + ", severity " + i.severity() + ", "
                        + i.location().mgrs() + ", last observed " + Dtg.of(i.lastObservedAt()));
        String taskLines = lines(tasks.list(crisis.id(), policy.filter(author, "t")).stream()
                        .filter(t -> included(label, author, t.label(), t.originNation(), t.exerciseId())).toList(),
                t -> "[" + t.status() + "] " + t.title() + " — " + t.owner() + ", due " + Dtg.of(t.dueAt())
                        + (t.overdue() ? " (OVERDUE)" : ""));
        String rfiLines = lines(rfis.list(crisis.id(), policy.filter(author, "r")).stream()
                        .filter(r -> included(label, author, r.label(), r.originNation(), r.exerciseId())).toList(),
                r -> "[" + r.status() + "] " + r.question() + " → " + names(r) + "; deadline " + Dtg.of(r.deadline())
                        + "; " + rfis.answers(r.id(), policy.filter(author, "a")).stream()
                                .filter(a -> included(label, author, a.label(), a.nation(), a.exerciseId())).count()
                        + " answer(s)"
                        + (answeredOverdue(r) ? " (OVERDUE)" : ""));
        String decisions = lines(entries.stream().filter(e -> DECISIONS.contains(e.kind()) && inPeriod(e.at(), from, to))
                .filter(e -> included(label, author, e.label(), e.originNation(), e.exerciseId())).toList(),
                e -> Dtg.of(e.at()) + " " + e.text());
        return new SitrepSections(situation.toString(), orNone(incidentLines), orNone(taskLines), orNone(rfiLines),
                orNone(decisions), "");
    }

    private boolean included(SecurityLabel sitrep, Subject author, SecurityLabel record,
            @Nullable NationCode origin, @Nullable UUID exercise) {
        return access.covers(sitrep, record) && policy.canRead(author, record, origin, exercise);
    }

    private static boolean answeredOverdue(Rfi rfi) {
        return rfi.overdueAt() != null && rfi.status() == Rfi.Status.OPEN;
    }

    private static boolean inPeriod(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && !at.isAfter(to);
    }

    private static String names(Rfi rfi) {
        return String.join(", ", rfi.addressedTo().stream().map(NationCode::value).toList());
    }

    private static <T> String lines(List<T> items, Function<T, String> line) {
        StringBuilder text = new StringBuilder();
        for (T item : items) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("- ").append(line.apply(item));
        }
        return text.toString();
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "None." : text;
    }
}
