package org.kalkan.crisis;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A numbered situation report: a draft is edited until issued, then it never changes. Its {@code number} is the one
 * its reader knows it by — its position among the SITREPs of the crisis they may read — so that numbers never count
 * SITREPs hidden from them.
 */
public record Sitrep(CrisisId crisisId, int number, Status status, Instant periodFrom, Instant periodTo,
        CrisisPhase phase, SitrepSections sections, String createdBy, Instant createdAt, Instant updatedAt,
        @Nullable String issuedBy, @Nullable Instant issuedAt, SecurityLabel label, NationCode originNation,
        int version, @Nullable UUID exerciseId) {

    public enum Status { DRAFT, ISSUED }

    public boolean issued() {
        return status == Status.ISSUED;
    }

    /** The same SITREP under the number its reader knows it by (its position among those they may read). */
    public Sitrep numbered(int shown) {
        return new Sitrep(crisisId, shown, status, periodFrom, periodTo, phase, sections, createdBy, createdAt,
                updatedAt, issuedBy, issuedAt, label, originNation, version, exerciseId);
    }
}
