package dev.portability.testkit;

import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes any {@link DataStore} through its adapters, for setting up and checking tests. Each call is
 * one unit of work, used exactly as the engine uses it: committed on success, rolled back on failure, always
 * closed.
 *
 * <pre>{@code
 * Stores.insert(store, Row.of(CUSTOMERS, 1L, "Ann"), Row.of(CUSTOMERS, 2L, "Bob"));
 * List<Row> customers = Stores.rows(store, "customers");
 * }</pre>
 */
public final class Stores {

    private Stores() {
    }

    /**
     * Inserts rows in one unit of work, table by table in the order the tables first appear among the rows.
     *
     * @param store the store
     * @param rows rows of the store's tables
     * @throws IllegalArgumentException if a row belongs to a table the store does not have
     */
    public static void insert(DataStore<?> store, Row... rows) {
        insert(store, List.of(rows));
    }

    /**
     * Inserts rows in one unit of work, table by table in the order the tables first appear among the rows.
     *
     * @param store the store
     * @param rows rows of the store's tables
     * @throws IllegalArgumentException if a row belongs to a table the store does not have
     */
    public static void insert(DataStore<?> store, List<Row> rows) {
        Objects.requireNonNull(store, "store");
        Map<String, List<Row>> byTable = new LinkedHashMap<>();
        for (Row row : rows) {
            byTable.computeIfAbsent(row.schema().name(), t -> new ArrayList<>()).add(row);
        }
        insertAll(store, byTable);
    }

    private static <U extends UnitOfWork> void insertAll(DataStore<U> store, Map<String, List<Row>> byTable) {
        List<TableAdapter<U>> adapters = new ArrayList<>();
        for (String table : byTable.keySet()) {
            adapters.add(adapter(store, table));
        }
        inUnit(store, Access.WRITE, work -> {
            for (TableAdapter<U> adapter : adapters) {
                adapter.insert(work, byTable.get(adapter.schema().name()));
            }
            return null;
        });
    }

    /**
     * Reads every row of a table, in the order the adapter returns them.
     *
     * @param store the store
     * @param table the table name
     * @return the rows
     * @throws IllegalArgumentException if the store has no such table
     */
    public static List<Row> rows(DataStore<?> store, String table) {
        return rowsOf(store, table);
    }

    private static <U extends UnitOfWork> List<Row> rowsOf(DataStore<U> store, String table) {
        TableAdapter<U> adapter = adapter(store, table);
        return inUnit(store, Access.READ, work -> {
            List<Row> rows = new ArrayList<>();
            adapter.read(work, rows::add);
            return rows;
        });
    }

    /**
     * Counts the rows of every table.
     *
     * @param store the store
     * @return table name to row count, in the store's table order
     */
    public static Map<String, Long> counts(DataStore<?> store) {
        return countsOf(store);
    }

    private static <U extends UnitOfWork> Map<String, Long> countsOf(DataStore<U> store) {
        return inUnit(store, Access.READ, work -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (TableAdapter<U> adapter : store.tables()) {
                counts.put(adapter.schema().name(), adapter.count(work));
            }
            return counts;
        });
    }

    /**
     * The schemas of a store's tables.
     *
     * @param store the store
     * @return the schemas, in the store's order
     */
    public static List<TableSchema> schemas(DataStore<?> store) {
        List<TableSchema> schemas = new ArrayList<>();
        for (TableAdapter<?> adapter : store.tables()) {
            schemas.add(adapter.schema());
        }
        return schemas;
    }

    static <U extends UnitOfWork> TableAdapter<U> adapter(DataStore<U> store, String table) {
        List<String> names = new ArrayList<>();
        for (TableAdapter<U> adapter : store.tables()) {
            if (adapter.schema().name().equals(table)) {
                return adapter;
            }
            names.add(adapter.schema().name());
        }
        throw new IllegalArgumentException("the store has no table " + table + "; it has " + names);
    }

    /** Work done inside one unit of work. */
    interface InUnit<U, T> {
        T run(U work);
    }

    static <U extends UnitOfWork, T> T inUnit(DataStore<U> store, Access access, InUnit<U, T> body) {
        return store.inUnitOfWork(access, body::run);
    }
}
