package org.kalkan.crisis;

import org.kalkan.crisis.internal.CrisisAccess;
import org.kalkan.crisis.internal.CrisisStore;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.IncidentUpdated;
import org.kalkan.shared.SecurityLabel;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes a change of an attached incident (status, merge, re-attachment) into the log of every crisis it is
 * attached to. The entry carries the crisis's label when that covers the incident's, else the incident's own.
 */
@Component
class IncidentActivity {

    private final CrisisStore crises;
    private final CrisisAccess access;
    private final CrisisLog log;

    IncidentActivity(CrisisStore crises, CrisisAccess access, CrisisLog log) {
        this.crises = crises;
        this.access = access;
        this.log = log;
    }

    @ApplicationModuleListener
    void on(IncidentUpdated updated) {
        IncidentSummary incident = updated.incident();
        for (CrisisId id : crises.withIncident(incident.id())) {
            // Only a crisis of the incident's own context hears of it (ADR 0006).
            crises.lock(id).filter(c -> java.util.Objects.equals(c.exerciseId(), incident.exerciseId()))
                    .ifPresent(crisis -> {
                SecurityLabel label = access.covers(crisis.label(), incident.label()) ? crisis.label()
                        : incident.label();
                log.system(crisis, "incident", LogEntryKind.INCIDENT_UPDATED, "Incident " + incident.title() + ": "
                        + updated.change() + " (now " + incident.status() + ")"
                        + (updated.mergedInto() == null ? "" : ", merged into " + updated.mergedInto()), label);
            });
        }
    }
}
