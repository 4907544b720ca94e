package org.kalkan.dashboard.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.kalkan.cluster.Cluster;
import org.kalkan.cluster.Signal;
import org.kalkan.cluster.SignalReceived;
import org.kalkan.cop.IncidentChangedElsewhere;
import org.kalkan.council.DecisionAdopted;
import org.kalkan.council.DecisionCirculated;
import org.kalkan.council.DecisionNotAdopted;
import org.kalkan.council.SilenceBroken;
import org.kalkan.crisis.CrisisTaskOverdue;
import org.kalkan.dashboard.web.Panels.Panel;
import org.kalkan.incident.IncidentReported;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.IncidentUpdated;
import org.kalkan.notification.AlertAcknowledged;
import org.kalkan.notification.AlertRaised;
import org.kalkan.notification.RecipientEscalated;
import org.kalkan.platform.AfterCommit;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open dashboards which panel to fetch again: an event named {@code panel} whose data is the panel's name, and
 * nothing else (the page then fetches the panel through the access policy). Only a subscriber who may read what
 * changed, in its own context, hears of it. Signals to one page are coalesced into a set of panel names, so a burst
 * costs each page one fetch per panel and a slow page never holds more than the few names. On an instance of a
 * cluster the Council's changes and inbox changes made on other instances reach the pages here too (signals by id
 * with the decision's or overdue task's label, or the alerted usernames; ADR 0012), and so do incident changes (the incident as this
 * instance read it again, {@link IncidentChangedElsewhere}).
 */
@Component
class DashboardStream {

    static final String EVENT = "panel";
    private static final long TIMEOUT_MS = 30 * 60 * 1000L;

    /** The signal of a Council change, to the dashboards of the other instances. */
    static final String COUNCIL_SIGNAL = "dashboard.council";
    /** The signal of an overdue crisis task (the work panel), to the dashboards of the other instances. */
    static final String WORK_SIGNAL = "dashboard.work";
    private static final String CLASSIFICATION = "classification";
    private static final String RELEASABLE_TO = "releasableTo";
    private static final String EXERCISE = "exercise";
    private static final String INBOX_SIGNAL = "inbox";

    private final AccessPolicy policy;
    private final AfterCommit afterCommit;
    private final Cluster cluster;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "dashboard-stream");
        thread.setDaemon(true);
        return thread;
    });

    DashboardStream(AccessPolicy policy, AfterCommit afterCommit, Cluster cluster) {
        this.policy = policy;
        this.afterCommit = afterCommit;
        this.cluster = cluster;
    }

    private record Subscriber(Subject subject, SseEmitter emitter, Set<Panel> pending, AtomicBoolean sending) {

        boolean inContext(@Nullable UUID exercise) {
            return Objects.equals(subject.exercise(), exercise);
        }
    }

    SseEmitter subscribe(Subject subject) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Subscriber subscriber = new Subscriber(subject, emitter, ConcurrentHashMap.newKeySet(), new AtomicBoolean());
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        senders.execute(() -> send(subscriber, SseEmitter.event().name("ready").data("{}")));
        return emitter;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @EventListener
    void on(IncidentReported event) {
        afterCommit.run(() -> incident(event.incident()));
    }

    @EventListener
    void on(IncidentUpdated event) {
        afterCommit.run(() -> incident(event.incident()));
    }

    /** On an instance of a cluster: another instance changed an incident, and this one read it again. */
    @EventListener
    void on(IncidentChangedElsewhere event) {
        if (!subscribers.isEmpty()) {
            incident(event.incident());
        }
    }

    @EventListener
    void on(AlertRaised event) {
        afterCommit.run(() -> {
            signal(s -> event.recipients().contains(s.subject().username()) && s.inContext(event.exerciseId()),
                    Panel.ALERTS);
        });
    }

    @EventListener
    void on(AlertAcknowledged event) {
        afterCommit.run(() -> {
            signal(s -> s.subject().username().equals(event.username()) && s.inContext(event.exerciseId()),
                    Panel.ALERTS);
        });
    }

    @EventListener
    void on(RecipientEscalated event) {
        afterCommit.run(() -> {
            signal(s -> s.subject().username().equals(event.username()) && s.inContext(event.exerciseId()),
                    Panel.ALERTS);
        });
    }

    @EventListener
    void on(DecisionCirculated event) {
        afterCommit.run(() -> council(event.label(), event.exerciseId()));
        signalOthers(COUNCIL_SIGNAL, event.decisionId().value(), event.label(), event.exerciseId());
    }

    @EventListener
    void on(SilenceBroken event) {
        afterCommit.run(() -> council(event.label(), event.exerciseId()));
        signalOthers(COUNCIL_SIGNAL, event.decisionId().value(), event.label(), event.exerciseId());
    }

    @EventListener
    void on(DecisionAdopted event) {
        afterCommit.run(() -> council(event.label(), event.exerciseId()));
        signalOthers(COUNCIL_SIGNAL, event.decisionId().value(), event.label(), event.exerciseId());
    }

    @EventListener
    void on(DecisionNotAdopted event) {
        afterCommit.run(() -> council(event.label(), event.exerciseId()));
        signalOthers(COUNCIL_SIGNAL, event.decisionId().value(), event.label(), event.exerciseId());
    }

    @EventListener
    void on(CrisisTaskOverdue event) {
        afterCommit.run(() -> work(event.label()));
        signalOthers(WORK_SIGNAL, event.taskId(), event.label(), null);
    }

    /**
     * The decision's (or task's) id and label (never its content), stored with the changing transaction and sent
     * after it commits: the pages on the other instances fetch the panel through the access policy.
     */
    private void signalOthers(String kind, UUID id, SecurityLabel label, @Nullable UUID exercise) {
        if (!cluster.clustered()) {
            return;
        }
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        attributes.put(CLASSIFICATION, label.classification().name());
        attributes.put(RELEASABLE_TO, String.join(",", label.releasableTo()));
        if (exercise != null) {
            attributes.put(EXERCISE, exercise.toString());
        }
        cluster.signal(kind, id.toString(), attributes);
    }

    /** Another instance changed a decision, or alerted users: tell the pages here that may read it. */
    @EventListener
    void on(SignalReceived received) {
        if (subscribers.isEmpty()) {
            return;
        }
        Signal signal = received.signal();
        String exercise = signal.attribute(EXERCISE, "");
        UUID context = exercise.isEmpty() ? null : UUID.fromString(exercise);
        if (received.is(COUNCIL_SIGNAL)) {
            council(label(signal), context);
        } else if (received.is(WORK_SIGNAL)) {
            work(label(signal));
        } else if (received.is(INBOX_SIGNAL)) {
            Set<String> users = Set.of(signal.attribute("users", "").split("\n"));
            signal(s -> users.contains(s.subject().username()) && s.inContext(context), Panel.ALERTS);
        }
    }

    private static SecurityLabel label(Signal signal) {
        return SecurityLabel.of(Classification.valueOf(signal.attribute(CLASSIFICATION, "SECRET")),
                List.of(signal.attribute(RELEASABLE_TO, "").split(",")));
    }

    private void work(SecurityLabel label) {
        signal(s -> policy.canRead(s.subject(), label, null, s.subject().exercise()), Panel.WORK);
    }

    private void incident(IncidentSummary incident) {
        signal(s -> policy.canRead(s.subject(), incident.label(), null, incident.exerciseId()), Panel.INCIDENTS);
    }

    private void council(SecurityLabel label, @Nullable UUID exercise) {
        signal(s -> policy.canRead(s.subject(), label, null, exercise), Panel.SILENCE);
    }

    private void signal(Predicate<Subscriber> hears, Panel panel) {
        for (Subscriber subscriber : subscribers) {
            if (hears.test(subscriber) && subscriber.pending().add(panel)
                    && subscriber.sending().compareAndSet(false, true)) {
                senders.execute(() -> drain(subscriber));
            }
        }
    }

    private void drain(Subscriber subscriber) {
        try {
            for (Panel panel : Set.copyOf(subscriber.pending())) {
                subscriber.pending().remove(panel);
                if (!send(subscriber, SseEmitter.event().name(EVENT).data(panel.name().toLowerCase(java.util.Locale.ROOT)))) {
                    return;
                }
            }
        } finally {
            subscriber.sending().set(false);
        }
        if (!subscriber.pending().isEmpty() && subscriber.sending().compareAndSet(false, true)) {
            senders.execute(() -> drain(subscriber));
        }
    }

    private boolean send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(subscriber);
            subscriber.pending().clear();
            end(subscriber.emitter());
            return false;
        }
    }

    /** A comment now and then keeps proxies from closing the stream and finds pages that went away. */
    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    void heartbeat() {
        subscribers.forEach(s -> senders.execute(() -> send(s, SseEmitter.event().comment("keep-alive"))));
    }

    /** Ends every stream when the node closes, so the graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void close() {
        subscribers.forEach(s -> end(s.emitter()));
        subscribers.clear();
        senders.shutdownNow();
    }

    /**
     * Ends a stream's request. When the container has already ended it with an error (the browser went away),
     * completing throws; that request needs nothing more, and the exception must not escape the sender thread.
     */
    private static void end(SseEmitter emitter) {
        try {
            emitter.complete();
        } catch (IllegalStateException alreadyEnded) {
            // the container completed the request itself
        }
    }
}
