package org.kalkan.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Writes that must be kept whatever becomes of the current transaction — a refused access, a failed sign-in — made
 * just after it ends, committed or rolled back, on the connection it still holds, in autocommit; outside a
 * transaction at once. The obvious alternative, a {@code REQUIRES_NEW} transaction, asks the pool for a second
 * connection while the caller holds one: once every connection is held by a request doing that, the whole node
 * stalls until the pool's timeout. A burst of refused reads (or of wrong passwords, needing no account at all) did.
 */
@Component
public class KeptWrites {

    private static final Logger log = LoggerFactory.getLogger(KeptWrites.class);

    private final TransactionScope transactions;
    private final DataSource dataSource;

    public KeptWrites(TransactionScope transactions, DataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    /** Runs the write (plain JDBC through the application's data source) once the current transaction has ended. */
    public void run(Runnable write) {
        Pending pending = transactions.get(Pending.class, Pending::new);
        if (pending == null) {
            write.run();
        } else {
            pending.writes.add(write);
        }
    }

    /** One transaction's kept writes. */
    private final class Pending implements TransactionSynchronization {

        private final List<Runnable> writes = new ArrayList<>();

        @Override
        public void afterCompletion(int status) {
            if (writes.isEmpty()) {
                return;
            }
            // Still bound to this thread until the transaction manager cleans up after these callbacks.
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                if (connection.isReadOnly()) {
                    connection.setReadOnly(false);
                }
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                writes.forEach(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // Nothing can be thrown from here any more; an audit entry or a throttle count lost is an alarm.
                log.error("ALARM: writes to keep after a transaction were lost: {}", e.toString(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
