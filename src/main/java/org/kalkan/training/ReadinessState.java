package org.kalkan.training;

/**
 * A unit's readiness for a capability on a day, computed: {@code READY} certified and enough billets filled by
 * qualified people; {@code EXPIRING} ready, but the certification or enough qualifications lapse soon;
 * {@code DEGRADED} certified, but too few billets filled; {@code NOT_CERTIFIED} no certification valid that day.
 */
public enum ReadinessState {
    READY, EXPIRING, DEGRADED, NOT_CERTIFIED
}
