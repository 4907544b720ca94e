package org.kalkan.interop.taxii;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a TAXII answer in {@code date_added} order: {@code more} when a later page exists, and its token. */
public record ObjectPage(List<StixEntry> entries, boolean more, @Nullable String next) {

    public ObjectPage {
        entries = List.copyOf(entries);
    }
}
