package org.kalkan.incident;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * An incident changed (status, merge, re-attachment, a report relabelled or withdrawn), and every field of it was
 * derived again from the reports it now holds. {@code mergedInto} is set when it was merged away. An incident left
 * without reports ({@link #emptied()}) keeps no field of them: listeners remove it. {@code previousLabel} is the
 * label before the change when it changed: whoever could read that one but not the new one must be told the
 * incident is gone from their picture.
 */
public record IncidentUpdated(IncidentSummary incident, String change, @Nullable IncidentId mergedInto,
        @Nullable SecurityLabel previousLabel) {

    public IncidentUpdated(IncidentSummary incident, String change, @Nullable IncidentId mergedInto) {
        this(incident, change, mergedInto, null);
    }

    /** The context the incident belongs to: null for the real world, else its exercise (ADR 0006). */
    public @Nullable UUID exerciseId() {
        return incident.exerciseId();
    }

    /** Whether the incident holds no report any more (merged away, split out or withdrawn). */
    public boolean emptied() {
        return incident.reportCount() == 0;
    }
}
