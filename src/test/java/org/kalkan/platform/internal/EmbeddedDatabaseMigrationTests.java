package org.kalkan.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalkan.platform.PrivateFiles;

/**
 * A data directory created by an earlier node (zonky's {@code initdb -A trust}: any local user could connect as the
 * superuser without a password) keeps its data and requires the generated password from its next start on.
 */
class EmbeddedDatabaseMigrationTests {

    private static final Path BINARIES = Path.of("target", "embedded-pg").toAbsolutePath();

    @TempDir Path dataDir;

    @Test
    void aDirectoryCreatedWithTrustKeepsItsDataAndNeedsThePasswordAfterItsNextStart() throws Exception {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(directory)
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(BINARIES.toFile())
                .setRegisterShutdownHook(false).start();
                Connection connection = DriverManager.getConnection(url(legacy.getPort()), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('from before')");
        }
        assertThat(Files.readString(directory.resolve("pg_hba.conf"))).containsPattern("(?m)^host.*trust");

        Path passwordFile = dataDir.resolve("postgres-password");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, passwordFile, BINARIES)) {
            String password = Files.readString(passwordFile).strip();
            assertThat(password).isEqualTo(database.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PrivateFiles.ownerOnly(passwordFile)).isTrue();
            assertThat(value(database.connect())).isEqualTo("from before");
            int port = port(database);
            assertThatThrownBy(() -> DriverManager.getConnection(url(port), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url(port), "postgres", "wrong"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#].*trust");

        try (EmbeddedDatabase again = EmbeddedDatabase.start(directory, passwordFile, BINARIES)) {
            assertThat(value(again.connect())).as("the next start needs no migration").isEqualTo("from before");
        }
    }

    @Test
    void aNewDirectoryNeverTrustsAnyone() throws Exception {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, dataDir.resolve("postgres-password"),
                BINARIES)) {
            assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#].*trust");
            int port = port(database);
            assertThatThrownBy(() -> DriverManager.getConnection(url(port), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            try (Connection connection = database.connect()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    private static int port(EmbeddedDatabase database) {
        String url = database.jdbcUrl();
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.lastIndexOf('/')));
    }

    private static String value(Connection connection) throws SQLException {
        try (connection; Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT value FROM kept")) {
            row.next();
            return row.getString(1);
        }
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }
}
