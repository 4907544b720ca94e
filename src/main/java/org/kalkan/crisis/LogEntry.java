package org.kalkan.crisis;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** One entry of the append-only crisis log; a correction names the entry it corrects. */
public record LogEntry(UUID id, long seq, CrisisId crisisId, Instant at, String author, LogEntryKind kind,
        String text, @Nullable UUID corrects, SecurityLabel label, NationCode originNation, @Nullable UUID exerciseId) {
}
