package org.kalkan.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditTrail;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.InvalidInputException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a password (and a TOTP code once enrolled) for the login form, the token API and re-authentication before
 * a second factor changes. Guessing is throttled per client address and per account from that address
 * ({@link SignInThrottle}), never by locking the account; a refusal says the same whether or not the username
 * exists, and the account's state (disabled, second factor) is told only to someone who gave its password. Every
 * success and failure is audited.
 */
@Service
class Authenticator {

    /** Compared against when the user does not exist, so timing does not reveal which usernames exist. */
    private final String dummyHash;

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final SignInThrottle throttle;
    private final Clock clock;

    Authenticator(UserAccounts accounts, PasswordEncoder passwords, AuditTrail audit, SignInThrottle throttle,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.throttle = throttle;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-real-password");
    }

    /** Signs in from {@code source} (the client's address). */
    @Transactional(noRollbackFor = AuthenticationException.class)
    public KalkanPrincipal authenticate(String username, String password, @Nullable String totpCode, String source) {
        String accountKey = SignInThrottle.account(source, username);
        waitIfThrottled(username, source, accountKey, "LOGIN");
        Optional<UserAccount> found = checkPassword(username, password);
        if (found.isEmpty()) {
            failed(username, source, accountKey, "LOGIN", "wrong username or password");
            throw new BadCredentialsException("Wrong username or password.");
        }
        UserAccount account = found.get();
        if (!account.enabled()) {
            audit.recordFailure(username, "LOGIN", "user:" + username, "account disabled");
            throw new DisabledException("This account is disabled.");
        }
        if (account.totpEnabled()) {
            if (totpCode == null || totpCode.isBlank()) {
                audit.recordFailure(username, "LOGIN", "user:" + username, "missing TOTP code");
                throw new TotpRequiredException();
            }
            OptionalLong step = Totp.matchingStep(account.totpSecret(), totpCode.trim(), clock.instant());
            if (step.isEmpty() || !accounts.useTotpStep(username, step.getAsLong())) {
                failed(username, source, accountKey, "LOGIN", "wrong or reused TOTP code");
                throw new BadCredentialsException("Wrong or already used one-time code.");
            }
        }
        throttle.succeeded(SignInThrottle.Scope.ACCOUNT, accountKey);
        audit.record(username, "LOGIN", "user:" + username, "authenticated from " + source);
        return KalkanPrincipal.of(account);
    }

    /**
     * Asks a signed-in user for their password again before a sensitive change (a second factor), so a stolen token
     * or an unattended session alone cannot make it. Throttled like a sign-in; a wrong password is a 403.
     */
    @Transactional(noRollbackFor = AuthenticationException.class)
    public void confirmPassword(String username, @Nullable String password, String source, String purpose) {
        if (password == null || password.isEmpty()) {
            throw InvalidInputException.of(List.of(new InvalidInputException.Violation("password",
                    "your password is required to " + purpose)));
        }
        String accountKey = SignInThrottle.account(source, username);
        waitIfThrottled(username, source, accountKey, "REAUTHENTICATE");
        if (checkPassword(username, password).isEmpty()) {
            failed(username, source, accountKey, "REAUTHENTICATE", "wrong password to " + purpose);
            throw new ForbiddenException("The password is not right.");
        }
        throttle.succeeded(SignInThrottle.Scope.ACCOUNT, accountKey);
    }

    /** The account when the password is its password; the same work whether or not the username exists. */
    private Optional<UserAccount> checkPassword(String username, String password) {
        UserAccount account = accounts.find(username).orElse(null);
        if (account == null || account.passwordHash() == null) {
            passwords.matches(password, dummyHash);
            return Optional.empty();
        }
        return passwords.matches(password, account.passwordHash()) ? Optional.of(account) : Optional.empty();
    }

    private void waitIfThrottled(String username, String source, String accountKey, String action) {
        Optional<Instant> until = throttle.blockedUntil(SignInThrottle.Scope.SOURCE, source)
                .or(() -> throttle.blockedUntil(SignInThrottle.Scope.ACCOUNT, accountKey));
        if (until.isPresent()) {
            audit.recordFailure(username, action, "user:" + username, "throttled until " + until.get() + " (from "
                    + source + ")");
            throw new SignInThrottledException(until.get());
        }
    }

    private void failed(String username, String source, String accountKey, String action, String reason) {
        throttle.failed(SignInThrottle.Scope.SOURCE, source);
        throttle.failed(SignInThrottle.Scope.ACCOUNT, accountKey);
        audit.recordFailure(username, action, "user:" + username, reason + " (from " + source + ")");
    }

    /** A correct password, but the account has a second factor and no code was given. */
    static final class TotpRequiredException extends BadCredentialsException {

        TotpRequiredException() {
            super("This account needs a one-time code from its authenticator app.");
        }
    }
}
