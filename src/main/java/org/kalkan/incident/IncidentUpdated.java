package org.kalkan.incident;

import org.jspecify.annotations.Nullable;

/** An incident changed (status, merge, re-attachment). {@code mergedInto} is set when it was merged away. */
public record IncidentUpdated(IncidentSummary incident, String change, @Nullable IncidentId mergedInto) {
}
