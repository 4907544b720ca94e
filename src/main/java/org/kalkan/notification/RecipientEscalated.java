package org.kalkan.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A recipient let the deadline pass without acknowledging; {@code escalationAlertId} is the new alert to their
 * nation's points of contact and the watch officers (null when nobody cleared for the label could be found).
 * Carries the original alert's {@code crisisId} and label so the crisis module can log it.
 */
public record RecipientEscalated(AlertId alertId, String username, NationCode nation, Instant deadline,
        Instant escalatedAt, @Nullable AlertId escalationAlertId, SecurityLabel label, @Nullable UUID crisisId,
        @Nullable UUID exerciseId) {
}
