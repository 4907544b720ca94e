package org.kalkan.force;

/** How a unit can move between places. */
public enum MovementMode {
    ROAD,
    RAIL,
    SEA,
    AIR
}
