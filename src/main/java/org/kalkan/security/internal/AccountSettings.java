package org.kalkan.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.SecurityProperties;
import org.kalkan.shared.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What users change about their own account: a TOTP second factor and their language. Enrolling or removing the
 * second factor asks for the password again (a stolen token or an unattended session alone must not lock the owner
 * out or strip the factor), and wrong confirmation codes are throttled like sign-ins.
 */
@Service
public class AccountSettings {

    /** The languages of the user interface. */
    public static final Set<String> LANGUAGES = Set.copyOf(org.kalkan.platform.Languages.TAGS);

    private final UserAccounts accounts;
    private final Authenticator authenticator;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final SecurityProperties properties;
    private final Clock clock;

    AccountSettings(UserAccounts accounts, Authenticator authenticator, SignInThrottle throttle, AuditTrail audit,
            SecurityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A secret to enrol; not in force until confirmed with a code. */
    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    /** Starts an enrolment after checking the password again ({@code source}: the client's address). */
    @Transactional(noRollbackFor = SignInThrottledException.class)
    public TotpEnrolment startTotpEnrolment(String username, @Nullable String password, String source) {
        authenticator.confirmPassword(username, password, source, "enrol a second factor");
        UserAccount account = accounts.find(username).orElseThrow();
        if (account.totpEnabled()) {
            throw new RefusedException("A one-time code generator is already enrolled for this account; remove it "
                    + "first.");
        }
        String secret = Totp.newSecret();
        accounts.setPendingTotpSecret(username, secret);
        audit.record(username, "TOTP_ENROLMENT_STARTED", "user:" + username, "");
        return new TotpEnrolment(secret, Totp.otpauthUri(properties.totpIssuer(), username, secret));
    }

    /** Puts the pending second factor in force with a current code; wrong codes are throttled. */
    @Transactional(noRollbackFor = SignInThrottledException.class)
    public void confirmTotp(String username, @Nullable String code) {
        Optional<Instant> waiting = throttle.blockedUntil(SignInThrottle.Scope.TOTP, username);
        if (waiting.isPresent()) {
            audit.recordFailure(username, "TOTP_CONFIRMATION", "user:" + username, "throttled until "
                    + waiting.get());
            throw new SignInThrottledException(waiting.get());
        }
        UserAccount account = accounts.find(username).orElseThrow();
        if (account.totpEnabled() || account.totpSecret() == null) {
            throw new IllegalArgumentException("Start an enrolment first.");
        }
        OptionalLong step = Totp.matchingStep(account.totpSecret(), code == null ? "" : code.trim(), clock.instant());
        if (step.isEmpty()) {
            throttle.failed(SignInThrottle.Scope.TOTP, username);
            audit.recordFailure(username, "TOTP_CONFIRMATION", "user:" + username, "wrong code");
            throw new IllegalArgumentException("The code does not match: check the authenticator app's clock.");
        }
        throttle.succeeded(SignInThrottle.Scope.TOTP, username);
        accounts.enableTotp(username, step.getAsLong());
        audit.record(username, "TOTP_ENABLED", "user:" + username, "");
    }

    /** Removes the second factor after checking the password again. */
    @Transactional(noRollbackFor = SignInThrottledException.class)
    public void removeTotp(String username, @Nullable String password, String source) {
        authenticator.confirmPassword(username, password, source, "remove the second factor");
        UserAccount account = accounts.find(username).orElseThrow();
        if (!account.totpEnabled() && account.totpSecret() == null) {
            throw new RefusedException("No one-time code generator is enrolled for this account.");
        }
        accounts.removeTotp(username);
        audit.record(username, "TOTP_REMOVED", "user:" + username, "");
    }

    public boolean totpEnabled(String username) {
        return accounts.find(username).map(UserAccount::totpEnabled).orElse(false);
    }

    @Transactional
    public void setLanguage(String username, String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("Unsupported language: " + language);
        }
        accounts.setLocale(username, language);
        audit.record(username, "LANGUAGE_CHANGED", "user:" + username, language);
    }
}
