package org.kalkan.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The start-up seeding lock on a PostgreSQL of its own (no node): taken at once when free, waited for while another
 * session holds it, released with the seeder's transaction, and an instance that cannot take it in time fails with
 * a message saying so instead of seeding.
 */
class AdvisorySeedingLockTests {

    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static JdbcClient jdbc;
    static TransactionTemplate transaction;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
                .setDataDirectory(Path.of("target", "test-data", "seeding-" + UUID.randomUUID(), "postgres"))
                .start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aSeederWaitsForTheOtherInstancesSeedingAndGoesOnWhenItCommits() throws Exception {
        AdvisorySeedingLock seeding = new AdvisorySeedingLock(jdbc, Duration.ofMinutes(2));
        try (Connection other = otherInstanceSeeding()) {
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
                seeding.exclusively("Second");
                // The wait's own lock_timeout is for the lock only: the seeder's statements run under the default.
                return jdbc.sql("SELECT current_setting('lock_timeout')").query(String.class).single();
            }));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForTheLock() == 1);
            assertThat(second).isNotDone();
            other.commit();
            assertThat(second.get()).isEqualTo("0");
        }
        // Released with the transaction: free again, taken without waiting.
        transaction.executeWithoutResult(status -> seeding.exclusively("Third"));
    }

    @Test
    void anInstanceThatCannotTakeTheLockInTimeFailsRatherThanSeeds() throws Exception {
        AdvisorySeedingLock seeding = new AdvisorySeedingLock(jdbc, Duration.ofMillis(300));
        try (Connection other = otherInstanceSeeding()) {
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> seeding.exclusively("DemoThings")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("DemoThings")
                    .hasMessageContaining("kalkan.platform.seeding-wait")
                    .hasMessageContaining("rather than seeding twice");
            other.rollback();
        }
    }

    @Test
    void outsideATransactionTheLockWouldNotLastUntilTheCommitSoItIsRefused() {
        assertThatThrownBy(() -> new AdvisorySeedingLock(jdbc, Duration.ofSeconds(1)).exclusively("Loose"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a transaction");
    }

    /** Another instance in the middle of seeding: the lock taken in an open transaction of another session. */
    private static Connection otherInstanceSeeding() throws Exception {
        Connection other = dataSource.getConnection();
        other.setAutoCommit(false);
        try (Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + AdvisorySeedingLock.KEY_CLASS + ", "
                    + AdvisorySeedingLock.KEY_OBJECT + ")");
        }
        return other;
    }

    /** Sessions waiting for the seeding lock. */
    private static long waitingForTheLock() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                  AND classid = CAST(:keyClass AS oid) AND objid = CAST(:keyObject AS oid)""")
                .param("keyClass", AdvisorySeedingLock.KEY_CLASS).param("keyObject", AdvisorySeedingLock.KEY_OBJECT)
                .query(Long.class).single();
    }
}
