package org.kalkan.incident;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kalkan.incident.internal.IncidentRefs;
import org.kalkan.security.Subject;
import org.kalkan.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Names an incident the way people do: by its human reference ({@code INC-2026-0142}) or, from pages and clients
 * that picked it, by its id. Either way the incident is found through {@link Incidents#find} for the caller, so a
 * reference to an incident the caller may not read is as unknown as one that does not exist.
 */
@Service
public class IncidentReferences {

    private static final Pattern REF = Pattern.compile("INC-\\d{4}-\\d{4,}");

    private final Incidents incidents;
    private final IncidentRefs refs;

    IncidentReferences(Incidents incidents, IncidentRefs refs) {
        this.incidents = incidents;
        this.refs = refs;
    }

    /** The incident {@code reference} names (a reference or an id), if the caller may read it; else 404. */
    public IncidentSummary resolve(Subject subject, String reference) {
        String given = reference.trim();
        String upper = given.toUpperCase(Locale.ROOT);
        if (REF.matcher(upper).matches()) {
            UUID id = refs.idOf(upper).orElseThrow(() -> NotFoundException.noVisible("incident"));
            return incidents.find(subject, new IncidentId(id));
        }
        UUID id;
        try {
            id = UUID.fromString(given);
        } catch (IllegalArgumentException notAnId) {
            throw new IllegalArgumentException("name an incident by its reference, such as INC-2026-0142");
        }
        return incidents.find(subject, new IncidentId(id));
    }
}
