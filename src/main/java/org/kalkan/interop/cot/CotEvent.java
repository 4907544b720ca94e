package org.kalkan.interop.cot;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * One Cursor-on-Target event as the node handles it. {@code detail} is the content of {@code <detail>} already
 * re-serialised by the node (never the sender's bytes), without any {@code __kalkan} element; {@code label} is
 * the label the event carried, if any.
 */
record CotEvent(String uid, String type, String how, Instant time, Instant start, Instant stale, double lat,
        double lon, double hae, double ce, double le, String detail, @Nullable String callsign,
        @Nullable SecurityLabel label) {

    static final double UNKNOWN = 9999999.0;

    boolean isPosition() {
        return type.startsWith("a-");
    }

    /** Chat and emergencies overtake positions in every subscriber's queue. */
    boolean isUrgent() {
        return type.startsWith("b-t-f") || type.startsWith("b-a-o-") || type.startsWith("t-x-c-t");
    }

    CotEvent withUid(String sameUid) {
        return new CotEvent(sameUid, type, how, time, start, stale, lat, lon, hae, ce, le, detail, callsign, label);
    }

    CotEvent withLabel(SecurityLabel newLabel) {
        return new CotEvent(uid, type, how, time, start, stale, lat, lon, hae, ce, le, detail, callsign, newLabel);
    }
}
