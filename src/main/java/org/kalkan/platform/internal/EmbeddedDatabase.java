package org.kalkan.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 made durable: zonky starts it with fsync and synchronous commit off, which would
 * lose committed records on a crash, so both are switched back on. A server orphaned by a killed JVM is
 * stopped before starting (see {@link StalePostmaster}).
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final @Nullable EmbeddedPostgres postgres;

    private EmbeddedDatabase(@Nullable EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase none() {
        return new EmbeddedDatabase(null);
    }

    static EmbeddedDatabase start(Path directory) throws IOException {
        Files.createDirectories(directory);
        StalePostmaster.stopIfRunning(directory);
        log.info("Starting embedded PostgreSQL with data in {}", directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops the server after every bean that uses it; zonky's own JVM hook would race with them.
                .setRegisterShutdownHook(false)
                .start();
        return new EmbeddedDatabase(postgres);
    }

    String jdbcUrl() {
        if (postgres == null) {
            throw new IllegalStateException("no embedded database: an external one is configured");
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
