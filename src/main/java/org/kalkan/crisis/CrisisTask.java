package org.kalkan.crisis;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A crisis task; {@code overdueAt} is set once when the poller flags it overdue. */
public record CrisisTask(UUID id, CrisisId crisisId, String title, TaskOwner owner, Instant dueAt,
        TaskStatus status, @Nullable Instant overdueAt, String createdBy, Instant createdAt, String updatedBy,
        Instant updatedAt, SecurityLabel label, NationCode originNation, int version, @Nullable UUID exerciseId) {

    public boolean overdue() {
        return overdueAt != null && !status.isFinal();
    }
}
