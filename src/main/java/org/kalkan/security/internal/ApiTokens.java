package org.kalkan.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.kalkan.security.SecurityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Opaque bearer tokens: random, stored only as their SHA-256, revocable, with an expiry. */
@Service
class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final SecurityProperties properties;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserAccounts accounts, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    record Issued(String token, Instant expiresAt) {
    }

    sealed interface Resolution {
    }

    record Valid(KalkanPrincipal principal) implements Resolution {
    }

    record Invalid(String reason) implements Resolution {
    }

    Issued issue(String username) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenTtl()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        jdbc.sql("""
                INSERT INTO api_token (id, token_hash, username, issued_at, expires_at)
                VALUES (:id, :hash, :username, :now, :expires)""")
                .param("id", UUID.randomUUID())
                .param("hash", sha256(token))
                .param("username", username)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    Resolution resolve(String token) {
        record Row(String username, Instant expiresAt, boolean revoked) {
        }
        Optional<Row> row = jdbc.sql("SELECT username, expires_at, revoked FROM api_token WHERE token_hash = :hash")
                .param("hash", sha256(token))
                .query((rs, i) -> new Row(rs.getString("username"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getBoolean("revoked")))
                .optional();
        if (row.isEmpty()) {
            return new Invalid("unknown token");
        }
        if (row.get().revoked()) {
            return new Invalid("revoked token");
        }
        if (!clock.instant().isBefore(row.get().expiresAt())) {
            return new Invalid("expired token");
        }
        Optional<UserAccount> account = accounts.find(row.get().username());
        if (account.isEmpty() || !account.get().enabled()) {
            return new Invalid("account disabled");
        }
        return new Valid(KalkanPrincipal.of(account.get()));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
