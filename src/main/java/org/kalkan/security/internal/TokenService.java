package org.kalkan.security.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.BearerTokens;
import org.kalkan.shared.NotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link BearerTokens}: issued after the same checks as the login form, revoked by the token a request came with. */
@Service
class TokenService implements BearerTokens {

    private final Authenticator authenticator;
    private final ApiTokens tokens;
    private final AuditTrail audit;

    TokenService(Authenticator authenticator, ApiTokens tokens, AuditTrail audit) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.audit = audit;
    }

    @Override
    @Transactional(noRollbackFor = AuthenticationException.class)
    public IssuedToken issue(String username, String password, @Nullable String totp, String source) {
        KalkanPrincipal principal = authenticator.authenticate(username, password, totp, source);
        ApiTokens.Issued issued = tokens.issue(principal.username());
        audit.record(principal.username(), "TOKEN_ISSUED", "user:" + principal.username(),
                "expires " + issued.expiresAt());
        return new IssuedToken(issued.token(), issued.expiresAt());
    }

    @Override
    @Transactional
    public void revokeCurrent(@Nullable UUID tokenId, String username) {
        if (tokenId == null || !tokens.revoke(tokenId, username, username)) {
            throw new NotFoundException("This request was not made with a bearer token in force.");
        }
        audit.record(username, "TOKEN_REVOKED", "user:" + username, "token " + tokenId + " revoked by its holder");
    }
}
