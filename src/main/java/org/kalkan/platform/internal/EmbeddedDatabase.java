package org.kalkan.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 made durable and closed to other local users.
 * <ul>
 * <li>zonky starts it with fsync and synchronous commit off, which would lose committed records on a crash, so both
 * are switched back on. A server orphaned by a killed JVM is stopped before starting (see {@link StalePostmaster}).
 * <li>zonky initialises a data directory with {@code trust} for every local connection, so any local user could
 * connect as the superuser. A new directory is initialised with SCRAM-SHA-256 instead and the superuser password
 * generated into a file only the node's user may read (never in the JDBC URL or the log); a directory initialised
 * with {@code trust} by an earlier version gets the password and SCRAM-only rules at its next start.
 * <li>zonky extracts the PostgreSQL binaries into a directory it reuses; by default that is under {@code /tmp},
 * where another local user could plant binaries before the node first runs. They go under the node's data directory.
 * </ul>
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final @Nullable EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(@Nullable EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    static EmbeddedDatabase none() {
        return new EmbeddedDatabase(null, "");
    }

    /**
     * Starts the server on {@code directory}, with the superuser's password kept in {@code passwordFile} (created at
     * the first start) and the binaries extracted under {@code binaries}.
     */
    static EmbeddedDatabase start(Path directory, Path passwordFile, Path binaries) throws IOException {
        Files.createDirectories(directory);
        Files.createDirectories(binaries);
        StalePostmaster.stopIfRunning(directory);
        String password = PrivateFiles.readOrCreate(passwordFile, () -> PrivateFiles.randomSecret(32));
        boolean initialised = Files.exists(directory.resolve("postgresql.conf"));
        log.info("Starting embedded PostgreSQL with data in {}", directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky's own readiness check connects with these properties.
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops the server after every bean that uses it; zonky's own JVM hook would race with them.
                .setRegisterShutdownHook(false);
        if (!initialised) {
            // zonky runs "initdb -A trust -U postgres ..." followed by these options as "--name=value"; the later
            // --auth wins, and --pwfile gives the superuser its password before the server ever accepts a connection.
            builder.setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString());
        }
        EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), password);
        try {
            PasswordAuthentication.require(database, directory, passwordFile);
        } catch (IOException | SQLException | RuntimeException e) {
            database.close();
            throw new IOException("could not make the embedded PostgreSQL in " + directory
                    + " require its password", e);
        }
        return database;
    }

    String jdbcUrl() {
        if (postgres == null) {
            throw new IllegalStateException("no embedded database: an external one is configured");
        }
        // Not zonky's getJdbcUrl: the password stays out of the URL, which pools and drivers may log.
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + SUPERUSER;
    }

    String user() {
        return SUPERUSER;
    }

    String password() {
        return password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), SUPERUSER, password);
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
