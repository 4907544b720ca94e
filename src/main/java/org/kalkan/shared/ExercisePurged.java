package org.kalkan.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * An exercise's director purged it: every module deletes the records it stored in that exercise's context, in the
 * same transaction as the purge (listeners are synchronous), so the purge is one action that commits or not at all.
 * Published by the exercise module; here because every module that stores exercise records listens to it and the
 * exercise module itself depends on those modules.
 */
public record ExercisePurged(UUID exerciseId, String purgedBy, Instant at) {
}
