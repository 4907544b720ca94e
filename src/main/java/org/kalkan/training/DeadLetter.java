package org.kalkan.training;

import java.time.Instant;
import java.util.UUID;
import org.kalkan.shared.SecurityLabel;

/**
 * A statement that reported a completion but could not be mapped to a person and a course (the silent failure
 * national exports are known for, made visible): kept with the reason for an administrator to see.
 */
public record DeadLetter(UUID id, UUID statementId, String system, Instant receivedAt, String reason,
        String document, SecurityLabel label) {
}
