package dev.portability.testkit;

import dev.portability.api.Key;
import dev.portability.api.Row;
import dev.portability.api.StoreException;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.AbstractTableAdapter;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A complete {@link DataStore} that keeps its tables in memory: the reference example of how to write a store
 * for something that is not a database, and a store for tests. It passes {@link TableAdapterContract} and is
 * under 100 lines of code.
 *
 * <p>How it meets the SPI's contract, which is what a host's own store has to do in its own way:
 * <ul>
 *   <li>the committed state is a map from table name to that table's rows by key, and a committed map of rows is
 *       never changed again (copy on write);</li>
 *   <li>a {@link Work unit of work} takes the committed state when it begins: every read of the unit sees that
 *       one snapshot, whatever other units commit meanwhile;</li>
 *   <li>the first write of a unit to a table copies that table's rows; later reads of the unit see its own
 *       writes, other units see none of them;</li>
 *   <li>{@code commit()} publishes the unit's copies at once; {@code rollback()} drops them;</li>
 *   <li>rows are immutable {@link Row}s whose values are the canonical Java values, so they are kept as they
 *       are; a row's key is its {@link TableSchema#keyOf(Row) primary key} (a table without one keeps every
 *       row).</li>
 * </ul>
 * Concurrent writers are not merged: the last commit of a table wins. That is enough for the engine, which uses
 * one unit at a time, and for tests.
 *
 * <pre>{@code
 * InMemoryStore store = InMemoryStore.of(customers, orders);
 * Portability portability = Portability.builder().application("shop").store(store).build();
 * }</pre>
 */
public final class InMemoryStore implements DataStore<InMemoryStore.Work> {

    private final List<Table> tables = new ArrayList<>();
    private final Map<String, Map<Object, Row>> committed = new HashMap<>();

    /**
     * Creates an empty store.
     *
     * @param schemas the tables, with distinct names
     */
    public InMemoryStore(List<TableSchema> schemas) {
        for (TableSchema schema : schemas) {
            tables.add(new Table(schema));
            committed.put(schema.name(), Map.of());
        }
    }

    /**
     * Creates an empty store.
     *
     * @param schemas the tables, with distinct names
     * @return the store
     */
    public static InMemoryStore of(TableSchema... schemas) {
        return new InMemoryStore(List.of(schemas));
    }

    @Override
    public List<Table> tables() {
        return List.copyOf(tables);
    }

    @Override
    public synchronized Work begin(Access access) {
        return new Work(new HashMap<>(committed));
    }

    private synchronized void publish(Map<String, Map<Object, Row>> written) {
        committed.putAll(written);
    }

    /** One unit of work: a snapshot of the committed tables, and the tables this unit has written. */
    public final class Work implements UnitOfWork {
        private final Map<String, Map<Object, Row>> snapshot;
        private final Map<String, Map<Object, Row>> written = new HashMap<>();

        private Work(Map<String, Map<Object, Row>> snapshot) {
            this.snapshot = snapshot;
        }

        private Map<Object, Row> rows(String table) {
            return written.getOrDefault(table, snapshot.get(table));
        }

        private Map<Object, Row> writable(String table) {
            return written.computeIfAbsent(table, t -> new LinkedHashMap<>(snapshot.get(t)));
        }

        @Override
        public void commit() {
            publish(written);
        }

        @Override
        public void rollback() {
            written.clear();
        }

        @Override
        public void close() {
            written.clear();
        }
    }

    /** The adapter of one table. */
    public static final class Table extends AbstractTableAdapter<Work> {

        private Table(TableSchema schema) {
            super(schema);
        }

        private Object keyOf(Row row) {
            return schema().hasPrimaryKey() ? schema().keyOf(row) : new Object();
        }

        @Override
        public long count(Work work) {
            return work.rows(schema().name()).size();
        }

        @Override
        public void read(Work work, Consumer<Row> sink) {
            work.rows(schema().name()).values().forEach(sink);
        }

        @Override
        public void insert(Work work, List<Row> rows) {
            Map<Object, Row> table = work.writable(schema().name());
            for (Row row : rows) {
                if (table.putIfAbsent(keyOf(row), row) != null) {
                    throw new StoreException("Table " + schema().name() + " already has a row with key "
                            + keyOf(row) + "; the insert was refused", false, null);
                }
            }
        }

        @Override
        public void update(Work work, List<Row> rows) {
            Map<Object, Row> table = work.writable(schema().name());
            rows.forEach(row -> table.replace(keyOf(row), row));
        }

        @Override
        public long deleteAll(Work work) {
            Map<Object, Row> table = work.writable(schema().name());
            long deleted = table.size();
            table.clear();
            return deleted;
        }

        @Override
        public Set<Key> existingKeys(Work work, List<Key> keys) {
            Set<Key> found = new LinkedHashSet<>(keys);
            found.retainAll(work.rows(schema().name()).keySet());
            return found;
        }
    }
}
