package org.kalkan.security.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Role;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored accounts. */
@Repository
class UserAccounts {

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every account, by username. */
    java.util.List<UserAccount> all() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY username").query(UserAccounts::account).list();
    }

    Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = :username")
                .param("username", username)
                .query(UserAccounts::account)
                .optional();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :username")
                .param("username", username).query(Long.class).single() > 0;
    }

    void create(String username, String displayName, NationCode nation, Classification clearance, Set<Role> roles,
            @Nullable String passwordHash, @Nullable String externalSource, Instant now) {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, nation, clearance, roles, password_hash,
                                      external_source, created_at)
                VALUES (:username, :displayName, :nation, :clearance, :roles, :hash, :source, :now)""")
                .param("username", username)
                .param("displayName", displayName)
                .param("nation", nation.value())
                .param("clearance", clearance.rank())
                .param("roles", roles.stream().map(Role::name).sorted().toArray(String[]::new))
                .param("hash", passwordHash)
                .param("source", externalSource)
                .param("now", Timestamp.from(now))
                .update();
    }

    void updateExternal(String username, String displayName, NationCode nation, Classification clearance,
            Set<Role> roles) {
        jdbc.sql("""
                UPDATE app_user SET display_name = :displayName, nation = :nation, clearance = :clearance,
                                    roles = :roles
                WHERE username = :username""")
                .param("username", username)
                .param("displayName", displayName)
                .param("nation", nation.value())
                .param("clearance", clearance.rank())
                .param("roles", roles.stream().map(Role::name).sorted().toArray(String[]::new))
                .update();
    }

    void setPendingTotpSecret(String username, String secret) {
        jdbc.sql("UPDATE app_user SET totp_secret = :secret, totp_enabled = FALSE WHERE username = :username")
                .param("username", username).param("secret", secret).update();
    }

    void enableTotp(String username, long step) {
        jdbc.sql("UPDATE app_user SET totp_enabled = TRUE, totp_last_step = :step WHERE username = :username")
                .param("username", username).param("step", step).update();
    }

    /** Removes the second factor (enrolled or pending). */
    void removeTotp(String username) {
        jdbc.sql("""
                UPDATE app_user SET totp_secret = NULL, totp_enabled = FALSE, totp_last_step = NULL
                WHERE username = :username""").param("username", username).update();
    }

    /** Records the time step a code was used in; refuses (returns false) a step already used: no replay. */
    boolean useTotpStep(String username, long step) {
        return jdbc.sql("""
                UPDATE app_user SET totp_last_step = :step
                WHERE username = :username AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                .param("username", username).param("step", step).update() == 1;
    }

    void setEmail(String username, String email) {
        jdbc.sql("UPDATE app_user SET email = :email WHERE username = :username")
                .param("username", username).param("email", email).update();
    }

    void setLocale(String username, String locale) {
        jdbc.sql("UPDATE app_user SET locale = :locale WHERE username = :username")
                .param("username", username).param("locale", locale).update();
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        long lastStep = rs.getLong("totp_last_step");
        Long totpLastStep = rs.wasNull() ? null : lastStep;
        return new UserAccount(rs.getString("username"), rs.getString("display_name"),
                NationCode.of(rs.getString("nation")), Classification.ofRank(rs.getInt("clearance")),
                roles(rs.getArray("roles")), rs.getString("password_hash"), rs.getBoolean("enabled"),
                rs.getString("locale"), rs.getString("totp_secret"), rs.getBoolean("totp_enabled"), totpLastStep);
    }

    private static Set<Role> roles(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Role::valueOf).collect(Collectors.toSet());
    }
}
