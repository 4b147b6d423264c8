package dev.portability.core;

import dev.portability.api.Key;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.AbstractTableAdapter;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An in-memory store for core's tests: each unit of work works on a copy of every table, and commit publishes
 * the copy. Tables without a primary key hold rows under a running number.
 *
 * <p>Why not the testkit's {@code InMemoryStore}: {@code portability-testkit} depends on core, so core's tests
 * cannot depend on it (a cycle in the reactor). This copy also offers what core's tests inspect directly
 * ({@link #put}, {@link #rows}, {@link #snapshot}). Tests that observe or change a few adapter calls extend
 * {@link Forwarding} instead of writing out every call again.
 */
final class MemoryStore implements DataStore<MemoryStore.Work> {

    private final Map<String, Map<Object, Row>> data = new LinkedHashMap<>();
    private final List<Table> tables = new ArrayList<>();
    private long counter;

    MemoryStore(TableSchema... schemas) {
        for (TableSchema schema : schemas) {
            data.put(schema.name(), new LinkedHashMap<>());
            tables.add(new Table(schema));
        }
    }

    /** Adds rows directly, outside any unit of work. */
    synchronized MemoryStore put(String table, Object[]... rows) {
        TableSchema schema = table(table).schema();
        for (Object[] values : rows) {
            Row row = Row.of(schema, values);
            data.get(table).put(key(schema, row), row);
        }
        return this;
    }

    synchronized Map<Object, Row> rows(String table) {
        return new LinkedHashMap<>(data.get(table));
    }

    synchronized Map<String, Map<Object, Row>> snapshot() {
        Map<String, Map<Object, Row>> copy = new LinkedHashMap<>();
        data.forEach((name, rows) -> copy.put(name, new LinkedHashMap<>(rows)));
        return copy;
    }

    Table table(String name) {
        return tables.stream().filter(t -> t.schema().name().equals(name)).findFirst().orElseThrow();
    }

    private Object key(TableSchema schema, Row row) {
        return schema.hasPrimaryKey() ? schema.keyOf(row) : Long.valueOf(counter++);
    }

    @Override
    public List<Table> tables() {
        return tables;
    }

    @Override
    public synchronized Work begin(Access access) {
        return new Work(snapshot());
    }

    /** A unit of work: a private copy of all tables. */
    final class Work implements UnitOfWork {
        final Map<String, Map<Object, Row>> copy;

        Work(Map<String, Map<Object, Row>> copy) {
            this.copy = copy;
        }

        @Override
        public void commit() {
            synchronized (MemoryStore.this) {
                data.clear();
                data.putAll(copy);
            }
        }

        @Override
        public void rollback() {
            copy.clear();
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    /** One table. */
    final class Table extends AbstractTableAdapter<Work> {
        Table(TableSchema schema) {
            super(schema);
        }

        @Override
        public long count(Work work) {
            return work.copy.get(schema().name()).size();
        }

        @Override
        public void read(Work work, Consumer<Row> sink) {
            work.copy.get(schema().name()).values().forEach(sink);
        }

        @Override
        public void insert(Work work, List<Row> rows) {
            Map<Object, Row> table = work.copy.get(schema().name());
            for (Row row : rows) {
                Object key = key(schema(), row);
                if (table.putIfAbsent(key, row) != null) {
                    throw new IllegalStateException("duplicate key " + key + " in table " + schema().name());
                }
            }
        }

        @Override
        public void update(Work work, List<Row> rows) {
            rows.forEach(row -> work.copy.get(schema().name()).put(schema().keyOf(row), row));
        }

        @Override
        public long deleteAll(Work work) {
            Map<Object, Row> table = work.copy.get(schema().name());
            long deleted = table.size();
            table.clear();
            return deleted;
        }

        @Override
        public Set<Key> existingKeys(Work work, List<Key> keys) {
            Set<Key> found = new HashSet<>(keys);
            found.retainAll(work.copy.get(schema().name()).keySet());
            return found;
        }
    }

    /**
     * An adapter that passes every call to one of this store's tables: tests override the calls they observe or
     * change.
     */
    static class Forwarding extends AbstractTableAdapter<Work> {
        private final TableAdapter<Work> table;

        Forwarding(TableAdapter<Work> table) {
            super(table.schema());
            this.table = table;
        }

        @Override
        public long count(Work work) {
            return table.count(work);
        }

        @Override
        public void read(Work work, Consumer<Row> sink) {
            table.read(work, sink);
        }

        @Override
        public void insert(Work work, List<Row> rows) {
            table.insert(work, rows);
        }

        @Override
        public void update(Work work, List<Row> rows) {
            table.update(work, rows);
        }

        @Override
        public long deleteAll(Work work) {
            return table.deleteAll(work);
        }

        @Override
        public Set<Key> existingKeys(Work work, List<Key> keys) {
            return table.existingKeys(work, keys);
        }
    }
}
