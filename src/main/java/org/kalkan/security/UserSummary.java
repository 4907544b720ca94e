package org.kalkan.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;

/** What other modules may know about a user: enough to address, list and check them. */
public record UserSummary(String username, String displayName, NationCode nation, Classification clearance,
        Set<Role> roles, boolean enabled, @Nullable String email) {

    public UserSummary {
        roles = Set.copyOf(roles);
    }

    public Subject subject() {
        return new Subject(username, nation, clearance, roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
