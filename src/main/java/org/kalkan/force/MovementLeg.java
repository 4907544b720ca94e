package org.kalkan.force;

/** One stretch of a movement in one mode, with the time to board that mode included in {@code hours}. */
public record MovementLeg(String from, String to, MovementMode mode, double km, double hours) {
}
