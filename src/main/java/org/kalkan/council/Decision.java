package org.kalkan.council;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A Council decision as a reader sees it: its current status and version, every version circulated, and the
 * positions and silence breaks of all versions with their times. Adopted decisions carry a register number; a
 * decision refused when it was to take effect says why ({@code notAdoptedReason}).
 */
public record Decision(DecisionId id, Procedure procedure, DecisionStatus status, int version, String title,
        String text, @Nullable Instant silenceEndsAt, SecurityLabel label, NationCode originNation,
        @Nullable UUID crisisId, @Nullable ConsultationId consultationId, @Nullable String registerNumber,
        @Nullable Instant adoptedAt, @Nullable Instant closedAt, String createdBy, Instant createdAt,
        List<MeasureOrder> measures, List<DecisionVersion> versions, List<Position> positions,
        List<SilenceBreak> silenceBreaks, List<MeasureActivation> activations, @Nullable UUID exerciseId,
        @Nullable String notAdoptedReason) {

    public Decision {
        measures = List.copyOf(measures);
        versions = List.copyOf(versions);
        positions = List.copyOf(positions);
        silenceBreaks = List.copyOf(silenceBreaks);
        activations = List.copyOf(activations);
    }

    /** Positions taken on the current version. */
    public List<Position> currentPositions() {
        return positions.stream().filter(p -> p.version() == version).toList();
    }

    /** Silence breaks of the current version. */
    public List<SilenceBreak> currentBreaks() {
        return silenceBreaks.stream().filter(b -> b.version() == version).toList();
    }

    public Optional<Position> positionOf(NationCode nation) {
        return currentPositions().stream().filter(p -> p.nation().equals(nation)).findFirst();
    }
}
