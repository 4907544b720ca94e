package org.kalkan.shared;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A classification and the releasability: nation codes and/or community names (such as {@code MEMBERS}).
 * Whether each entry names a known nation or community is decided by the access policy, which fails closed.
 */
public record SecurityLabel(Classification classification, SortedSet<String> releasableTo) {

    public SecurityLabel {
        if (classification == null) {
            throw new IllegalArgumentException("a label needs a classification");
        }
        if (releasableTo == null || releasableTo.isEmpty()) {
            throw new IllegalArgumentException("a label needs at least one nation or community it is releasable to");
        }
        releasableTo = new TreeSet<>(releasableTo);
        for (String entry : releasableTo) {
            if (entry == null || entry.isBlank()) {
                throw new IllegalArgumentException("a releasability entry is blank");
            }
        }
        releasableTo = java.util.Collections.unmodifiableSortedSet(releasableTo);
    }

    public static SecurityLabel of(Classification classification, Collection<String> releasableTo) {
        return new SecurityLabel(classification, new TreeSet<>(releasableTo));
    }

    public static SecurityLabel of(Classification classification, String... releasableTo) {
        return of(classification, List.of(releasableTo));
    }

    /** The marking as shown on screens and exports, e.g. {@code CONFIDENTIAL // REL TO AZE, TUR}. */
    public String marking() {
        return classification.name() + " // REL TO " + String.join(", ", releasableTo);
    }

    public Set<String> releasability() {
        return releasableTo;
    }
}
