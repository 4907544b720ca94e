package org.kalkan.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every connection to the embedded server need the superuser's password (SCRAM-SHA-256). A data directory
 * initialised by an earlier version (zonky's {@code initdb -A trust}) is migrated at start: the superuser gets the
 * generated password, {@code pg_hba.conf} is rewritten to SCRAM-only rules and the server reloads it. Any rule that
 * is not SCRAM (also one edited in by hand) is replaced the same way at the next start.
 */
final class PasswordAuthentication {

    static final String RULES = """
            # Written by Kalkan at start: every connection needs the superuser's password (SCRAM-SHA-256), which the
            # node keeps in a file only its own user may read. Rules that are not SCRAM are replaced at the next start.
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            local   replication  all                 scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(PasswordAuthentication.class);

    private PasswordAuthentication() {
    }

    static void require(EmbeddedDatabase database, Path directory, Path passwordFile)
            throws IOException, SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            List<String> weak = weakRules(statement);
            if (weak.isEmpty() && scramPassword(statement)) {
                return;
            }
            log.warn("The embedded PostgreSQL in {} accepted connections without a password ({}); from now on it "
                    + "requires the password kept in {}", directory, String.join(", ", weak), passwordFile);
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE " + EmbeddedDatabase.SUPERUSER + " PASSWORD "
                    + literal(database.password()));
            Path rules = directory.resolve("pg_hba.conf");
            Path written = Files.writeString(directory.resolve("pg_hba.conf.kalkan"), RULES);
            Files.move(written, rules, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            statement.execute("SELECT pg_reload_conf()");
            List<String> left = weakRules(statement);
            if (!left.isEmpty()) {
                throw new IllegalStateException("pg_hba.conf still has rules without a password: " + left);
            }
        }
    }

    /** Rules of the pg_hba.conf on disk that do not ask for a SCRAM password, e.g. "host all all 127.0.0.1 trust". */
    private static List<String> weakRules(Statement statement) throws SQLException {
        List<String> weak = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("""
                SELECT type, array_to_string(database, ','), array_to_string(user_name, ','), address,
                       auth_method, error
                FROM pg_hba_file_rules""")) {
            while (rows.next()) {
                if (rows.getString("error") != null || !"scram-sha-256".equals(rows.getString("auth_method"))) {
                    weak.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3)
                            + (rows.getString(4) == null ? "" : " " + rows.getString(4)) + " "
                            + rows.getString("auth_method"));
                }
            }
        }
        return weak;
    }

    private static boolean scramPassword(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid "
                + "WHERE rolname = '" + EmbeddedDatabase.SUPERUSER + "'")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
