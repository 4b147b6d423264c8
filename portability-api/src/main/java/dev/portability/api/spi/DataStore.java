package dev.portability.api.spi;

import dev.portability.api.Key;
import dev.portability.api.OutsideChange;
import dev.portability.api.TriggerTreatment;
import java.util.List;
import java.util.Map;

/**
 * The host's tables and the way to work on them atomically: the one object a host hands to
 * {@code Portability.builder().store(...)}.
 *
 * <p>The JDBC module provides one for any {@code javax.sql.DataSource}; a host with another store (an
 * in-memory map, a document store, files) implements this interface and one {@link TableAdapter} per table.
 * The testkit's contract suite checks such an implementation.
 *
 * @param <U> the store's unit of work, handed back to every adapter call
 */
public interface DataStore<U extends UnitOfWork> {

    /**
     * The tables this store exports and imports, one adapter each, with distinct names. Called once, when the
     * {@code Portability} instance is built.
     *
     * @return the adapters
     */
    List<? extends TableAdapter<U>> tables();

    /**
     * Opens a unit of work.
     *
     * @param access what the unit is for
     * @return a new unit of work, closed by the caller
     */
    U begin(Access access);

    /**
     * Runs {@code body} in a new unit of work and ends it, the one way the engine and the testkit use units of
     * work (like Jdbi's {@code inTransaction}): begins it, runs the body, commits, and closes it; when the body or
     * the commit throws, rolls back (a failure of the rollback is added to the first as suppressed), closes it and
     * rethrows. Stores implement {@link #begin} and the {@link UnitOfWork}; they have no reason to override this.
     *
     * @param access what the unit is for
     * @param body the work, given the open unit of work
     * @param <R> the body's result
     * @param <X> the checked exception the body may throw
     * @return the body's result
     * @throws X if the body throws it (the unit of work was rolled back)
     */
    default <R, X extends Exception> R inUnitOfWork(Access access, Callback<U, R, X> body) throws X {
        return inUnitOfWork(access, body, (work, result) -> { });
    }

    /**
     * Runs {@code body} as {@link #inUnitOfWork(Access, Callback)} does, and after a successful commit, before the
     * unit of work is closed, {@code afterCommit}: for what a store can only do outside the transaction (see
     * {@link TableAdapter#advanceGeneratorsAfterCommit}). A failure of {@code afterCommit} is thrown after the
     * unit of work is closed; the commit stands.
     *
     * @param access what the unit is for
     * @param body the work, given the open unit of work
     * @param afterCommit run after the commit with the committed unit of work and the body's result
     * @param <R> the body's result
     * @param <X> the checked exception the body may throw
     * @return the body's result
     * @throws X if the body throws it (the unit of work was rolled back)
     */
    default <R, X extends Exception> R inUnitOfWork(Access access, Callback<U, R, X> body,
            java.util.function.BiConsumer<? super U, ? super R> afterCommit) throws X {
        U work = begin(access);
        try {
            R result;
            try {
                result = body.run(work);
                work.commit();
            } catch (Throwable failure) {
                try {
                    work.rollback();
                } catch (RuntimeException rollback) {
                    failure.addSuppressed(rollback);
                }
                throw failure;
            }
            afterCommit.accept(work, result);
            return result;
        } finally {
            work.close();
        }
    }

    /**
     * Work done in one unit of work: see {@link #inUnitOfWork(Access, Callback)}.
     *
     * @param <U> the store's unit of work
     * @param <R> the result
     * @param <X> the checked exception it may throw
     */
    @FunctionalInterface
    interface Callback<U extends UnitOfWork, R, X extends Exception> {
        /**
         * @param work the open unit of work; not to be committed, rolled back or closed here
         * @return the result
         * @throws X if the work fails
         */
        R run(U work) throws X;
    }

    /**
     * Counts the rows of several of the store's tables, each as its {@link TableAdapter#count} would: the engine
     * counts every exported table before an export and every imported table before and after an import, and a
     * store of many tables may answer in one round trip instead of one per table. By default each table counts its
     * own rows.
     *
     * @param work the unit of work
     * @param tables names of tables of {@link #tables()}
     * @return the rows of each table, by name, in the order given
     */
    default Map<String, Long> count(U work, List<String> tables) {
        Map<String, TableAdapter<U>> byName = new java.util.HashMap<>();
        for (TableAdapter<U> adapter : tables()) {
            byName.put(adapter.schema().name(), adapter);
        }
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : tables) {
            TableAdapter<U> adapter = byName.get(table);
            if (adapter == null) {
                throw new IllegalArgumentException("no table " + table + " in " + this);
            }
            counts.put(table, adapter.count(work));
        }
        return counts;
    }

    /**
     * Says what the import will do about the triggers of the imported tables that its writes would fire, without
     * changing anything: switch them off, let them fire and undo what they do, or refuse the import (a
     * {@link TriggerTreatment.Treatment#REFUSED} entry makes the engine refuse before writing). A
     * {@link TriggerTreatment.Treatment#RECONCILED} trigger that adds rows to other imported tables lists them in
     * {@link TriggerTreatment#feeds()}: the engine writes those tables after the trigger's table and calls
     * {@link TableAdapter#beforeWrite} on them first. Called by imports and previews, inside their unit of work.
     * Returns nothing by default: a store without triggers.
     *
     * @param work the unit of work
     * @param scope what the import writes
     * @return one entry per trigger the import's writes would fire
     */
    default List<TriggerTreatment> checkTriggers(U work, ImportScope scope) {
        return List.of();
    }

    /**
     * Says what deleting the given rows of imported tables would do to the rows of tables outside the import
     * ({@code ON DELETE} actions of their foreign keys, followed transitively), without changing anything. Called
     * for a REPLACE in place ({@link ImportScope#replacedInPlace()}) with the rows it would delete, before it
     * writes, and by its preview. Returns nothing by default: a store that enforces no references.
     *
     * @param work the unit of work
     * @param scope what the import writes
     * @param deletedKeys per imported table, the keys of the rows the import would delete
     * @return the changes, one per outside table, action and imported table
     */
    default List<OutsideChange> outsideChanges(U work, ImportScope scope, Map<String, List<Key>> deletedKeys) {
        return List.of();
    }

    /**
     * Prepares a WRITE unit of work for the import, after every check passed and before the first write: e.g.
     * switches the imported tables' triggers off for this transaction only, or records what is needed to undo
     * what triggers do. What it changes must end with the unit of work (commit or rollback). Does nothing by
     * default.
     *
     * @param work the import's unit of work
     * @param scope what the import writes
     */
    default void prepareImport(U work, ImportScope scope) {
    }
}
