package org.kalkan.training;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A nomination was placed on the waiting list, moved up to a seat, moved back, or withdrawn. {@code from} is null
 * for a new nomination. {@code personLabel} governs the person's name; {@code sessionLabel} the session.
 */
public record NominationStatusChanged(NominationId nomination, SessionId session, String course, LocalDate start,
        PersonId person, NationCode nation, @Nullable NominationStatus from, NominationStatus to, String reason,
        SecurityLabel personLabel, SecurityLabel sessionLabel, NationCode sessionOrigin) {
}
