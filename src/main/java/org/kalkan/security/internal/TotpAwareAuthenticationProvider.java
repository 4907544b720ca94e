package org.kalkan.security.internal;

import org.kalkan.security.Credentials.LoginDetails;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The login form's provider: username, password and the optional one-time code field {@code totp}. */
class TotpAwareAuthenticationProvider implements AuthenticationProvider {

    private final Authenticator authenticator;

    TotpAwareAuthenticationProvider(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        LoginDetails details = authentication.getDetails() instanceof LoginDetails login ? login : null;
        KalkanPrincipal principal = authenticator.authenticate(authentication.getName(),
                String.valueOf(authentication.getCredentials()), details == null ? null : details.totp(),
                details == null ? "unknown" : details.remoteAddress());
        var authorities = principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
