package dev.portability.api.spi;

/**
 * One unit of work against a {@link DataStore}: a consistent snapshot for export, or one atomic transaction
 * across all tables for import. Obtained from {@link DataStore#begin(Access)} and passed back to every
 * {@link TableAdapter} call of the same operation.
 *
 * <p>The engine uses it in exactly one shape, {@link DataStore#inUnitOfWork}, from a single thread at a time:
 * begin, the adapter calls, then commit, or rollback when anything failed, and close in every case. Between a
 * successful {@link #commit()} and {@link #close()}, an import still passes the unit to
 * {@link TableAdapter#advanceGeneratorsAfterCommit}, for what a store can only do outside the transaction.
 */
public interface UnitOfWork extends AutoCloseable {

    /**
     * Makes every write of this unit of work durable and visible, all at once. If this throws, nothing may have
     * been made visible.
     */
    void commit();

    /** Discards every write of this unit of work. Called at most once, and only if {@link #commit()} was not. */
    void rollback();

    /**
     * Releases what the unit of work holds (a connection goes back to the host's pool with its settings
     * restored). Called exactly once, after commit or rollback; must not throw for an already closed unit.
     */
    @Override
    void close();
}
