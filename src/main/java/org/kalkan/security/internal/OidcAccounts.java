package org.kalkan.security.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.SecurityProperties;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OIDC login: the identity provider's claims carry nation, roles and clearance. A login with a missing or
 * unknown value is refused (fail closed). The account is created or updated locally, so audit and tokens work
 * the same way for every user.
 */
@Service
class OidcAccounts {

    private final SecurityProperties properties;
    private final NationDirectory nations;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OidcAccounts(SecurityProperties properties, NationDirectory nations, UserAccounts accounts, AuditTrail audit,
            TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.nations = nations;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            KalkanPrincipal principal = map(user.getClaims());
            transactions.executeWithoutResult(status -> provision(principal));
            var authorities = principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                    .toList();
            return new KalkanOidcUser(authorities, user, principal);
        };
    }

    /** Maps the configured claims to a principal, refusing anything missing or unknown. */
    KalkanPrincipal map(java.util.Map<String, Object> claims) {
        SecurityProperties.Oidc oidc = properties.oidc();
        String username = text(claims, oidc.usernameClaim());
        String nation = text(claims, oidc.nationClaim());
        if (!nations.isKnownNation(nation)) {
            throw refused("unknown nation '" + nation + "' in claim " + oidc.nationClaim());
        }
        Classification clearance = Classification.parse(text(claims, oidc.clearanceClaim()))
                .orElseThrow(() -> refused("unknown clearance in claim " + oidc.clearanceClaim()));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object rawRoles = claims.get(oidc.rolesClaim());
        Collection<?> roleNames = rawRoles instanceof Collection<?> c ? c
                : rawRoles == null ? List.of() : List.of(rawRoles.toString().split("[ ,]+"));
        for (Object name : roleNames) {
            try {
                roles.add(Role.valueOf(name.toString()));
            } catch (IllegalArgumentException e) {
                // Roles of other applications in the same identity provider are ignored, not granted.
            }
        }
        String displayName = claims.getOrDefault("name", username).toString();
        return new KalkanPrincipal(username.toLowerCase(java.util.Locale.ROOT), displayName, NationCode.of(nation),
                clearance, roles, "en");
    }

    private void provision(KalkanPrincipal p) {
        if (accounts.exists(p.username())) {
            accounts.updateExternal(p.username(), p.displayName(), p.nation(), p.clearance(), p.roles());
        } else {
            accounts.create(p.username(), p.displayName(), p.nation(), p.clearance(), p.roles(), null, "oidc",
                    clock.instant());
        }
        audit.record(p.username(), "LOGIN", "user:" + p.username(),
                "OIDC; nation " + p.nation() + ", clearance " + p.clearance() + ", roles " + p.roles());
    }

    private static String text(java.util.Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null || value.toString().isBlank()) {
            throw refused("missing claim " + name);
        }
        return value.toString();
    }

    private static OAuth2AuthenticationException refused(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", reason, null), reason);
    }

    /** An OIDC user that also carries the Kalkan principal. */
    static final class KalkanOidcUser extends DefaultOidcUser implements PrincipalHolder {

        private final KalkanPrincipal principal;

        KalkanOidcUser(Collection<SimpleGrantedAuthority> authorities, OidcUser user, KalkanPrincipal principal) {
            super(authorities, user.getIdToken(), user.getUserInfo(), "sub");
            this.principal = principal;
        }

        @Override
        public KalkanPrincipal kalkanPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.username();
        }
    }
}
