package org.kalkan.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.SecurityProperties;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a password (and a TOTP code once enrolled) for both the login form and the token API. Repeated
 * failures lock the account for a while (throttling); every success and failure is audited.
 */
@Service
class Authenticator {

    /** Compared against when the user does not exist, so timing does not reveal which usernames exist. */
    private final String dummyHash;

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final SecurityProperties properties;
    private final Clock clock;

    Authenticator(UserAccounts accounts, PasswordEncoder passwords, AuditTrail audit, SecurityProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-real-password");
    }

    @Transactional(noRollbackFor = AuthenticationException.class)
    public KalkanPrincipal authenticate(String username, String password, @Nullable String totpCode) {
        Instant now = clock.instant();
        UserAccount account = accounts.find(username).orElse(null);
        if (account == null || account.passwordHash() == null) {
            passwords.matches(password, dummyHash);
            fail(username, "unknown user or no local password");
            throw new BadCredentialsException("Wrong username or password.");
        }
        if (!account.enabled()) {
            fail(username, "account disabled");
            throw new DisabledException("This account is disabled.");
        }
        if (account.lockedAt(now)) {
            fail(username, "account locked until " + account.lockedUntil());
            throw new LockedException("Too many failed attempts: try again after " + account.lockedUntil() + ".");
        }
        if (!passwords.matches(password, account.passwordHash())) {
            failAndCount(account, now, "wrong password");
            throw new BadCredentialsException("Wrong username or password.");
        }
        if (account.totpEnabled()) {
            if (totpCode == null || totpCode.isBlank()) {
                fail(username, "missing TOTP code");
                throw new TotpRequiredException();
            }
            OptionalLong step = Totp.matchingStep(account.totpSecret(), totpCode.trim(), now);
            if (step.isEmpty() || !accounts.useTotpStep(username, step.getAsLong())) {
                failAndCount(account, now, "wrong or reused TOTP code");
                throw new BadCredentialsException("Wrong or already used one-time code.");
            }
        }
        accounts.recordSuccessfulLogin(username);
        audit.record(username, "LOGIN", "user:" + username, "authenticated");
        return KalkanPrincipal.of(account);
    }

    private void failAndCount(UserAccount account, Instant now, String reason) {
        accounts.recordFailedLogin(account.username(), properties.maxFailedLogins(),
                now.plus(properties.lockDuration()));
        fail(account.username(), reason);
    }

    private void fail(String username, String reason) {
        audit.recordFailure(username, "LOGIN", "user:" + username, reason);
    }

    /** A correct password, but the account has a second factor and no code was given. */
    static final class TotpRequiredException extends BadCredentialsException {

        TotpRequiredException() {
            super("This account needs a one-time code from its authenticator app.");
        }
    }
}
