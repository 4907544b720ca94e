package org.kalkan.crisis;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * An alert level changed: who, when, why and under which decision ({@code decisionLabel}: the label of the Council
 * decision, null for a change by hand).
 */
public record AlertLevelChanged(AlertTarget target, AlertLevel from, AlertLevel to, String actor, Instant at,
        String reason, String decisionRef, @Nullable SecurityLabel decisionLabel) {

    /** The same change with the decision's register number replaced by {@code withheld}. */
    public AlertLevelChanged withheld(String withheld) {
        return new AlertLevelChanged(target, from, to, actor, at, reason, withheld, decisionLabel);
    }
}
