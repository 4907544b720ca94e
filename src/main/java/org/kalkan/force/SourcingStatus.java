package org.kalkan.force;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a nation's contribution to a requirement stands: {@code REQUESTED → OFFERED → ACCEPTED | DECLINED →
 * ACTIVATED → DEPLOYED → RELEASED}. A request is REQUESTED, then OFFERED (the nation offered a unit) or DECLINED;
 * an offer is OFFERED, ACCEPTED when a plan using it goes to the Council, ACTIVATED when the Council adopts it,
 * then DEPLOYED and RELEASED. Any other change is refused.
 */
public enum SourcingStatus {
    REQUESTED,
    OFFERED,
    ACCEPTED,
    DECLINED,
    ACTIVATED,
    DEPLOYED,
    RELEASED;

    /** The statuses this one may change to. */
    public Set<SourcingStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(OFFERED, DECLINED);
            case OFFERED -> EnumSet.of(ACCEPTED, DECLINED);
            case ACCEPTED -> EnumSet.of(ACTIVATED);
            case ACTIVATED -> EnumSet.of(DEPLOYED);
            case DEPLOYED -> EnumSet.of(RELEASED);
            case DECLINED, RELEASED -> EnumSet.noneOf(SourcingStatus.class);
        };
    }

    public boolean mayBecome(SourcingStatus target) {
        return next().contains(target);
    }
}
