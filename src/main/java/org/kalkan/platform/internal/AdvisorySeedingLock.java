package org.kalkan.platform.internal;

import java.sql.SQLException;
import java.time.Duration;
import org.kalkan.platform.StartupSeeding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link StartupSeeding} as a transaction-scoped PostgreSQL advisory lock, {@code pg_advisory_xact_lock(0x4B414C4B,
 * 0x53454544)} ("KALK", "SEED"): tried first (a single node never waits), then waited for under a
 * {@code lock_timeout} of {@code kalkan.platform.seeding-wait} set for that one statement and restored after it.
 */
@Component
class AdvisorySeedingLock implements StartupSeeding {

    static final int KEY_CLASS = 0x4B414C4B;
    static final int KEY_OBJECT = 0x53454544;
    /** PostgreSQL's lock_not_available, raised when lock_timeout ends the wait. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Logger log = LoggerFactory.getLogger(AdvisorySeedingLock.class);

    private final JdbcClient jdbc;
    private final Duration wait;

    AdvisorySeedingLock(JdbcClient jdbc, @Value("${kalkan.platform.seeding-wait:PT5M}") Duration wait) {
        this.jdbc = jdbc;
        this.wait = wait;
    }

    @Override
    public void exclusively(String seeder) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(seeder + " seeds outside a transaction: the start-up seeding lock would "
                    + "be released before its rows are committed");
        }
        Boolean taken = jdbc.sql("SELECT pg_try_advisory_xact_lock(:keyClass, :keyObject)")
                .param("keyClass", KEY_CLASS).param("keyObject", KEY_OBJECT).query(Boolean.class).single();
        if (Boolean.TRUE.equals(taken)) {
            return;
        }
        log.info("{}: another instance sharing the database is seeding it; waiting up to {} for it to finish", seeder,
                wait);
        String previous = jdbc.sql("SELECT current_setting('lock_timeout')").query(String.class).single();
        jdbc.sql("SELECT set_config('lock_timeout', :timeout, true)").param("timeout", wait.toMillis() + "ms")
                .query().singleRow();
        try {
            jdbc.sql("SELECT pg_advisory_xact_lock(:keyClass, :keyObject)")
                    .param("keyClass", KEY_CLASS).param("keyObject", KEY_OBJECT).query().singleRow();
        } catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException sql
                    && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                throw new IllegalStateException(seeder + ": another instance sharing the database has been seeding "
                        + "it for more than " + wait + " (kalkan.platform.seeding-wait); not starting "
                        + "rather than seeding twice. Find the holder of advisory lock (" + KEY_CLASS + ", "
                        + KEY_OBJECT + ") in pg_locks.", e);
            }
            throw e;
        }
        jdbc.sql("SELECT set_config('lock_timeout', :timeout, true)").param("timeout", previous).query().singleRow();
        log.info("{}: the other instance finished seeding; this one goes on", seeder);
    }
}
