package dev.portability.core.internal.engine;

import dev.portability.api.ErrorCode;
import dev.portability.api.ForeignKey;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.TableAdapter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * How the rows of a table in a foreign-key cycle (a self-reference included) are written so that each reference
 * holds whenever the store checks it, for any order of the archive's rows:
 * <ul>
 *   <li>a foreign key that points forward (at this table, or at a table of the cycle written later) and whose
 *       columns all accept NULL is written as NULL first;</li>
 *   <li>a foreign key of the table to itself whose columns refuse NULL and which the store checks as each row is
 *       written ({@link TableAdapter#checksImmediately}) is written first pointing at the row itself, which
 *       exists as soon as the row does;</li>
 *   <li>both are set to the archive's values in a second pass, once every row of the cycle exists.</li>
 * </ul>
 * A foreign key to another table whose columns refuse NULL and which the store checks immediately must point back:
 * {@link TableOrder#of(List, BiPredicate)} with {@link #refersBack} orders the cycle so, and {@link #unloadable}
 * finds the cycles where no order can.
 */
public final class CycleWrites {

    /** Nothing to defer. */
    public static final CycleWrites NONE = new CycleWrites(new int[0], new int[0][]);

    /** Columns written as NULL first. */
    private final int[] nulled;
    /** Per self-reference written as a reference to the row itself: pairs of referencing, referenced column. */
    private final int[][] self;

    private CycleWrites(int[] nulled, int[][] self) {
        this.nulled = nulled;
        this.self = self;
    }

    /**
     * What to defer when writing a table.
     *
     * @param order the import's table order
     * @param schema the table
     * @param adapter its adapter
     * @return the plan; {@link #NONE} for a table in no cycle
     */
    public static CycleWrites of(TableOrder order, TableSchema schema, TableAdapter<?> adapter) {
        Set<Integer> nulled = new TreeSet<>();
        List<int[]> self = new ArrayList<>();
        for (ForeignKey fk : order.forwardReferences(schema)) {
            if (nullable(schema, fk)) {
                fk.columns().forEach(c -> nulled.add(schema.indexOf(c)));
            } else if (fk.referencedTable().equals(schema.name()) && adapter.checksImmediately(fk)
                    && selfReferencePossible(schema, fk)) {
                for (int i = 0; i < fk.columns().size(); i++) {
                    self.add(new int[] {schema.indexOf(fk.columns().get(i)),
                        schema.indexOf(fk.referencedColumns().get(i))});
                }
            }
        }
        if (nulled.isEmpty() && self.isEmpty()) {
            return NONE;
        }
        return new CycleWrites(nulled.stream().mapToInt(Integer::intValue).toArray(), self.toArray(int[][]::new));
    }

    /** @return whether any row may need a second pass */
    public boolean any() {
        return nulled.length > 0 || self.length > 0;
    }

    /**
     * The row to write in the first pass.
     *
     * @param row an archive row
     * @return the row with its forward references cleared or pointed at itself; {@code row} itself when it has
     *     nothing to defer (and needs no second pass)
     */
    public Row firstPass(Row row) {
        Object[] values = null;
        for (int column : nulled) {
            if (row.get(column) != null) {
                if (values == null) {
                    values = row.values();
                }
                values[column] = null;
            }
        }
        for (int[] pair : self) {
            Object own = row.get(pair[1]);
            if (!Objects.deepEquals(row.get(pair[0]), own)) {
                if (values == null) {
                    values = row.values();
                }
                values[pair[0]] = own;
            }
        }
        return values == null ? row : Row.of(row.schema(), values);
    }

    /**
     * @param schema a table
     * @param fk one of its foreign keys
     * @return whether every column of the key accepts NULL, so that it can be written as NULL first
     */
    public static boolean nullable(TableSchema schema, ForeignKey fk) {
        for (String column : fk.columns()) {
            if (!schema.column(column).orElseThrow().nullable()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A row can be written referring to itself when the second pass can set the real reference: it updates the
     * columns outside the primary key only, so a key column must already hold its final value.
     */
    private static boolean selfReferencePossible(TableSchema schema, ForeignKey fk) {
        for (int i = 0; i < fk.columns().size(); i++) {
            String column = fk.columns().get(i);
            if (schema.primaryKey().contains(column) && !column.equals(fk.referencedColumns().get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The foreign keys that must refer to a table written earlier: those whose columns refuse NULL and which the
     * store checks as each row is written.
     *
     * @param adapters the adapter of each table, by name
     * @return the predicate for {@link TableOrder#of(List, BiPredicate)}
     */
    public static BiPredicate<TableSchema, ForeignKey> refersBack(Function<String, ? extends TableAdapter<?>> adapters) {
        return (table, fk) -> {
            TableAdapter<?> adapter = adapters.apply(table.name());
            return adapter != null && !nullable(table, fk) && adapter.checksImmediately(fk);
        };
    }

    /**
     * Finds the foreign-key cycles no order of writing can load: cycles of foreign keys whose columns refuse NULL
     * and which the store checks as each row is written, and such self-references that cannot point at their own
     * row first.
     *
     * @param tables the imported tables, in write order
     * @param adapters the adapter of each table, by name
     * @return one problem per such cycle, naming its tables and foreign keys; empty when every cycle loads
     */
    public static List<Problem> unloadable(List<TableSchema> tables, Function<String, ? extends TableAdapter<?>> adapters) {
        Map<String, TableSchema> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        BiPredicate<TableSchema, ForeignKey> strict = refersBack(adapters);
        Map<String, List<ForeignKey>> edges = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (TableSchema table : tables) {
            List<ForeignKey> out = new ArrayList<>();
            for (ForeignKey fk : table.foreignKeys()) {
                if (!byName.containsKey(fk.referencedTable()) || !strict.test(table, fk)) {
                    continue;
                }
                if (fk.referencedTable().equals(table.name())) {
                    if (!selfReferencePossible(table, fk)) {
                        problems.add(problem(List.of(table.name()), List.of(describe(table, fk)), true));
                    }
                } else {
                    out.add(fk);
                }
            }
            edges.put(table.name(), out);
        }
        for (List<String> component : components(edges)) {
            if (component.size() < 2) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (String name : component) {
                for (ForeignKey fk : edges.get(name)) {
                    if (component.contains(fk.referencedTable())) {
                        keys.add(describe(byName.get(name), fk));
                    }
                }
            }
            problems.add(problem(component, keys, false));
        }
        return problems;
    }

    private static String describe(TableSchema table, ForeignKey fk) {
        return table.name() + " " + fk.columns() + " -> " + fk.referencedTable() + " " + fk.referencedColumns();
    }

    private static Problem problem(List<String> tables, List<String> keys, boolean self) {
        String message = self
                ? "table " + tables.get(0) + " references itself through a foreign key that refuses NULL, is "
                        + "part of the primary key and points at other columns (" + keys.get(0) + "), and the "
                        + "target checks it as each row is written: a row whose referenced row comes later cannot "
                        + "be written. Declare the foreign key DEFERRABLE where the database has deferrable "
                        + "constraints, or leave the table out with a table filter"
                : "tables " + tables + " reference each other in a cycle of foreign keys whose columns refuse NULL "
                        + "(" + String.join(", ", keys) + "), and the target checks these keys as each row is "
                        + "written, without deferring the check to the end of the import: whichever table is "
                        + "written first references rows that do not exist yet. Declare one of these foreign keys "
                        + "DEFERRABLE where the database has deferrable constraints (PostgreSQL), let one of its "
                        + "columns accept NULL, or leave one of the tables out with a table filter";
        return new Problem(ErrorCode.FOREIGN_KEY_CYCLE, message, null, null, tables.get(0), null);
    }

    /** The strongly connected components of the graph, members in the graph's order. */
    private static List<List<String>> components(Map<String, List<ForeignKey>> edges) {
        Map<String, Integer> order = new HashMap<>();
        edges.keySet().forEach(name -> order.put(name, order.size()));
        List<List<String>> components = StronglyConnected.components(edges.keySet(),
                name -> edges.get(name).stream().map(ForeignKey::referencedTable).toList());
        for (List<String> component : components) {
            component.sort(java.util.Comparator.comparing(order::get));
        }
        return components;
    }
}
