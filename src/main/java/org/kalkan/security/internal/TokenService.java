package org.kalkan.security.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditTrail;
import org.kalkan.shared.NotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues a bearer token after the same checks as the login form, and revokes the token a request came with. */
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

    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** A token for the user, asked for from {@code source} (the client's address). */
    @Transactional(noRollbackFor = AuthenticationException.class)
    public IssuedToken issue(String username, String password, @Nullable String totp, String source) {
        KalkanPrincipal principal = authenticator.authenticate(username, password, totp, source);
        ApiTokens.Issued issued = tokens.issue(principal.username());
        audit.record(principal.username(), "TOKEN_ISSUED", "user:" + principal.username(),
                "expires " + issued.expiresAt());
        return new IssuedToken(issued.token(), issued.expiresAt());
    }

    /**
     * Revokes the bearer token a request was authenticated with ({@code tokenId}, null when it came without one): it
     * is refused from the next request on.
     */
    @Transactional
    public void revokeCurrent(@Nullable UUID tokenId, String username) {
        if (tokenId == null || !tokens.revoke(tokenId, username, username)) {
            throw new NotFoundException("This request was not made with a bearer token in force.");
        }
        audit.record(username, "TOKEN_REVOKED", "user:" + username, "token " + tokenId + " revoked by its holder");
    }
}
