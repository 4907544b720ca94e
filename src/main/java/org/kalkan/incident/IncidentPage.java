package org.kalkan.incident;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of incidents the caller may read, and the cursor of the next page (null on the last). */
public record IncidentPage(List<IncidentSummary> items, @Nullable String next) {
}
