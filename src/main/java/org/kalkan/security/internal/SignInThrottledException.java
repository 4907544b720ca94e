package org.kalkan.security.internal;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed attempts from this address (or for this username from it): the attempt was not even checked.
 * The same whether or not the username exists, so it reveals nothing; answered 429 with {@code Retry-After}.
 */
public class SignInThrottledException extends AuthenticationException {

    private final Instant until;

    SignInThrottledException(Instant until) {
        super("Too many failed attempts: try again after " + until + ".");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
