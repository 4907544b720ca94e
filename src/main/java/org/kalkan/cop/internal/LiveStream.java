package org.kalkan.cop.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.kalkan.cop.CopProperties;
import org.kalkan.cop.LiveEvent;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.kalkan.shared.SecurityLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans live events out to Server-Sent Event subscribers. Each subscriber gets only what the access policy lets it
 * read in its own context (the real world, or the exercise of the request that opened the stream). An event is
 * serialised once for everyone; each subscriber numbers the events it receives itself (1, 2, 3, …), so an id never
 * tells how many went to others. Sending costs no thread per subscriber: a subscriber's queued events are written
 * by one of a few shared threads, without blocking, only while its connection can take them, and the connection
 * calls back when it can take more. A subscriber whose queue fills up has fallen behind: its queue is replaced by
 * one {@code stream.resync} event and its stream is closed, so it reconnects and reloads the picture rather than
 * slowing anyone else or receiving a picture with holes.
 */
@Service
public class LiveStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESYNC = "{\"reason\":\"the stream fell behind; reload and reconnect\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final AccessPolicy policy;
    private final CopProperties properties;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Counter delivered;
    private final Counter resyncs;
    private final Counter withheld;
    private final ExecutorService senders;
    private @Nullable ScheduledExecutorService ticker;

    LiveStream(AccessPolicy policy, CopProperties properties, MeterRegistry metrics) {
        this.policy = policy;
        this.properties = properties;
        this.delivered = metrics.counter("kalkan.cop.stream.delivered");
        this.resyncs = metrics.counter("kalkan.cop.stream.resyncs");
        this.withheld = metrics.counter("kalkan.cop.stream.withheld");
        Gauge.builder("kalkan.cop.stream.subscribers", subscribers, Set::size).register(metrics);
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread thread = new Thread(r, "live-stream-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What a connection tells the subscription it carries. */
    public interface Subscription {

        /** The connection can take more: write what is queued. */
        void writable();

        /** The connection is gone (closed by the client, failed, timed out). */
        void ended();
    }

    /** Opens a stream for the subject over the connection; events it may not read never enter its queue. */
    public Subscription subscribe(Subject subject, StreamSink sink) {
        Subscriber subscriber = new Subscriber(subject, sink, properties.subscriberQueue());
        // The opening event is the subscriber's first (id 1), before anything published reaches it.
        subscriber.offer("stream.open", JSON.writeValueAsBytes(Map.of("subscriber", subject.username())));
        subscribers.add(subscriber);
        return subscriber;
    }

    /**
     * Queues the event for every subscriber allowed to receive it. Each subscriber numbers the events it receives
     * itself (1, 2, 3, …), so an id never tells how many events went to others.
     */
    public void publish(LiveEvent event) {
        // Serialised once for every subscriber, not once per subscriber.
        byte[] json = JSON.writeValueAsBytes(event.data());
        // Decided once per person for this event: many screens share a few accounts, and the policy per screen was a
        // quarter of the node's CPU at 500 reports/s to 200 screens.
        Map<Subject, Boolean> decided = new java.util.HashMap<>();
        for (Subscriber subscriber : subscribers) {
            if (!decided.computeIfAbsent(subscriber.subject, subject -> mayReceive(subject, event))) {
                withheld.increment();
                continue;
            }
            subscriber.offer(event.type(), json);
        }
    }

    /** Whether the subject may read the event in its own context (ADR 0006: the one of the request that opened it). */
    private boolean mayReceive(Subject subject, LiveEvent event) {
        SecurityLabel unless = event.unlessReadable();
        return policy.canRead(subject, event.label(), event.origin(), event.exercise())
                && !(unless != null && policy.canRead(subject, unless, event.origin(), event.exercise()));
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "live-stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeat().toMillis();
        started.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        ticker = started;
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        subscribers.forEach(Subscriber::close);
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    /** Sends heartbeats now (as the ticker does every {@code kalkan.cop.heartbeat}). */
    void heartbeat() {
        tick();
    }

    /** A heartbeat to every subscriber that was sent nothing since the last tick; a stuck resync is closed. */
    private void tick() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.tick();
            } catch (RuntimeException e) {
                // The edge of the heartbeat loop: one broken subscriber must not stop the others' heartbeats.
                log.debug("heartbeat of {} failed: {}", subscriber.subject.username(), e.toString());
                subscriber.close();
            }
        }
    }

    private final class Subscriber implements Subscription {

        private final Subject subject;
        private final StreamSink sink;
        private final int capacity;
        private final Object writing = new Object();
        // Guarded by writing: written since the last flush.
        private boolean unflushed;
        // Guarded by this:
        private final ArrayDeque<Frame> queue = new ArrayDeque<>();
        private long nextId = 1;
        private boolean scheduled;
        private boolean resyncing;
        private boolean quiet = true;
        private int resyncTicks;
        private volatile boolean open = true;

        Subscriber(Subject subject, StreamSink sink, int capacity) {
            this.subject = subject;
            this.sink = sink;
            this.capacity = capacity;
        }

        void offer(String type, byte[] json) {
            synchronized (this) {
                if (!open || resyncing) {
                    return;
                }
                if (queue.size() >= capacity) {
                    // Fallen behind: one resync event instead of everything queued, then the stream closes.
                    queue.clear();
                    resyncing = true;
                    resyncs.increment();
                    queue.add(frame("stream.resync", RESYNC));
                } else {
                    queue.add(frame(type, json));
                }
                quiet = false;
                schedule();
            }
        }

        /** One event as one write: the Servlet API allows a non-blocking write only after {@code isReady()}. */
        private Frame frame(String type, byte[] json) {
            byte[] head = ("event:" + type + "\nid:" + nextId++ + "\ndata:").getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[head.length + json.length + END_OF_EVENT.length];
            System.arraycopy(head, 0, bytes, 0, head.length);
            System.arraycopy(json, 0, bytes, head.length, json.length);
            System.arraycopy(END_OF_EVENT, 0, bytes, head.length + json.length, END_OF_EVENT.length);
            return new Frame(bytes, true);
        }

        /** Under this subscriber's lock. */
        private void schedule() {
            if (!scheduled) {
                scheduled = true;
                try {
                    senders.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    scheduled = false;
                }
            }
        }

        synchronized void tick() {
            if (resyncing && ++resyncTicks > 1) {
                close();
                return;
            }
            if (quiet && open && !resyncing) {
                queue.add(new Frame(HEARTBEAT, false));
                schedule();
            }
            quiet = true;
        }

        @Override
        public void writable() {
            drain();
        }

        @Override
        public void ended() {
            close();
        }

        /**
         * Writes what is queued while the connection can take it; never blocks. Every write and the flush come right
         * after the connection said it was ready: a non-blocking servlet stream refuses a write otherwise (and used to
         * close the stream in the middle of a burst, when an event went out in three writes).
         */
        private void drain() {
            synchronized (writing) {
                try {
                    while (open) {
                        if (!sink.ready()) {
                            return; // the connection calls writable() when it can take more
                        }
                        Frame frame = next();
                        if (frame == null) {
                            if (unflushed) {
                                sink.flush();
                                unflushed = false;
                            }
                            if (finishedResync()) {
                                close();
                            }
                            return;
                        }
                        sink.write(frame.bytes());
                        unflushed = true;
                        if (frame.event()) {
                            delivered.increment();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // The edge of a subscriber's drain: whatever broke its connection, it is forgotten, never retried.
                    log.debug("stream of {} ended: {}", subject.username(), e.toString());
                    close();
                }
            }
        }

        /** The next frame, or null (and no drain scheduled any more) when the queue is empty. */
        private synchronized @Nullable Frame next() {
            Frame frame = queue.poll();
            if (frame == null) {
                scheduled = false;
            }
            return frame;
        }

        private synchronized boolean finishedResync() {
            return resyncing && queue.isEmpty();
        }

        void close() {
            open = false;
            subscribers.remove(this);
            synchronized (this) {
                queue.clear();
            }
            sink.close();
        }
    }

    /** What one write sends: an event (counted as delivered) or a heartbeat. */
    private record Frame(byte[] bytes, boolean event) {
    }
}
