package org.kalkan.interop.cot;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;
import org.kalkan.shared.SecurityLabel;

/**
 * One connected TAK client: who it is, what it sends by default, and its bounded outgoing queue. The queue keeps
 * only the newest event per uid, lets chat and emergencies overtake everything else, and is drained on the
 * connection's own event loop only while the socket is writable, so a slow client never slows anyone else.
 */
final class CotSession {

    /**
     * An event on its way to clients, with the label it travels under (none for protocol control). A fan-out makes
     * one for all its recipients, so the event is written once per codec, not once per client.
     */
    static final class Outgoing {

        private final CotEvent event;
        private final @Nullable SecurityLabel label;
        private volatile byte @Nullable [] xml;
        private volatile byte @Nullable [] protobuf;

        Outgoing(CotEvent event, @Nullable SecurityLabel label) {
            this.event = event;
            this.label = label;
        }

        CotEvent event() {
            return event;
        }

        /** The bytes for a codec; written on first use (two racing writers produce the same bytes). */
        byte[] frame(CotCodec codec) {
            byte[] bytes = codec == CotCodec.XML ? xml : protobuf;
            if (bytes == null) {
                bytes = codec.frame(event, label);
                if (codec == CotCodec.XML) {
                    xml = bytes;
                } else {
                    protobuf = bytes;
                }
            }
            return bytes;
        }
    }

    private final Channel channel;
    private final @Nullable String serial;
    private final int capacity;
    private final Consumer<String> dropped;
    private volatile Subject subject;
    private volatile SecurityLabel defaultLabel;
    private volatile CotCodec codec = CotCodec.XML;
    private final ArrayDeque<Outgoing> urgent = new ArrayDeque<>();
    private final Map<String, Outgoing> byUid = new LinkedHashMap<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    CotSession(Channel channel, Subject subject, @Nullable String serial, SecurityLabel defaultLabel, int capacity,
            Consumer<String> dropped) {
        this.channel = channel;
        this.subject = subject;
        this.serial = serial;
        this.defaultLabel = defaultLabel;
        this.capacity = capacity;
        this.dropped = dropped;
    }

    Subject subject() {
        return subject;
    }

    void subject(Subject refreshed) {
        this.subject = refreshed;
    }

    SecurityLabel defaultLabel() {
        return defaultLabel;
    }

    void defaultLabel(SecurityLabel label) {
        this.defaultLabel = label;
    }

    @Nullable String serial() {
        return serial;
    }

    Channel channel() {
        return channel;
    }

    CotCodec codec() {
        return codec;
    }

    void codec(CotCodec newCodec) {
        this.codec = newCodec;
    }

    /** Queues an event for this client; never blocks. */
    void offer(CotEvent event, @Nullable SecurityLabel label) {
        offer(new Outgoing(event, label));
    }

    /** Queues an event shared with other clients; never blocks. */
    void offer(Outgoing outgoing) {
        CotEvent event = outgoing.event();
        synchronized (this) {
            if (event.isUrgent()) {
                if (size() >= capacity && !dropOldestPosition()) {
                    urgent.poll();
                    dropped.accept("queue-full");
                }
                urgent.add(outgoing);
            } else if (byUid.put(event.uid(), outgoing) == null && size() > capacity) {
                // a new uid over capacity: the oldest position goes (this one, when only urgent events are queued)
                dropOldestPosition();
            }
        }
        scheduleDrain();
    }

    void scheduleDrain() {
        if (channel.isActive() && drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    synchronized int size() {
        return urgent.size() + byUid.size();
    }

    private boolean dropOldestPosition() {
        Iterator<Outgoing> oldest = byUid.values().iterator();
        if (!oldest.hasNext()) {
            return false;
        }
        oldest.next();
        oldest.remove();
        dropped.accept("queue-full");
        return true;
    }

    private void drain() {
        drainScheduled.set(false);
        boolean wrote = false;
        while (channel.isActive() && channel.isWritable()) {
            Outgoing next = next();
            if (next == null) {
                break;
            }
            channel.write(Unpooled.wrappedBuffer(next.frame(codec)), channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    private synchronized @Nullable Outgoing next() {
        Outgoing next = urgent.poll();
        if (next != null) {
            return next;
        }
        Iterator<Outgoing> oldest = byUid.values().iterator();
        if (!oldest.hasNext()) {
            return null;
        }
        next = oldest.next();
        oldest.remove();
        return next;
    }

    void close() {
        channel.close();
    }
}
