package org.kalkan.dashboard.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Council;
import org.kalkan.council.Decision;
import org.kalkan.council.DecisionStatus;
import org.kalkan.crisis.WorkItem;
import org.kalkan.crisis.Worklist;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExerciseClock;
import org.kalkan.exercise.Exercises;
import org.kalkan.incident.IncidentQuery;
import org.kalkan.incident.IncidentStatus;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.Incidents;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.InboxItem;
import org.kalkan.notification.RecipientStatus;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.springframework.stereotype.Component;

/**
 * What each panel of the dashboard shows, read through the owning module's API for the subject (so every label and
 * the context are honoured there), and which panels a role sees first.
 */
@Component
class Panels {

    /** The panels, each a fragment of {@code dashboard/panels.html} with the same name. */
    enum Panel { ALERTS, INCIDENTS, WORK, SILENCE, EXERCISE }

    static final int ROWS = 8;

    private final Alerts alerts;
    private final Incidents incidents;
    private final Worklist worklist;
    private final Council council;
    private final Exercises exercises;
    private final PageMarking marking;
    private final Clock clock;

    Panels(Alerts alerts, Incidents incidents, Worklist worklist, Council council, Exercises exercises,
            PageMarking marking, Clock clock) {
        this.alerts = alerts;
        this.incidents = incidents;
        this.worklist = worklist;
        this.council = council;
        this.exercises = exercises;
        this.marking = marking;
        this.clock = clock;
    }

    /** The panels in the order that serves the role: what it acts on first. */
    List<Panel> forRole(Subject subject) {
        List<Panel> order = new ArrayList<>();
        if (subject.exercise() != null) {
            order.add(Panel.EXERCISE);
        }
        if (subject.has(Role.COUNCIL_DELEGATE) || subject.has(Role.COUNCIL_CHAIR)) {
            order.addAll(List.of(Panel.SILENCE, Panel.ALERTS, Panel.WORK, Panel.INCIDENTS));
        } else if (subject.has(Role.WATCH_OFFICER) || subject.has(Role.CRISIS_MANAGER)) {
            order.addAll(List.of(Panel.ALERTS, Panel.INCIDENTS, Panel.WORK, Panel.SILENCE));
        } else {
            order.addAll(List.of(Panel.ALERTS, Panel.WORK, Panel.INCIDENTS, Panel.SILENCE));
        }
        return order;
    }

    /** The model of one panel for the subject. */
    Map<String, Object> model(Panel panel, Subject subject) {
        Map<String, Object> model = new LinkedHashMap<>();
        Instant now = clock.instant();
        model.put("now", now);
        switch (panel) {
            case ALERTS -> {
                List<InboxItem> pending = alerts.inbox(subject, 200).stream()
                        .filter(i -> i.status() == RecipientStatus.PENDING).toList();
                pending.forEach(i -> marking.show(i.label()));
                model.put("alerts", pending.stream().limit(ROWS).toList());
                model.put("alertCount", pending.size());
            }
            case INCIDENTS -> {
                List<IncidentSummary> items = new ArrayList<>();
                items.addAll(search(subject, IncidentStatus.ESCALATED));
                items.addAll(search(subject, IncidentStatus.NEW));
                items.forEach(i -> marking.show(i.label()));
                model.put("escalated", items.stream().filter(i -> i.status() == IncidentStatus.ESCALATED).toList());
                model.put("fresh", items.stream().filter(i -> i.status() == IncidentStatus.NEW).toList());
            }
            case WORK -> {
                List<WorkItem> work = worklist.openFor(subject);
                work.forEach(w -> marking.show(w.label()));
                model.put("work", work.stream().limit(ROWS * 2L).toList());
                model.put("workCount", work.size());
            }
            case SILENCE -> {
                List<Decision> running = council.decisions().stream()
                        .filter(d -> d.status() == DecisionStatus.UNDER_SILENCE
                                || d.status() == DecisionStatus.UNDER_CONSENSUS
                                || d.status() == DecisionStatus.SILENCE_BROKEN)
                        .sorted(Comparator.comparing((Decision d) -> d.silenceEndsAt() == null ? Instant.MAX
                                : d.silenceEndsAt()))
                        .toList();
                running.forEach(d -> marking.show(d.label()));
                model.put("decisions", running);
                model.put("myNation", subject.nation());
            }
            case EXERCISE -> model.put("exercise", exerciseClock(subject, now));
        }
        // What the page's banner must at least say once this panel is on it (raised in the page when refreshed).
        model.put("banner", marking.banner());
        model.put("bannerClass", marking.cssClass());
        return model;
    }

    private List<IncidentSummary> search(Subject subject, IncidentStatus status) {
        return incidents.search(subject, new IncidentQuery(null, null, null, null, status, ROWS, null)).items();
    }

    /** The exercise of the subject's context with its clock, for a T+ display that keeps ticking in the page. */
    record ExerciseNow(Exercise exercise, ExerciseClock clock, Duration elapsed, Instant at) {

        public String tPlus() {
            return tPlus(elapsed);
        }

        public boolean running() {
            return clock.state() == ExerciseClock.State.RUNNING;
        }

        /** {@code T+00:20}, {@code T+1d 02:05}: exercise time as planners say it. */
        static String tPlus(Duration elapsed) {
            long minutes = Math.max(0, elapsed.toMinutes());
            long days = minutes / (24 * 60);
            String clockPart = String.format(java.util.Locale.ROOT, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
            return "T+" + (days > 0 ? days + "d " : "") + clockPart;
        }
    }

    private @Nullable ExerciseNow exerciseClock(Subject subject, Instant now) {
        UUID id = subject.exercise();
        if (id == null) {
            return null;
        }
        try {
            Exercise exercise = exercises.find(subject, id);
            ExerciseClock state = exercise.clock();
            return new ExerciseNow(exercise, state, state.elapsed(now), now);
        } catch (org.kalkan.shared.DomainException notVisible) {
            return null; // the page's exercise band still says which exercise this is
        }
    }
}
