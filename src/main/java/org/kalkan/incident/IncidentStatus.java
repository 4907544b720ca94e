package org.kalkan.incident;

import java.util.EnumSet;
import java.util.Set;

/** NEW → ASSESSED → MONITORING | ESCALATED → CLOSED; a watch officer moves an incident along. */
public enum IncidentStatus {
    NEW,
    ASSESSED,
    MONITORING,
    ESCALATED,
    CLOSED;

    public Set<IncidentStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ASSESSED, CLOSED);
            case ASSESSED -> EnumSet.of(MONITORING, ESCALATED, CLOSED);
            case MONITORING -> EnumSet.of(ESCALATED, CLOSED);
            case ESCALATED -> EnumSet.of(MONITORING, CLOSED);
            case CLOSED -> EnumSet.noneOf(IncidentStatus.class);
        };
    }

    public boolean canMoveTo(IncidentStatus target) {
        return next().contains(target);
    }
}
