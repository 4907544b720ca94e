package org.kalkan.cop;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * The latest known position of a track (a unit, a vehicle, a person with a device) as the map shows it.
 * {@code sidc} is an APP-6 / MIL-STD-2525 symbol code milsymbol draws, or null for a plain marker; the track
 * disappears at {@code stale}. The label and originating nation decide who sees it; {@code exercise} is the exercise
 * the track belongs to (null = real world), and only that context sees it (ADR 0006). The track belongs to who sent
 * it: its {@code origin} nation and, when known, the {@code sender} (a username); nobody else moves it.
 */
public record TrackPosition(String uid, String type, @Nullable String sidc, String callsign, double lat, double lon,
        Instant time, Instant stale, SecurityLabel label, @Nullable NationCode origin, @Nullable UUID exercise,
        @Nullable String sender) {

    /** A track whose sender is known by its nation alone. */
    public TrackPosition(String uid, String type, @Nullable String sidc, String callsign, double lat, double lon,
            Instant time, Instant stale, SecurityLabel label, @Nullable NationCode origin, @Nullable UUID exercise) {
        this(uid, type, sidc, callsign, lat, lon, time, stale, label, origin, exercise, null);
    }

    /** A real-world track. */
    public TrackPosition(String uid, String type, @Nullable String sidc, String callsign, double lat, double lon,
            Instant time, Instant stale, SecurityLabel label, @Nullable NationCode origin) {
        this(uid, type, sidc, callsign, lat, lon, time, stale, label, origin, null, null);
    }

    /** Whether this position comes from the same sender as {@code other} (then it may replace it). */
    public boolean sameSender(TrackPosition other) {
        return java.util.Objects.equals(origin, other.origin) && java.util.Objects.equals(sender, other.sender);
    }

    /** The symbol code as drawn: in an exercise with the exercise context (see {@link Tracks#sidcInContext}). */
    public @Nullable String displayedSidc() {
        return sidc == null ? null : Tracks.sidcInContext(sidc, exercise != null);
    }
}
