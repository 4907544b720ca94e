package org.kalkan.members;

import org.kalkan.shared.NationCode;

/** A nation known to this node: a member state or an observer. */
public record Nation(NationCode code, String name, NationStatus status) {

    public boolean isMember() {
        return status == NationStatus.MEMBER;
    }
}
