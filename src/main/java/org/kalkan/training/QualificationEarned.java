package org.kalkan.training;

import java.time.LocalDate;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A person earned (or renewed) a qualification; {@code label} is the person's record's. */
public record QualificationEarned(PersonId person, NationCode nation, String qualification, String course,
        LocalDate earnedOn, LocalDate validUntil, String evidence, SecurityLabel label) {
}
