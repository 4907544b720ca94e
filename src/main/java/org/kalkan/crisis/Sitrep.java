package org.kalkan.crisis;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A numbered situation report: a draft is edited until issued, then it never changes. */
public record Sitrep(CrisisId crisisId, int number, Status status, Instant periodFrom, Instant periodTo,
        CrisisPhase phase, SitrepSections sections, String createdBy, Instant createdAt, Instant updatedAt,
        @Nullable String issuedBy, @Nullable Instant issuedAt, SecurityLabel label, NationCode originNation,
        int version, @Nullable UUID exerciseId) {

    public enum Status { DRAFT, ISSUED }

    public boolean issued() {
        return status == Status.ISSUED;
    }
}
