package org.kalkan.cop.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kalkan.cop.CopProperties;
import org.kalkan.cop.LiveEvent;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.kalkan.shared.SecurityLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans live events out to Server-Sent Event subscribers. Each subscriber gets only what the access policy lets
 * it read in its own context (the real world, or the exercise of the request that opened the stream), through its own bounded queue drained by its own virtual thread: a slow client loses its oldest
 * events (counted) and never slows anyone else.
 */
@Service
public class LiveStream implements org.springframework.context.SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccessPolicy policy;
    private final CopProperties properties;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Counter delivered;
    private final Counter dropped;
    private final Counter withheld;

    LiveStream(AccessPolicy policy, CopProperties properties, MeterRegistry metrics) {
        this.policy = policy;
        this.properties = properties;
        this.delivered = metrics.counter("kalkan.cop.stream.delivered");
        this.dropped = metrics.counter("kalkan.cop.stream.dropped");
        this.withheld = metrics.counter("kalkan.cop.stream.withheld");
        Gauge.builder("kalkan.cop.stream.subscribers", subscribers, Set::size).register(metrics);
    }

    /** Opens a stream for the subject; events it may not read never enter its queue. */
    public SseEmitter subscribe(Subject subject) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Subscriber subscriber = new Subscriber(subject, emitter, new ArrayBlockingQueue<>(properties.subscriberQueue()));
        // The opening event is the subscriber's first (id 1), before anything published reaches it.
        subscriber.offer("stream.open", JSON.writeValueAsString(java.util.Map.of("subscriber", subject.username())));
        subscribers.add(subscriber);
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(subscriber::close);
        emitter.onError(e -> subscriber.close());
        // One sender thread per subscriber (Java 17 has no virtual threads): a stalled client blocks only its own.
        Thread sender = new Thread(subscriber::drain, "sse-" + subject.username());
        sender.setDaemon(true);
        sender.start();
        return emitter;
    }

    /**
     * Queues the event for every subscriber allowed to receive it. Each subscriber numbers the events it receives
     * itself (1, 2, 3, …), so an id never tells how many events went to others.
     */
    public void publish(LiveEvent event) {
        // Serialised once for every subscriber, not once per subscriber.
        String json = JSON.writeValueAsString(event.data());
        SecurityLabel unless = event.unlessReadable();
        for (Subscriber subscriber : subscribers) {
            // The subscriber's context is the one of the request that opened the stream (ADR 0006).
            if (!policy.canRead(subscriber.subject, event.label(), event.origin(), event.exercise())
                    || unless != null && policy.canRead(subscriber.subject, unless, event.origin(), event.exercise())) {
                withheld.increment();
                continue;
            }
            subscriber.offer(event.type(), json);
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        for (Subscriber subscriber : subscribers) {
            subscriber.close();
            subscriber.emitter.complete();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private record Outgoing(String type, String id, String json) {
    }

    private final class Subscriber {

        private final Subject subject;
        private final SseEmitter emitter;
        private final BlockingQueue<Outgoing> queue;
        private volatile boolean open = true;
        private final AtomicLong received = new AtomicLong();

        Subscriber(Subject subject, SseEmitter emitter, BlockingQueue<Outgoing> queue) {
            this.subject = subject;
            this.emitter = emitter;
            this.queue = queue;
        }

        void drain() {
            try {
                while (open) {
                    Outgoing next = queue.poll(properties.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
                    if (next == null) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                        continue;
                    }
                    emitter.send(SseEmitter.event().name(next.type()).id(next.id()).data(next.json()));
                    delivered.increment();
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("stream of {} ended: {}", subject.username(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
            }
        }

        /** The id of the next event this subscriber receives. */
        String nextId() {
            return Long.toString(received.incrementAndGet());
        }

        /** Queues an event; ids are taken in queue order, so they rise by one on the wire (drops aside). */
        synchronized void offer(String type, String json) {
            Outgoing outgoing = new Outgoing(type, nextId(), json);
            while (!queue.offer(outgoing)) {
                // Full: the oldest event goes, so the client catches up with the present.
                if (queue.poll() != null) {
                    dropped.increment();
                }
            }
        }

        void close() {
            open = false;
            subscribers.remove(this);
        }
    }
}
