package org.kalkan.crisis;

import java.time.Instant;

/** The current alert level of a target and the last change that set it. */
public record AlertLevelState(AlertTarget target, AlertLevel level, Instant changedAt, String changedBy,
        String reason, String decisionRef) {
}
