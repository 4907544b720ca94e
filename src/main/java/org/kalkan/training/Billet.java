package org.kalkan.training;

import org.kalkan.force.Capability;

/** For a unit's capability: how many of its people must hold a qualification. */
public record Billet(Capability capability, String qualification, int required) {

    public Billet {
        if (capability == null) {
            throw new IllegalArgumentException("billets: capability is required");
        }
        qualification = Course.code(qualification, "billets.qualification");
        if (required < 1 || required > 10_000) {
            throw new IllegalArgumentException("billets: required must be between 1 and 10000");
        }
    }
}
