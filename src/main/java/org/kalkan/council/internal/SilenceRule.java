package org.kalkan.council.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kalkan.council.Procedure;
import org.kalkan.council.SilenceBreak;
import org.kalkan.shared.NationCode;

/**
 * The silence procedure's rule for a break: a member state breaks the silence of a decision under the silence
 * procedure that is not final, strictly before its deadline (from the deadline on it is adopted, see
 * {@link DecisionRow#silenceEndedBy}), and once per version.
 */
final class SilenceRule {

    private SilenceRule() {
    }

    /**
     * Why {@code nation}'s break at {@code now} is refused, in words for the delegate, or empty when it is accepted;
     * {@code currentBreaks} are those of the decision's current version.
     */
    static Optional<String> refusal(DecisionRow row, List<SilenceBreak> currentBreaks, NationCode nation,
            Instant now) {
        if (row.procedure() != Procedure.SILENCE || row.silenceEndsAt() == null) {
            return Optional.of("This decision is taken by consensus: take a position instead.");
        }
        if (row.status().isFinal()) {
            return Optional.of("The decision is " + row.status() + " and can no longer change.");
        }
        if (!now.isBefore(row.silenceEndsAt())) {
            return Optional.of("Silence ended at " + row.silenceEndsAt() + ": the decision is adopted; "
                    + "a break must arrive before the deadline.");
        }
        if (currentBreaks.stream().anyMatch(b -> b.nation().equals(nation))) {
            return Optional.of(nation + " has already broken silence on version " + row.version() + ".");
        }
        return Optional.empty();
    }
}
