package org.kalkan.security.internal;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.Set;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.SecurityProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What users change about their own account: a TOTP second factor and their language. */
@Service
public class AccountSettings {

    /** The languages of the user interface. */
    public static final Set<String> LANGUAGES = Set.copyOf(org.kalkan.platform.Languages.TAGS);

    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final SecurityProperties properties;
    private final Clock clock;

    AccountSettings(UserAccounts accounts, AuditTrail audit, SecurityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A secret to enrol; not in force until confirmed with a code. */
    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    @Transactional
    public TotpEnrolment startTotpEnrolment(String username) {
        UserAccount account = accounts.find(username).orElseThrow();
        if (account.totpEnabled()) {
            throw new IllegalArgumentException("A one-time code generator is already enrolled for this account.");
        }
        String secret = Totp.newSecret();
        accounts.setPendingTotpSecret(username, secret);
        audit.record(username, "TOTP_ENROLMENT_STARTED", "user:" + username, "");
        return new TotpEnrolment(secret, Totp.otpauthUri(properties.totpIssuer(), username, secret));
    }

    @Transactional
    public void confirmTotp(String username, String code) {
        UserAccount account = accounts.find(username).orElseThrow();
        if (account.totpEnabled() || account.totpSecret() == null) {
            throw new IllegalArgumentException("Start an enrolment first.");
        }
        OptionalLong step = Totp.matchingStep(account.totpSecret(), code == null ? "" : code.trim(), clock.instant());
        if (step.isEmpty()) {
            throw new IllegalArgumentException("The code does not match: check the authenticator app's clock.");
        }
        accounts.enableTotp(username, step.getAsLong());
        audit.record(username, "TOTP_ENABLED", "user:" + username, "");
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
