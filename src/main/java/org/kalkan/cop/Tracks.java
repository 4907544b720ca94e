package org.kalkan.cop;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kalkan.cop.internal.LiveStream;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The live picture's tracks: the latest position of each, fed by adapters such as the CoT server. Every change
 * goes on the live stream ({@code track.updated}, {@code track.stale}) under the track's label; stale tracks are
 * removed by a poller that compares with the injected clock.
 */
@Service
public class Tracks {

    private final Map<String, TrackPosition> latest = new ConcurrentHashMap<>();
    private final LiveStream stream;
    private final AccessPolicy policy;
    private final Clock clock;

    Tracks(LiveStream stream, AccessPolicy policy, Clock clock) {
        this.stream = stream;
        this.policy = policy;
        this.clock = clock;
    }

    public void update(TrackPosition position) {
        if (!position.stale().isAfter(clock.instant())) {
            return;
        }
        latest.put(position.uid(), position);
        stream.publish(new LiveEvent("track.updated", position.uid(), feature(position), position.label(),
                position.origin()));
    }

    /** The tracks the subject may read, newest first. */
    public List<TrackPosition> latest(Subject subject) {
        var now = clock.instant();
        return latest.values().stream()
                .filter(t -> t.stale().isAfter(now))
                .filter(t -> policy.canRead(subject, t.label(), t.origin()))
                .sorted(Comparator.comparing(TrackPosition::time).reversed())
                .toList();
    }

    @Scheduled(fixedDelayString = "PT1S")
    void removeStale() {
        var now = clock.instant();
        for (TrackPosition track : List.copyOf(latest.values())) {
            if (!track.stale().isAfter(now) && latest.remove(track.uid(), track)) {
                stream.publish(new LiveEvent("track.stale", track.uid(), Map.of("id", track.uid()), track.label(),
                        track.origin()));
            }
        }
    }

    /** A track as a GeoJSON feature (RFC 7946), the shape the map draws. */
    public static Map<String, Object> feature(TrackPosition t) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", t.type());
        properties.put("sidc", t.sidc());
        properties.put("callsign", t.callsign());
        properties.put("time", t.time().toString());
        properties.put("stale", t.stale().toString());
        properties.put("classification", t.label().classification().name());
        properties.put("marking", t.label().marking());
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", t.uid());
        feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(t.lon(), t.lat())));
        feature.put("properties", properties);
        return feature;
    }
}
