package org.kalkan.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A recipient acknowledged an alert before its deadline. */
public record AlertAcknowledged(AlertId alertId, String username, Instant acknowledgedAt, @Nullable UUID crisisId,
        @Nullable UUID exerciseId) {
}
