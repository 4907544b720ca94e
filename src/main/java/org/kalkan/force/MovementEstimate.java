package org.kalkan.force;

import java.time.Instant;
import java.util.List;

/** Notice to move, then the legs: the estimated arrival and the total hours from now. */
public record MovementEstimate(double noticeToMoveHours, List<MovementLeg> legs, double totalHours,
        Instant estimatedArrival) {
}
