package dev.portability.api.spi;

import java.util.List;

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
}
