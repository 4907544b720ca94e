package org.kalkan.cop.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.kalkan.cop.LiveEvent;
import org.kalkan.cop.TrackPosition;
import org.kalkan.cop.Tracks;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** {@link Tracks} in memory, with the poller that removes stale tracks. */
@Service("tracks")
class LiveTracks implements Tracks {

    /** Latest position by context and uid. */
    private final Map<Key, TrackPosition> latest = new ConcurrentHashMap<>();
    private final LiveStream stream;
    private final AccessPolicy policy;
    private final Clock clock;

    LiveTracks(LiveStream stream, AccessPolicy policy, Clock clock) {
        this.stream = stream;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public boolean update(TrackPosition position) {
        var now = clock.instant();
        if (!position.stale().isAfter(now)) {
            return false;
        }
        TrackPosition kept = latest.compute(Key.of(position), (key, current) -> current == null
                || !current.stale().isAfter(now) || current.sameSender(position) ? position : current);
        if (kept != position) {
            return false;
        }
        stream.publish(new LiveEvent("track.updated", position.uid(), Tracks.feature(position), position.label(),
                position.origin(), position.exercise()));
        return true;
    }

    @Override
    public List<TrackPosition> latest(Subject subject) {
        var now = clock.instant();
        return latest.values().stream()
                .filter(t -> t.stale().isAfter(now))
                .filter(t -> policy.canRead(subject, t.label(), t.origin(), t.exercise()))
                .sorted(Comparator.comparing(TrackPosition::time).reversed())
                .toList();
    }

    @Scheduled(fixedDelayString = "PT1S")
    void removeStale() {
        var now = clock.instant();
        for (TrackPosition track : List.copyOf(latest.values())) {
            if (!track.stale().isAfter(now) && latest.remove(Key.of(track), track)) {
                stream.publish(new LiveEvent("track.stale", track.uid(), Map.of("id", track.uid()), track.label(),
                        track.origin(), track.exercise()));
            }
        }
    }

    private record Key(String uid, @Nullable UUID exercise) {

        static Key of(TrackPosition position) {
            return new Key(position.uid(), position.exercise());
        }
    }
}
