package org.kalkan.crisis;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A request for information addressed to nations, with a deadline; {@code answers} holds those the reader may read. */
public record Rfi(UUID id, CrisisId crisisId, String question, SortedSet<NationCode> addressedTo, Instant deadline,
        Status status, @Nullable Instant overdueAt, String createdBy, Instant createdAt, @Nullable String closedBy,
        @Nullable Instant closedAt, @Nullable String closingNote, SecurityLabel label, NationCode originNation,
        int version, List<RfiAnswer> answers, @Nullable UUID exerciseId) {

    public enum Status { OPEN, CLOSED }

    public Rfi {
        answers = List.copyOf(answers);
    }

    public Rfi withAnswers(List<RfiAnswer> readable) {
        return new Rfi(id, crisisId, question, addressedTo, deadline, status, overdueAt, createdBy, createdAt, closedBy,
                closedAt, closingNote, label, originNation, version, readable, exerciseId);
    }
}
