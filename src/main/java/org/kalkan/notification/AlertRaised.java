package org.kalkan.notification;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/** An alert was stored for its resolved recipients (usernames); published in the sending transaction. */
public record AlertRaised(AlertId alertId, Precedence precedence, SecurityLabel label, String sender,
        Set<String> recipients, Instant sentAt, @Nullable UUID crisisId, @Nullable UUID exerciseId,
        @Nullable AlertId escalatedFrom) {

    public AlertRaised {
        recipients = Set.copyOf(recipients);
    }
}
