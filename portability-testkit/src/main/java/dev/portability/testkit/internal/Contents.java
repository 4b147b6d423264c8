package dev.portability.testkit.internal;

import dev.portability.api.Column;
import dev.portability.api.Key;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.testkit.Difference;
import dev.portability.testkit.Differences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads whole stores in one unit of work and compares them table by table, row by row, value by value. */
public final class Contents {

    /** One table as read: its schema and its rows. */
    public record Table(TableSchema schema, List<Row> rows) {
    }

    private Contents() {
    }

    /**
     * Reads every table of a store in one READ unit of work.
     *
     * @param store the store
     * @return table name to content, in the store's order
     */
    public static Map<String, Table> read(DataStore<?> store) {
        return readAll(store);
    }

    private static <U extends UnitOfWork> Map<String, Table> readAll(DataStore<U> store) {
        Map<String, Table> tables = new LinkedHashMap<>();
        store.inUnitOfWork(Access.READ, work -> {
            for (TableAdapter<U> adapter : store.tables()) {
                List<Row> rows = new ArrayList<>();
                adapter.read(work, rows::add);
                tables.put(adapter.schema().name(), new Table(adapter.schema(), rows));
            }
            return null;
        });
        return tables;
    }

    /**
     * Compares two contents.
     *
     * @param expected the expected tables
     * @param actual the actual tables
     * @param instantOnly compare TIMESTAMP_TZ values by instant only
     * @return the differences
     */
    public static Differences compare(Map<String, Table> expected, Map<String, Table> actual,
            boolean instantOnly) {
        Collector out = new Collector();
        for (Table table : expected.values()) {
            Table other = actual.get(table.schema().name());
            if (other == null) {
                out.add(new Difference(table.schema().name(), null, null, "the table (" + table.rows().size()
                        + " rows)", "no such table"));
            } else {
                compareTable(table, other, instantOnly, out);
            }
        }
        for (Table table : actual.values()) {
            if (!expected.containsKey(table.schema().name()) && !table.rows().isEmpty()) {
                out.add(new Difference(table.schema().name(), null, null, "no such table",
                        "a table of " + table.rows().size() + " rows"));
            }
        }
        return new Differences(out.shown, out.total);
    }

    private static void compareTable(Table expected, Table actual, boolean instantOnly, Collector out) {
        TableSchema schema = expected.schema();
        String name = schema.name();
        List<Column> columns = new ArrayList<>();
        int[] actualIndex = new int[schema.columns().size()];
        for (int i = 0; i < schema.columns().size(); i++) {
            Column column = schema.columns().get(i);
            actualIndex[i] = actual.schema().indexOf(column.name());
            if (actualIndex[i] < 0) {
                out.add(new Difference(name, null, column.name(), "the column", "no such column"));
            } else {
                columns.add(column);
            }
        }
        List<String> keyColumns = schema.primaryKey();
        boolean keyed = !keyColumns.isEmpty() && keyColumns.stream().allMatch(c -> actual.schema().indexOf(c) >= 0);
        if (!keyed) {
            compareUnkeyed(expected, actual, actualIndex, instantOnly, out);
            return;
        }
        Map<Key, Row> actualRows = new LinkedHashMap<>();
        for (Row row : actual.rows()) {
            actualRows.put(key(row, keyColumns), row);
        }
        for (Row row : expected.rows()) {
            Key key = schema.keyOf(row);
            Row other = actualRows.remove(key);
            if (other == null) {
                out.add(new Difference(name, key, null, "a row", "no row with this key"));
                continue;
            }
            for (int i = 0; i < actualIndex.length; i++) {
                if (actualIndex[i] < 0) {
                    continue;
                }
                Column column = schema.columns().get(i);
                Object want = row.get(i);
                Object got = other.get(actualIndex[i]);
                if (!Values.same(column.type(), want, got, instantOnly)) {
                    out.add(new Difference(name, key, column.name(), Values.show(column.type(), want),
                            Values.show(column.type(), got) + Values.firstDifference(want, got)));
                }
            }
        }
        for (Key key : actualRows.keySet()) {
            out.add(new Difference(name, key, null, "no row with this key", "a row"));
        }
    }

    private static Key key(Row row, List<String> keyColumns) {
        Object[] values = new Object[keyColumns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(keyColumns.get(i));
        }
        return Key.of(values);
    }

    private static void compareUnkeyed(Table expected, Table actual, int[] actualIndex, boolean instantOnly,
            Collector out) {
        TableSchema schema = expected.schema();
        List<Row> unmatched = new ArrayList<>(actual.rows());
        int number = 0;
        for (Row row : expected.rows()) {
            number++;
            boolean found = false;
            for (int j = 0; j < unmatched.size() && !found; j++) {
                if (sameRow(schema, row, unmatched.get(j), actualIndex, instantOnly)) {
                    unmatched.remove(j);
                    found = true;
                }
            }
            if (!found) {
                out.add(new Difference(schema.name(), null, null, "row " + number + " " + render(schema, row),
                        "no equal row"));
            }
        }
        for (Row row : unmatched) {
            out.add(new Difference(schema.name(), null, null, "no such row", "a row " + render(actual.schema(),
                    row)));
        }
    }

    private static boolean sameRow(TableSchema schema, Row expected, Row actual, int[] actualIndex,
            boolean instantOnly) {
        for (int i = 0; i < actualIndex.length; i++) {
            if (actualIndex[i] >= 0 && !Values.same(schema.columns().get(i).type(), expected.get(i),
                    actual.get(actualIndex[i]), instantOnly)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Renders a row's values, each cut short.
     *
     * @param schema the table
     * @param row the row
     * @return e.g. {@code (id=1, name='Ann')}
     */
    public static String render(TableSchema schema, Row row) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < row.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(schema.columns().get(i).name()).append('=')
                    .append(Values.show(row.get(i)));
        }
        return out.append(')').toString();
    }

    private static final class Collector {
        private final List<Difference> shown = new ArrayList<>();
        private long total;

        void add(Difference difference) {
            total++;
            if (shown.size() < Differences.SHOWN) {
                shown.add(difference);
            }
        }
    }
}
