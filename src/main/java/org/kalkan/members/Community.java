package org.kalkan.members;

import java.util.Set;
import org.kalkan.shared.NationCode;

/** A named group of nations, e.g. {@code MEMBERS}, usable in a label's releasability. */
public record Community(String name, String description, Set<NationCode> nations) {

    public Community {
        nations = Set.copyOf(nations);
    }
}
