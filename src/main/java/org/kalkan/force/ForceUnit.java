package org.kalkan.force;

import java.time.Instant;
import org.kalkan.shared.NationCode;

/** A registered national unit. */
public record ForceUnit(UnitId id, NationCode nation, UnitDetails details, Instant updatedAt, int version) {
}
