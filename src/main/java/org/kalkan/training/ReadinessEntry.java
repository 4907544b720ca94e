package org.kalkan.training;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Capability;
import org.kalkan.force.UnitId;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A cell of the readiness board: a unit and capability on a day, with what decided its state; the unit's label. */
public record ReadinessEntry(UnitId unit, String unitName, NationCode nation, Capability capability,
        LocalDate day, ReadinessState state, @Nullable LocalDate certifiedUntil, int required, int filled,
        String reason, SecurityLabel label) {
}
