package org.kalkan.security.internal;

import java.io.Serializable;
import java.util.Set;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;

/** The authenticated user as held in the session or resolved from a bearer token. */
public record KalkanPrincipal(String username, String displayName, NationCode nation, Classification clearance,
        Set<Role> roles, String locale) implements Serializable, PrincipalHolder,
        org.springframework.security.core.AuthenticatedPrincipal {

    public KalkanPrincipal {
        roles = Set.copyOf(roles);
    }

    @Override
    public KalkanPrincipal kalkanPrincipal() {
        return this;
    }

    public Subject subject() {
        return new Subject(username, nation, clearance, roles);
    }

    /** Shown on screens, e.g. {@code SECRET}. */
    public String clearanceName() {
        return clearance.name();
    }

    @Override
    public String getName() {
        return username;
    }

    static KalkanPrincipal of(UserAccount account) {
        return new KalkanPrincipal(account.username(), account.displayName(), account.nation(),
                account.clearance(), account.roles(), account.locale());
    }
}
