package org.kalkan.interop.cot;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;
import org.kalkan.shared.SecurityLabel;

/**
 * One connected TAK client: who it is, what it sends by default, and its bounded outgoing queue. The queue keeps
 * only the newest event per uid once it backs up, lets chat and emergencies overtake everything else, and is drained on the
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
    /** Positions in the order queued, with repeats of a uid until the next coalescing. */
    private final ArrayDeque<Outgoing> positions = new ArrayDeque<>();
    private int addedSinceCoalesced;
    /** The drain's chunk, used on the connection's event loop only. */
    private final Outgoing[] chunk = new Outgoing[32];
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

    /**
     * Queues an event shared with other clients; never blocks. Positions are appended as they come and coalesced
     * to the newest per uid only when the queue has grown past its capacity, or past a chunk while it drains: a
     * client that keeps up (the common case) costs an append and a poll per event, no map (which was the top cost
     * of a busy node's profile); a client that falls behind still gets only the newest position of each uid.
     */
    void offer(Outgoing outgoing) {
        synchronized (this) {
            if (outgoing.event().isUrgent()) {
                if (size() >= capacity && addedSinceCoalesced > 0) {
                    coalesce();
                }
                if (size() >= capacity && !dropOldestPosition()) {
                    urgent.poll();
                    dropped.accept("queue-full");
                }
                urgent.add(outgoing);
            } else {
                positions.add(outgoing);
                addedSinceCoalesced++;
                if (size() > capacity && addedSinceCoalesced * 2 >= positions.size()) {
                    // at most twice the capacity between coalescings, and each costs no more than what was added
                    coalesce();
                }
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
        return urgent.size() + positions.size();
    }

    /**
     * Keeps the newest position of each uid, in the place its uid was first queued, and drops the oldest positions
     * beyond what the capacity leaves after the urgent events.
     */
    private void coalesce() {
        Map<String, Integer> places = new HashMap<>(positions.size() * 2);
        ArrayList<Outgoing> kept = new ArrayList<>(positions.size());
        for (Outgoing position : positions) {
            Integer place = places.putIfAbsent(position.event().uid(), kept.size());
            if (place == null) {
                kept.add(position);
            } else {
                kept.set(place, position);
            }
        }
        int over = kept.size() - Math.max(0, capacity - urgent.size());
        for (int i = 0; i < over; i++) {
            dropped.accept("queue-full");
        }
        positions.clear();
        positions.addAll(over > 0 ? kept.subList(over, kept.size()) : kept);
        addedSinceCoalesced = 0;
    }

    private boolean dropOldestPosition() {
        if (positions.poll() == null) {
            return false;
        }
        dropped.accept("queue-full");
        return true;
    }

    /**
     * Writes queued events while the socket is writable, a chunk at a time as one buffer: one trip through the
     * pipeline (and TLS) per chunk rather than per event.
     */
    private void drain() {
        drainScheduled.set(false);
        boolean wrote = false;
        CotCodec current = codec;
        while (channel.isActive() && channel.isWritable()) {
            int count = next(chunk);
            if (count == 0) {
                break;
            }
            int bytes = 0;
            for (int i = 0; i < count; i++) {
                bytes += chunk[i].frame(current).length;
            }
            ByteBuf buffer = channel.alloc().buffer(bytes);
            for (int i = 0; i < count; i++) {
                buffer.writeBytes(chunk[i].frame(current));
                chunk[i] = null;
            }
            channel.write(buffer, channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    /** Moves up to a chunk of events into {@code into}, urgent ones first; returns how many. */
    private synchronized int next(Outgoing[] into) {
        if (addedSinceCoalesced > 0 && (size() > capacity
                || positions.size() > into.length && addedSinceCoalesced * 2 >= positions.size())) {
            coalesce(); // a backlog: send the newest of each uid, not every position it went through
        }
        int count = 0;
        Outgoing next;
        while (count < into.length && (next = urgent.poll()) != null) {
            into[count++] = next;
        }
        while (count < into.length && (next = positions.poll()) != null) {
            into[count++] = next;
        }
        return count;
    }

    void close() {
        channel.close();
    }
}
