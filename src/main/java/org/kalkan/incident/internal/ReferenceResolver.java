package org.kalkan.incident.internal;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentReferences;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.Incidents;
import org.kalkan.security.Subject;
import org.kalkan.shared.NotFoundException;
import org.springframework.stereotype.Service;

/** {@link IncidentReferences} through the reference index and {@link Incidents#find}. */
@Service("incidentReferences")
class ReferenceResolver implements IncidentReferences {

    private static final Pattern REF = Pattern.compile("INC-\\d{4}-\\d{4,}");

    private final Incidents incidents;
    private final IncidentRefs refs;

    ReferenceResolver(Incidents incidents, IncidentRefs refs) {
        this.incidents = incidents;
        this.refs = refs;
    }

    @Override
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
