package org.kalkan.cop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kalkan.security.Subject;

/**
 * The live picture's tracks: the latest position of each, fed by adapters such as the CoT server. Every change
 * goes on the live stream ({@code track.updated}, {@code track.stale}) under the track's label; stale tracks are
 * removed by a poller that compares with the injected clock. A track belongs to the real world or to one exercise
 * (ADR 0006): the uid is kept per context, so an exercise track never replaces, or is replaced by, a real one. It
 * also belongs to its sender: while it is live, a position from anyone else under its uid is refused.
 */
public interface Tracks {

    /**
     * Puts the position on the picture; false (and nothing changes) when it is stale already, or when the live track
     * of that uid belongs to another sender.
     */
    boolean update(TrackPosition position);

    /** The tracks of the subject's context that the subject may read, newest first. */
    List<TrackPosition> latest(Subject subject);

    /** A track as a GeoJSON feature (RFC 7946), the shape the map draws. */
    static Map<String, Object> feature(TrackPosition t) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", t.type());
        properties.put("sidc", t.displayedSidc());
        properties.put("callsign", t.callsign());
        properties.put("time", t.time().toString());
        properties.put("stale", t.stale().toString());
        properties.put("classification", t.label().classification().name());
        properties.put("marking", t.label().marking());
        properties.put("exercise", t.exercise() != null);
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", t.uid());
        feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(t.lon(), t.lat())));
        feature.put("properties", properties);
        return feature;
    }

    /**
     * The symbol code with the exercise context when {@code exercise}: in a 20-digit APP-6D / 2525D code the third
     * digit (context) becomes 1; in a 15-character APP-6B / 2525C code the standard identity becomes its exercise
     * twin (pending G, unknown W, assumed friend M, friend D, neutral L, suspect J "joker", hostile K "faker").
     */
    static String sidcInContext(String sidc, boolean exercise) {
        if (!exercise) {
            return sidc;
        }
        if (sidc.length() >= 20 && sidc.chars().allMatch(Character::isDigit)) {
            return sidc.substring(0, 2) + '1' + sidc.substring(3);
        }
        if (sidc.length() >= 2) {
            char identity = switch (Character.toUpperCase(sidc.charAt(1))) {
                case 'P' -> 'G';
                case 'U' -> 'W';
                case 'A' -> 'M';
                case 'F' -> 'D';
                case 'N' -> 'L';
                case 'S' -> 'J';
                case 'H' -> 'K';
                default -> sidc.charAt(1);
            };
            return sidc.charAt(0) + String.valueOf(identity) + sidc.substring(2);
        }
        return sidc;
    }
}
