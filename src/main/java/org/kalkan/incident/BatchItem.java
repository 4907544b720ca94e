package org.kalkan.incident;

import org.jspecify.annotations.Nullable;

/**
 * One item of a batch of reports as it arrived: a report, or why it could not be read at all (bad JSON, a missing or
 * malformed field). A batch is validated as a whole, so every bad item is named together.
 */
public record BatchItem(@Nullable NewReport report, @Nullable String unreadable) {

    public BatchItem {
        if ((report == null) == (unreadable == null)) {
            throw new IllegalArgumentException("an item is either a report or unreadable");
        }
    }

    public static BatchItem of(NewReport report) {
        return new BatchItem(report, null);
    }

    public static BatchItem unreadable(String why) {
        return new BatchItem(null, why);
    }
}
