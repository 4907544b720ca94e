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
        releasableTo = java.util.Collections.unmodifiableSortedSet(entries(releasableTo));
    }

    /**
     * A label from any collection of entries (e.g. a request's list). A missing, null or blank entry is refused with an
     * {@link IllegalArgumentException} (a 400 naming {@code releasableTo}), never a {@link NullPointerException}.
     */
    public static SecurityLabel of(Classification classification, Collection<String> releasableTo) {
        return new SecurityLabel(classification, entries(releasableTo));
    }

    /** Checks every entry before sorting them: a TreeSet would fail on a null with a NullPointerException. */
    private static TreeSet<String> entries(Collection<String> releasableTo) {
        if (releasableTo == null || releasableTo.isEmpty()) {
            throw new IllegalArgumentException("a label needs at least one nation or community it is releasable to "
                    + "(releasableTo)");
        }
        for (String entry : releasableTo) {
            if (entry == null || entry.isBlank()) {
                throw new IllegalArgumentException("a releasability entry (releasableTo) is missing or blank");
            }
        }
        return new TreeSet<>(releasableTo);
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
