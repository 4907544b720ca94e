package org.kalkan.training;

import java.time.LocalDate;
import org.kalkan.force.Capability;
import org.kalkan.force.UnitId;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A unit's certification for a capability lapsed on {@code expiredOn} without a newer one: from that day it is not
 * sourced for requirements that ask for certification. {@code label} is the unit's; {@code unitName} is how people
 * name it (an alert never shows the unit's id).
 */
public record UnitCertificationLapsed(UnitId unit, String unitName, NationCode nation, Capability capability,
        LocalDate expiredOn, SecurityLabel label) {
}
