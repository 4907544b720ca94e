package org.kalkan.security.internal;

import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditTrail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues a bearer token after the same checks as the login form. */
@Service
public class TokenService {

    private final Authenticator authenticator;
    private final ApiTokens tokens;
    private final AuditTrail audit;

    TokenService(Authenticator authenticator, ApiTokens tokens, AuditTrail audit) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.audit = audit;
    }

    public record IssuedToken(String token, java.time.Instant expiresAt) {
    }

    @Transactional(noRollbackFor = AuthenticationException.class)
    public IssuedToken issue(String username, String password, @Nullable String totp) {
        KalkanPrincipal principal = authenticator.authenticate(username, password, totp);
        ApiTokens.Issued issued = tokens.issue(principal.username());
        audit.record(principal.username(), "TOKEN_ISSUED", "user:" + principal.username(),
                "expires " + issued.expiresAt());
        return new IssuedToken(issued.token(), issued.expiresAt());
    }
}
