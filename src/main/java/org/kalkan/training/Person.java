package org.kalkan.training;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.UnitId;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A person's training record; it belongs to their nation and carries a label. */
public record Person(PersonId id, String serviceNumber, String name, String rank, NationCode nation,
        @Nullable UnitId unit, Classification clearance, List<LanguageProfile> languages, SecurityLabel label,
        Instant createdAt, int version) {

    public Person {
        languages = List.copyOf(languages);
    }
}
