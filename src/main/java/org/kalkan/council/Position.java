package org.kalkan.council;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;

/** A member nation's position on one version of a decision under consensus. */
public record Position(int version, NationCode nation, PositionKind kind, @Nullable String statement,
        String recordedBy, Instant recordedAt) {
}
