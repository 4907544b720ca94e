package org.kalkan.interop.cot;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A CoT event a TAK device sent to one instance of a cluster, as the other instances read it (issue 21): the event
 * as the node re-serialised it ({@code detail} without any {@code __kalkan} element), the label it travels under,
 * its originating nation and context, and the user who sent it (the holder of its uid).
 */
public record RelayedCot(String uid, String type, String how, Instant time, Instant start, Instant stale, double lat,
        double lon, double hae, double ce, double le, String detail, @Nullable String callsign, SecurityLabel label,
        @Nullable NationCode origin, @Nullable UUID exercise, NationCode senderNation, String sender) {

    static RelayedCot of(CotEvent event, SecurityLabel label, @Nullable NationCode origin, @Nullable UUID exercise,
            NationCode senderNation, String sender) {
        return new RelayedCot(event.uid(), event.type(), event.how(), event.time(), event.start(), event.stale(),
                event.lat(), event.lon(), event.hae(), event.ce(), event.le(), event.detail(), event.callsign(), label,
                origin, exercise, senderNation, sender);
    }

    /** Whether it is a position (latest SA, the live picture). */
    public boolean isPosition() {
        return type.startsWith("a-");
    }

    CotEvent event() {
        return new CotEvent(uid, type, how, time, start, stale, lat, lon, hae, ce, le, detail, callsign, label);
    }
}
