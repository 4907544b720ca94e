package org.kalkan.training;

import java.time.Instant;

/** A statement as the record store keeps it: when stored, on whose authority, in which xAPI version. */
public record StoredStatement(LearningStatement statement, Instant stored, String authority, String version) {
}
