package org.kalkan.cop;

import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.shared.SecurityLabel;

/**
 * On an instance of a cluster: another instance changed an incident, and this instance read it again from the
 * database as it stands now ({@code incident}; no report left when {@link #emptied()}). {@code previousLabel} is its
 * label before the change when that narrowed. Published synchronously on the instance that heard the signal, for
 * its own live views (the TAK markers) — never persisted, never signalled again. Each listener gives it to its own
 * recipients through the access policy.
 */
public record IncidentChangedElsewhere(IncidentSummary incident, @Nullable SecurityLabel previousLabel) {

    public boolean emptied() {
        return incident.reportCount() == 0;
    }
}
