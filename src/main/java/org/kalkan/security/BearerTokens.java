package org.kalkan.security;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Bearer tokens for API clients: issued after the same checks as the login form, revoked by their holder. */
public interface BearerTokens {

    /** A token and when it expires; the token itself is shown once and stored only as a hash. */
    record IssuedToken(String token, Instant expiresAt) {
    }

    /** A token for the user, asked for from {@code source} (the client's address). */
    IssuedToken issue(String username, String password, @Nullable String totp, String source);

    /**
     * Revokes the bearer token a request was authenticated with ({@code tokenId}, null when it came without one): it
     * is refused from the next request on; 404 when there is no such token in force.
     */
    void revokeCurrent(@Nullable UUID tokenId, String username);
}
