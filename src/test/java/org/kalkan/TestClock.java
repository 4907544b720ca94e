package org.kalkan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The node's clock in tests: real UTC time shifted by an offset that a test may move, so deadlines, schedules and
 * the exercise clock can be tested without waiting. Tests that move it call {@link #reset()} afterwards.
 */
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> stopped = new AtomicReference<>();

    public void advance(Duration duration) {
        offset.updateAndGet(o -> o.plus(duration));
        stopped.updateAndGet(s -> s == null ? null : s.plus(duration));
    }

    /** Moves the clock so that now is {@code instant}; time keeps running from there. */
    public void setTo(Instant instant) {
        stopped.set(null);
        offset.set(Duration.between(Instant.now(), instant));
    }

    /**
     * Stops the clock at {@code instant} until {@link #setTo}, {@link #reset} or {@link #advance} (which moves the
     * stopped clock): for tests that must act at an exact instant, such as one millisecond before a deadline.
     */
    public void stopAt(Instant instant) {
        stopped.set(instant);
    }

    public void reset() {
        stopped.set(null);
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        Instant at = stopped.get();
        return at != null ? at : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Kalkan works in UTC");
    }
}
