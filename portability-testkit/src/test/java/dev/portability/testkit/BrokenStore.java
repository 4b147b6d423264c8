package dev.portability.testkit;

import dev.portability.api.Key;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.AbstractTableAdapter;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A store with two deliberate bugs: it writes straight into its tables, so a rollback undoes nothing and other
 * units see uncommitted rows; and it turns NULL text into an empty string when inserting.
 */
final class BrokenStore implements DataStore<BrokenStore.Work> {

    private final List<Table> tables = new ArrayList<>();

    BrokenStore(List<TableSchema> schemas) {
        schemas.forEach(schema -> tables.add(new Table(schema)));
    }

    @Override
    public List<Table> tables() {
        return tables;
    }

    @Override
    public Work begin(Access access) {
        return new Work();
    }

    static final class Work implements UnitOfWork {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
            // the bug: nothing to undo, everything was written already
        }

        @Override
        public void close() {
        }
    }

    static final class Table extends AbstractTableAdapter<Work> {
        private final Map<Key, Row> rows = new LinkedHashMap<>();

        Table(TableSchema schema) {
            super(schema);
        }

        @Override
        public long count(Work work) {
            return rows.size();
        }

        @Override
        public void read(Work work, Consumer<Row> sink) {
            new ArrayList<>(rows.values()).forEach(sink);
        }

        @Override
        public void insert(Work work, List<Row> batch) {
            for (Row row : batch) {
                Object[] values = row.values();
                for (int i = 0; i < values.length; i++) {
                    LogicalType.Kind kind = schema().columns().get(i).type().kind();
                    if (values[i] == null && kind == LogicalType.Kind.TEXT) {
                        values[i] = ""; // the bug: NULL text is stored as empty
                    }
                    if (values[i] == dev.portability.api.Infinity.POSITIVE && kind == LogicalType.Kind.DATE) {
                        values[i] = java.time.LocalDate.MAX; // the bug: infinity is stored as a far-away date
                    }
                    if ("null".equals(values[i]) && kind == LogicalType.Kind.JSON) {
                        values[i] = null; // the bug: the JSON literal null is stored as SQL NULL
                    }
                    if (values[i] instanceof dev.portability.api.NativeValue) {
                        throw new IllegalArgumentException("no zero dates here"); // refused, as declared
                    }
                }
                rows.put(schema().keyOf(row), Row.of(schema(), values));
            }
        }

        @Override
        public void update(Work work, List<Row> batch) {
            batch.forEach(row -> rows.replace(schema().keyOf(row), row));
        }

        @Override
        public long deleteAll(Work work) {
            long deleted = rows.size();
            rows.clear();
            return deleted;
        }

        @Override
        public Set<Key> existingKeys(Work work, List<Key> keys) {
            Set<Key> found = new HashSet<>(keys);
            found.retainAll(rows.keySet());
            return found;
        }
    }
}
