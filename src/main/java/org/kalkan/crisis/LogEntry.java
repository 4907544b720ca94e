package org.kalkan.crisis;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * One entry of the append-only crisis log; a correction names the entry it corrects. {@code seq} orders entries;
 * what a reader is given is their entry's number among the entries of the crisis <em>they may read</em>
 * ({@link #numbered}), never the node's global counter, which would count records hidden from them.
 */
public record LogEntry(UUID id, long seq, CrisisId crisisId, Instant at, String author, LogEntryKind kind,
        String text, @Nullable UUID corrects, SecurityLabel label, NationCode originNation, @Nullable UUID exerciseId) {

    /** The same entry numbered {@code number} (its position among the entries its reader may see). */
    public LogEntry numbered(long number) {
        return new LogEntry(id, number, crisisId, at, author, kind, text, corrects, label, originNation, exerciseId);
    }
}
