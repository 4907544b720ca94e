package org.kalkan.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * One inject of the MSEL with its delivery state: {@code due} is the exercise time it is scheduled for,
 * {@code deliveredAt} the real instant and {@code deliveredAtExerciseTime} the exercise time of its (last)
 * delivery, {@code deliveredRef} what it became (e.g. {@code report:<id>}, {@code alert:<id>}). Its content is a
 * labelled record ({@code label}: the content's own, or the exercise's; {@code originNation}: of its author): a
 * reader the access policy does not let read it gets the inject {@link #withheld()}.
 */
public record Inject(UUID id, UUID exerciseId, int number, Duration at, StartCondition startCondition,
        @Nullable Integer afterNumber, InjectKind kind, String content, String from, List<String> to,
        ExpectedAction expectedAction, @Nullable String objective, @Nullable Integer contingencyNumber,
        @Nullable Duration deadline, InjectStatus status, boolean held, @Nullable Duration due,
        @Nullable Instant deliveredAt, @Nullable Duration deliveredAtExerciseTime, @Nullable String deliveredRef,
        int deliveries, boolean contingencyFired, @Nullable String lastError, int version, SecurityLabel label,
        NationCode originNation, boolean contentWithheld) {

    /** What a reader who may not read the content sees instead of it. */
    public static final String WITHHELD = "(withheld)";

    public Inject {
        to = List.copyOf(to);
    }

    /**
     * The inject as seen by a reader who may not read its content: its number, schedule, kind, recipients and state
     * stay (they are the MSEL's, under the exercise's label); its content, simulated sender, delivery reference and
     * delivery error are withheld.
     */
    public Inject withheld() {
        return new Inject(id, exerciseId, number, at, startCondition, afterNumber, kind, "{}", WITHHELD, to,
                expectedAction, objective, contingencyNumber, deadline, status, held, due, deliveredAt,
                deliveredAtExerciseTime, null, deliveries, contingencyFired, null, version, label, originNation, true);
    }
}
