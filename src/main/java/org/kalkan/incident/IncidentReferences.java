package org.kalkan.incident;

import org.kalkan.security.Subject;

/**
 * Names an incident the way people do: by its human reference ({@code INC-2026-0142}) or, from pages and clients
 * that picked it, by its id. Either way the incident is found through {@link Incidents#find} for the caller, so a
 * reference to an incident the caller may not read is as unknown as one that does not exist.
 */
public interface IncidentReferences {

    /** The incident {@code reference} names (a reference or an id), if the caller may read it; else 404. */
    IncidentSummary resolve(Subject subject, String reference);
}
