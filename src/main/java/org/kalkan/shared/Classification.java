package org.kalkan.shared;

import java.util.Arrays;
import java.util.Optional;

/** Classification levels in ascending order; the ordinal is the rank. */
public enum Classification {
    UNCLASSIFIED,
    RESTRICTED,
    CONFIDENTIAL,
    SECRET;

    public int rank() {
        return ordinal();
    }

    public boolean dominates(Classification other) {
        return rank() >= other.rank();
    }

    public static Optional<Classification> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }

    public static Classification ofRank(int rank) {
        if (rank < 0 || rank >= values().length) {
            throw new IllegalArgumentException("unknown classification rank " + rank);
        }
        return values()[rank];
    }
}
