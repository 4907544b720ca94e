package org.kalkan.crisis;

/** Why a crisis log entry was written: by a person ({@code NOTE}, {@code CORRECTION}) or by an event. */
public enum LogEntryKind {
    NOTE,
    CORRECTION,
    CRISIS_OPENED,
    PHASE_CHANGED,
    TEAM_CHANGED,
    INCIDENT_ATTACHED,
    INCIDENT_UPDATED,
    TASK_CREATED,
    TASK_UPDATED,
    TASK_OVERDUE,
    RFI_CREATED,
    RFI_ANSWERED,
    RFI_CLOSED,
    RFI_OVERDUE,
    SITREP_PREPARED,
    SITREP_ISSUED,
    DECISION_ADOPTED,
    MEASURE_ACTIVATED,
    ALERT_ESCALATED,
    ALERT_LEVEL_CHANGED,
    SYSTEM;

    /** Entries a person may write through the API; the rest are written by the system. */
    public boolean personal() {
        return this == NOTE || this == CORRECTION;
    }
}
