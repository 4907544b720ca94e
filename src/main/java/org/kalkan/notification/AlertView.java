package org.kalkan.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** An alert with every recipient's status, as its sender, recipients and the watch see it. */
public record AlertView(AlertId id, String text, Precedence precedence, SecurityLabel label, NationCode originNation,
        String sender, Instant sentAt, Duration ackWithin, @Nullable UUID crisisId, @Nullable UUID exerciseId,
        @Nullable AlertId escalatedFrom, List<Recipient> recipients) {

    public AlertView {
        recipients = List.copyOf(recipients);
    }

    /** One resolved recipient and what became of the alert for them. */
    public record Recipient(String username, NationCode nation, RecipientStatus status, Instant ackDeadline,
            @Nullable Instant acknowledgedAt, @Nullable Instant escalatedAt, @Nullable AlertId escalationAlertId) {
    }
}
