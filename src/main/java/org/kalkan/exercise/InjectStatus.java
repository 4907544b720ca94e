package org.kalkan.exercise;

/** {@code PLANNED → SCHEDULED → DELIVERED | CANCELLED}; a held inject stays scheduled but is not delivered. */
public enum InjectStatus {
    PLANNED, SCHEDULED, DELIVERED, CANCELLED
}
