package org.kalkan.training;

import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * A nomination on a session's roster. The person's name, rank and label are there only when the reader may read
 * the person's record; otherwise the reader sees the nation and the status, not who.
 */
public record RosterEntry(Nomination nomination, @Nullable String name, @Nullable String rank,
        @Nullable SecurityLabel personLabel) {

    public boolean hidden() {
        return name == null;
    }
}
