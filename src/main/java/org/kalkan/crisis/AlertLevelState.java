package org.kalkan.crisis;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * The current alert level of a target and the last change that set it; {@code decisionLabel} is the label of the
 * Council decision it was set under (null for a change by hand), and decides who sees {@code decisionRef}.
 */
public record AlertLevelState(AlertTarget target, AlertLevel level, Instant changedAt, String changedBy,
        String reason, String decisionRef, @Nullable SecurityLabel decisionLabel) {

    /** The same state with the decision's register number replaced by {@code withheld}. */
    public AlertLevelState withheld(String withheld) {
        return new AlertLevelState(target, level, changedAt, changedBy, reason, withheld, decisionLabel);
    }
}
