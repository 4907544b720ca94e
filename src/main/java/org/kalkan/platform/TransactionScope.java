package org.kalkan.platform;

import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An object that lives as long as the current database transaction — a buffer of audit entries, the locks taken, the
 * pushes to make after the commit — found in constant time. Each physical transaction has its own (a
 * {@code REQUIRES_NEW} transaction does not see its suspended caller's); the object is registered as a
 * synchronization of its transaction, so it hears of the commit. Looking such an object up among
 * {@code getSynchronizations()} instead costs a sort of all of them on every call, which a transaction filing a
 * thousand reports made quadratic.
 */
@Component
public class TransactionScope {

    private final DataSource dataSource;

    public TransactionScope(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** This transaction's object of the type, created (and registered) on first use; null outside a transaction. */
    public <T extends TransactionSynchronization> @Nullable T get(Class<T> type, Supplier<T> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object connection = TransactionSynchronizationManager.getResource(dataSource);
        Key key = new Key(connection == null ? Thread.currentThread() : connection, type);
        Object found = TransactionSynchronizationManager.getResource(key);
        if (found != null) {
            return type.cast(found);
        }
        T created = create.get();
        TransactionSynchronizationManager.bindResource(key, created);
        TransactionSynchronizationManager.registerSynchronization(created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return created;
    }

    /** One transaction's (its connection's) object of one type. */
    private record Key(Object transaction, Class<?> type) {
    }
}
