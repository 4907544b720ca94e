package org.kalkan.notification;

import java.util.Set;
import org.kalkan.security.Role;
import org.kalkan.shared.NationCode;

/** Whom an alert is for: named users, every user holding a role, every user of a nation. Resolved at send time. */
public record Recipients(Set<String> users, Set<Role> roles, Set<NationCode> nations) {

    public Recipients {
        users = Set.copyOf(users);
        roles = Set.copyOf(roles);
        nations = Set.copyOf(nations);
    }

    public static Recipients users(String... usernames) {
        return new Recipients(Set.of(usernames), Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return users.isEmpty() && roles.isEmpty() && nations.isEmpty();
    }
}
