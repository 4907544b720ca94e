package org.kalkan.security.internal;

import org.jspecify.annotations.Nullable;
import org.kalkan.security.Credentials;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** {@link Credentials} from the API tokens, the metrics token, the accounts and the OIDC mapping. */
@Component
class CredentialChecks implements Credentials {

    private final ApiTokens tokens;
    private final MetricsToken metrics;
    private final Authenticator authenticator;
    private final OidcAccounts oidcAccounts;

    CredentialChecks(ApiTokens tokens, MetricsToken metrics, Authenticator authenticator, OidcAccounts oidcAccounts) {
        this.tokens = tokens;
        this.metrics = metrics;
        this.authenticator = authenticator;
        this.oidcAccounts = oidcAccounts;
    }

    @Override
    public BearerCheck bearer(String token) {
        ApiTokens.Resolution resolution = tokens.resolve(token);
        if (resolution instanceof ApiTokens.Invalid invalid) {
            return new Refused(invalid.reason());
        }
        ApiTokens.Valid valid = (ApiTokens.Valid) resolution;
        KalkanPrincipal principal = valid.principal();
        var authorities = principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return new Accepted(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities),
                valid.tokenId());
    }

    @Override
    public boolean isMetricsToken(@Nullable String presented) {
        return metrics.matches(presented);
    }

    @Override
    public AuthenticationProvider formLogin() {
        return new TotpAwareAuthenticationProvider(authenticator);
    }

    @Override
    public OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers() {
        return oidcAccounts.userService();
    }
}
