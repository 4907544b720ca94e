package org.kalkan.training;

import org.jspecify.annotations.Nullable;

/**
 * How many people of a nation (and unit) hold a qualification valid today, and how many of those expire soon: the
 * aggregate everyone may see, without names. {@code unitName} is there when the reader may read the unit.
 */
public record QualifiedCount(String nation, @Nullable String unitName, String qualification, int qualified,
        int expiringSoon) {
}
