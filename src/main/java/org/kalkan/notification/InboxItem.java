package org.kalkan.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** An alert in one recipient's inbox, with that recipient's own status and deadline. */
public record InboxItem(AlertId id, String text, Precedence precedence, SecurityLabel label,
        NationCode originNation, String sender, Instant sentAt, @Nullable UUID exerciseId,
        @Nullable AlertId escalatedFrom, RecipientStatus status, Instant ackDeadline, @Nullable Instant acknowledgedAt) {

    /** Whether an acknowledgement at {@code now} would be accepted. */
    public boolean acknowledgeable(Instant now) {
        return status == RecipientStatus.PENDING && now.isBefore(ackDeadline);
    }
}
