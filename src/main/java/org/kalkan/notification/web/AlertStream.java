package org.kalkan.notification.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.kalkan.cluster.Cluster;
import org.kalkan.cluster.SignalReceived;
import org.kalkan.notification.AlertAcknowledged;
import org.kalkan.notification.AlertRaised;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.NotificationProperties;
import org.kalkan.notification.Precedence;
import org.kalkan.notification.RecipientEscalated;
import org.kalkan.platform.AfterCommit;
import org.kalkan.security.Subject;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events to signed-in browsers: each user hears only that their own inbox of the context the stream was
 * opened in changed (and its unacknowledged count), never any alert content, nor a signal of another context,
 * which the page then fetches through the access policy. Each subscriber has a bounded queue drained by a small
 * pool; what does not fit is dropped and counted (the next signal refreshes the whole inbox anyway). Signals go out after the alert's transaction commits.
 * In a cluster the other instances are told whose inbox changed (usernames and context, never content) and signal
 * their own subscribers, counting again from the database (ADR 0012).
 */
@Component
class AlertStream {

    static final String EVENT = "alerts";
    static final String SIGNAL = "inbox";
    private static final String USERS = "users";
    private static final String EXERCISE = "exercise";
    private static final String FLASH = "flash";
    private static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private final Alerts alerts;
    private final AfterCommit afterCommit;
    private final int queueSize;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders;
    private final Counter dropped;

    private final Cluster cluster;

    AlertStream(Alerts alerts, NotificationProperties properties, MeterRegistry meters, Cluster cluster,
            AfterCommit afterCommit) {
        this.alerts = alerts;
        this.afterCommit = afterCommit;
        this.cluster = cluster;
        this.queueSize = properties.streamQueueSize();
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "alert-stream-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.dropped = Counter.builder("kalkan.notification.stream.dropped")
                .description("inbox signals dropped because a subscriber's queue was full").register(meters);
        Gauge.builder("kalkan.notification.stream.subscribers", subscribers, Set::size)
                .description("browsers listening for their inbox").register(meters);
    }

    /** A browser's inbox stream, in the context (null = real world) of the request that opened it (ADR 0006). */
    private record Subscriber(Subject subject, SseEmitter emitter, BlockingQueue<SseEmitter.SseEventBuilder> queue,
            AtomicBoolean draining) {

        String username() {
            return subject.username();
        }

        boolean hears(String user, @Nullable UUID exercise) {
            return subject.username().equals(user) && Objects.equals(subject.exercise(), exercise);
        }
    }

    SseEmitter subscribe(Subject subject) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Subscriber subscriber = new Subscriber(subject, emitter, new ArrayBlockingQueue<>(queueSize),
                new AtomicBoolean());
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        offer(subscriber, signal(subject));
        return emitter;
    }

    @EventListener
    void on(AlertRaised event) {
        afterCommit.run(() -> {
            // A FLASH alert says so (nothing more), so pages may sound a cue the user can switch off.
            boolean flash = event.precedence() == Precedence.FLASH;
            event.recipients().forEach(user -> signalUser(user, event.exerciseId(), flash));
        });
    }

    @EventListener
    void on(AlertAcknowledged event) {
        afterCommit.run(() -> signalUser(event.username(), event.exerciseId(), false));
    }

    @EventListener
    void on(RecipientEscalated event) {
        afterCommit.run(() -> signalUser(event.username(), event.exerciseId(), false));
    }

    /** Tells the other instances of a cluster, in the alert's transaction, whose inboxes it changed. */
    @EventListener
    void signalOthers(AlertRaised event) {
        signalOthers(event.alertId().toString(), event.recipients(), event.exerciseId(),
                event.precedence() == Precedence.FLASH);
    }

    @EventListener
    void signalOthers(AlertAcknowledged event) {
        signalOthers(event.alertId().toString(), List.of(event.username()), event.exerciseId(), false);
    }

    @EventListener
    void signalOthers(RecipientEscalated event) {
        signalOthers(event.alertId().toString(), List.of(event.username()), event.exerciseId(), false);
    }

    /** Another instance changed these users' inboxes: signal those of them listening here. */
    @EventListener
    void on(SignalReceived received) {
        if (!received.is(SIGNAL) || subscribers.isEmpty()) {
            return;
        }
        String exercise = received.signal().attribute(EXERCISE, "");
        boolean flash = "true".equals(received.signal().attribute(FLASH, ""));
        for (String user : received.signal().attribute(USERS, "").split("\n")) {
            if (!user.isEmpty()) {
                signalUser(user, exercise.isEmpty() ? null : UUID.fromString(exercise), flash);
            }
        }
    }

    private void signalOthers(String alertId, Collection<String> users, @Nullable UUID exercise, boolean flash) {
        if (!cluster.clustered()) {
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(USERS, String.join("\n", users));
        if (exercise != null) {
            attributes.put(EXERCISE, exercise.toString());
        }
        if (flash) {
            attributes.put(FLASH, "true"); // a FLASH raised on another instance sounds the cue here too
        }
        cluster.signal(SIGNAL, alertId, attributes);
    }

    /** A comment now and then keeps proxies from closing the stream and finds browsers that went away. */
    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    void heartbeat() {
        subscribers.forEach(s -> offer(s, SseEmitter.event().comment("keep-alive")));
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void signalUser(String username, @Nullable UUID exercise, boolean flash) {
        List<Subscriber> listening = subscribers.stream().filter(s -> s.hears(username, exercise)).toList();
        if (listening.isEmpty()) {
            return;
        }
        int count = alerts.pendingCount(listening.get(0).subject());
        // One event builder per subscriber: a builder is not safe to send from two threads at once.
        listening.forEach(s -> offer(s, signal(count, flash)));
    }

    private SseEmitter.SseEventBuilder signal(Subject subject) {
        return signal(alerts.pendingCount(subject), false);
    }

    private static SseEmitter.SseEventBuilder signal(int unacknowledged, boolean flash) {
        return SseEmitter.event().name(EVENT).data("{\"unacknowledged\":" + unacknowledged
                + (flash ? ",\"flash\":true" : "") + "}");
    }

    private void offer(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        if (!subscriber.queue().offer(event)) {
            dropped.increment();
        }
        if (subscriber.draining().compareAndSet(false, true)) {
            senders.execute(() -> drain(subscriber));
        }
    }

    private void drain(Subscriber subscriber) {
        try {
            SseEmitter.SseEventBuilder event;
            while ((event = subscriber.queue().poll()) != null) {
                subscriber.emitter().send(event);
            }
        } catch (IOException | IllegalStateException gone) {
            // The browser went away: end the request too, or it would stay open until the timeout.
            subscribers.remove(subscriber);
            subscriber.queue().clear();
            end(subscriber.emitter());
        } finally {
            subscriber.draining().set(false);
        }
        if (!subscriber.queue().isEmpty() && subscribers.contains(subscriber)
                && subscriber.draining().compareAndSet(false, true)) {
            senders.execute(() -> drain(subscriber));
        }
    }

    /**
     * Ends every stream as soon as the node begins to close, before the web server's graceful shutdown, which
     * would otherwise wait for these never-ending requests. Browsers reconnect to whichever node is up.
     */
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
