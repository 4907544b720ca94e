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

/**
 * Opaque bearer tokens: random, stored only as their SHA-256, with an expiry; revocable one by one (by the holder)
 * or all of a user's at once (by an administrator), effective for the very next request.
 */
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

    /** A token in force: whose it is, and its id (to revoke this one token). */
    record Valid(KalkanPrincipal principal, UUID tokenId) implements Resolution {
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
        record Row(UUID id, String username, Instant expiresAt, boolean revoked) {
        }
        Optional<Row> row = jdbc.sql("SELECT id, username, expires_at, revoked FROM api_token WHERE token_hash = :hash")
                .param("hash", sha256(token))
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("revoked")))
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
        return new Valid(KalkanPrincipal.of(account.get()), row.get().id());
    }

    /** Revokes one token of the user; false when it was not theirs or already revoked. */
    boolean revoke(UUID tokenId, String username, String by) {
        return jdbc.sql("""
                UPDATE api_token SET revoked = TRUE, revoked_at = :now, revoked_by = :by
                WHERE id = :id AND username = :username AND NOT revoked""")
                .param("id", tokenId).param("username", username).param("by", by)
                .param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    /** Revokes every token of the user still in force; the answer is how many. */
    int revokeAll(String username, String by) {
        return jdbc.sql("""
                UPDATE api_token SET revoked = TRUE, revoked_at = :now, revoked_by = :by
                WHERE username = :username AND NOT revoked AND expires_at > :now""")
                .param("username", username).param("by", by).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** How many tokens each user has in force (users without any are absent). */
    java.util.Map<String, Integer> inForce() {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT username, count(*) AS n FROM api_token WHERE NOT revoked AND expires_at > :now GROUP BY username")
                .param("now", Timestamp.from(clock.instant()))
                .query(rs -> {
                    counts.put(rs.getString("username"), rs.getInt("n"));
                });
        return counts;
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
