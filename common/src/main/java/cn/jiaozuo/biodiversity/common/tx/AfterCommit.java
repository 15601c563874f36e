package cn.jiaozuo.biodiversity.common.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must wait for the current transaction to commit (waking a worker, counting a metric):
 * before the commit its rows are not visible yet, and after a rollback there is nothing to do.
 * Must be called inside an active transaction.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} once the current transaction has committed; never after a rollback. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /**
     * Like {@link #run}, but once per transaction and {@code key}: a transaction that writes many
     * rows wakes its worker once.
     */
    public static void runOnce(TransactionSynchronizationRegistry transactions, Object key, Runnable action) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        run(transactions, action);
    }
}
