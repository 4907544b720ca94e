package org.kalkan.council;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A member delegate broke silence on a version before its deadline; everyone is notified at once. */
public record SilenceBroken(DecisionId decisionId, int version, NationCode nation, String statement,
        SecurityLabel label, Instant at,
        @Nullable UUID exerciseId) {
}
