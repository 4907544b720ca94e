package org.kalkan.crisis;

import java.time.Instant;

/** An alert level changed: who, when, why and under which decision. */
public record AlertLevelChanged(AlertTarget target, AlertLevel from, AlertLevel to, String actor, Instant at,
        String reason, String decisionRef) {
}
