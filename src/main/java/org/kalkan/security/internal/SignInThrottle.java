package org.kalkan.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.kalkan.platform.KeptWrites;
import org.kalkan.security.SecurityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttles guessing instead of locking accounts (see {@link SecurityProperties.Throttle}). Counts are kept in the
 * database, so they hold across restarts and across instances that share it. A failure is recorded in its own
 * transaction: it stays counted when the request that made it fails.
 */
@Service
class SignInThrottle {

    enum Scope { SOURCE, ACCOUNT, TOTP }

    private final JdbcClient jdbc;
    private final SecurityProperties.Throttle settings;
    private final KeptWrites keptWrites;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, SecurityProperties properties, KeptWrites keptWrites, Clock clock) {
        this.keptWrites = keptWrites;
        this.jdbc = jdbc;
        this.settings = properties.throttle();
        this.clock = clock;
    }

    /** The key of an account tried from one address; the username is hashed (it may be anything a client sent). */
    static String account(String source, String username) {
        return source + "|" + ApiTokens.sha256(username);
    }

    /** Until when attempts under the key wait, if they must wait now. */
    @Transactional(readOnly = true)
    public Optional<Instant> blockedUntil(Scope scope, String key) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT blocked_until FROM auth_throttle WHERE scope = :scope AND throttle_key = :key")
                .param("scope", scope.name()).param("key", key)
                .query((rs, i) -> rs.getTimestamp(1)).optional()
                .map(until -> until == null ? null : until.toInstant())
                .filter(now::isBefore);
    }

    /**
     * Counts a failure under the key, kept whatever becomes of the caller's transaction (a wrong code fails the
     * request): written just after it ends, on its connection ({@link KeptWrites}).
     */
    public void failed(Scope scope, String key) {
        Instant now = clock.instant();
        keptWrites.run(() -> count(scope, key, now));
    }

    private void count(Scope scope, String key, Instant now) {
        Duration forgetAfter = scope == Scope.SOURCE ? settings.sourceWindow() : settings.maxDelay();
        int failures = jdbc.sql("""
                INSERT INTO auth_throttle (scope, throttle_key, failures, last_failure)
                VALUES (:scope, :key, 1, :now)
                ON CONFLICT (scope, throttle_key) DO UPDATE SET
                    failures = CASE WHEN auth_throttle.last_failure < :forgetBefore THEN 1
                                    ELSE auth_throttle.failures + 1 END,
                    last_failure = :now
                RETURNING failures""")
                .param("scope", scope.name()).param("key", key).param("now", Timestamp.from(now))
                .param("forgetBefore", Timestamp.from(now.minus(forgetAfter)))
                .query(Integer.class).single();
        Optional<Duration> wait = waitAfter(scope, failures);
        if (wait.isPresent()) {
            jdbc.sql("UPDATE auth_throttle SET blocked_until = :until WHERE scope = :scope AND throttle_key = :key")
                    .param("until", Timestamp.from(now.plus(wait.get()))).param("scope", scope.name())
                    .param("key", key).update();
        }
    }

    /** A success under the key: its count starts again. (An address's count is not reset by a success.) */
    @Transactional
    public void succeeded(Scope scope, String key) {
        jdbc.sql("DELETE FROM auth_throttle WHERE scope = :scope AND throttle_key = :key")
                .param("scope", scope.name()).param("key", key).update();
    }

    /** The wait after the {@code failures}-th failure in a row, if any. */
    Optional<Duration> waitAfter(Scope scope, int failures) {
        if (scope == Scope.SOURCE) {
            return failures >= settings.sourceMaxFailures() ? Optional.of(settings.sourceWindow()) : Optional.empty();
        }
        int beyond = failures - settings.freeFailures();
        if (beyond <= 0) {
            return Optional.empty();
        }
        Duration wait = settings.firstDelay();
        for (int i = 1; i < beyond && wait.compareTo(settings.maxDelay()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(wait.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : wait);
    }

    /** Forgets counts nobody has added to for a day (an address spraying random usernames leaves one row each). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void forgetOld() {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM auth_throttle WHERE last_failure < :before AND (blocked_until IS NULL OR blocked_until < :now)")
                .param("before", Timestamp.from(now.minus(Duration.ofDays(1)))).param("now", Timestamp.from(now))
                .update();
    }
}
