package org.kalkan.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.kalkan.platform.KeptWrites;
import org.kalkan.platform.TransactionScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/** {@link KeptWrites} on the connection the ended transaction still holds. */
@Component
class KeptWritesAfterCompletion implements KeptWrites {

    private static final Logger log = LoggerFactory.getLogger(KeptWrites.class);

    private final TransactionScope transactions;
    private final DataSource dataSource;

    KeptWritesAfterCompletion(TransactionScope transactions, DataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    @Override
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
