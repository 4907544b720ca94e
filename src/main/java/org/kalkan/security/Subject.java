package org.kalkan.security;

import java.util.Set;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;

/** Who is asking: the input of every access decision. */
public record Subject(String username, NationCode nation, Classification clearance, Set<Role> roles) {

    public Subject {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
