package dev.portability.core.internal.engine;

import dev.portability.api.ForeignKey;
import dev.portability.api.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Orders tables so that referenced tables come before the tables that reference them. Cycles (self-references
 * included) are kept, not refused: the tables of a cycle stay together in their given order, except that the
 * foreign keys a store checks as each row is written point back (see {@link #of(List, BiPredicate)}), and the
 * foreign keys that point forward inside a cycle are reported by {@link #forwardReferences(TableSchema)} so the
 * import can write those columns in a second step.
 */
public final class TableOrder {

    private final List<TableSchema> ordered;
    private final Map<String, Integer> position = new HashMap<>();
    private final Map<String, Integer> component = new HashMap<>();
    /** Per component, how many tables it holds. */
    private final Map<Integer, Integer> componentSize = new HashMap<>();
    private final List<List<String>> conflicts = new ArrayList<>();

    private TableOrder(List<TableSchema> ordered, Map<String, Integer> component) {
        this.ordered = List.copyOf(ordered);
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).name(), i);
        }
        this.component.putAll(component);
        component.values().forEach(c -> componentSize.merge(c, 1, Integer::sum));
    }

    /**
     * Orders the given tables; references to tables outside the list are ignored.
     *
     * @param tables the tables, in a stable preferred order (ties keep it)
     * @return the order
     */
    public static TableOrder of(List<TableSchema> tables) {
        return of(tables, Map.of(), (table, fk) -> false);
    }

    /**
     * Orders the given tables so that referenced tables come first and, beyond that, each table comes after the
     * tables named for it in {@code after} (tables that triggers of those tables feed).
     *
     * @param tables the tables, in a stable preferred order (ties keep it)
     * @param after per table, the tables it must come after
     * @return the order; {@link #conflicts()} lists the {@code after} pairs that cannot be kept
     */
    public static TableOrder of(List<TableSchema> tables, Map<String, Set<String>> after) {
        return of(tables, after, (table, fk) -> false);
    }

    /**
     * Orders the given tables; inside a cycle, a foreign key for which {@code refersBack} holds points at a table
     * written before (where the keys for which it holds form no cycle of their own).
     *
     * @param tables the tables, in a stable preferred order (ties keep it)
     * @param refersBack the foreign keys that must refer to a table written earlier
     * @return the order
     */
    public static TableOrder of(List<TableSchema> tables, BiPredicate<TableSchema, ForeignKey> refersBack) {
        return of(tables, Map.of(), refersBack);
    }

    /**
     * Orders the given tables so that referenced tables come first and each table comes after the tables named
     * for it in {@code after}; inside a cycle, a foreign key for which {@code refersBack} holds points at a table
     * written before (where the keys for which it holds form no cycle of their own).
     *
     * @param tables the tables, in a stable preferred order (ties keep it)
     * @param after per table, the tables it must come after (tables that triggers of those tables feed)
     * @param refersBack the foreign keys that must refer to a table written earlier
     * @return the order; {@link #conflicts()} lists the {@code after} pairs that cannot be kept
     */
    public static TableOrder of(List<TableSchema> tables, Map<String, Set<String>> after,
            BiPredicate<TableSchema, ForeignKey> refersBack) {
        Map<String, TableSchema> byName = new LinkedHashMap<>();
        for (TableSchema table : tables) {
            byName.put(table.name(), table);
        }
        // strongly connected components over "references" (and "comes after") edges, referenced components first:
        // exactly the write order
        List<List<String>> components = StronglyConnected.components(byName.keySet(), name -> {
            Set<String> dependencies = new java.util.LinkedHashSet<>(byName.get(name).referencedTables());
            dependencies.addAll(after.getOrDefault(name, Set.of()));
            return dependencies;
        });
        List<TableSchema> ordered = new ArrayList<>();
        Map<String, Integer> component = new HashMap<>();
        int c = 0;
        Map<String, Integer> given = new HashMap<>();
        for (String name : byName.keySet()) {
            given.put(name, given.size());
        }
        for (List<String> members : components) {
            List<String> sorted = members;
            if (members.size() > 1) {
                sorted = new ArrayList<>(members);
                sorted.sort(java.util.Comparator.comparing(given::get)); // the given order
                sorted = referencedFirst(sorted, byName, refersBack);
            }
            for (String name : sorted) {
                ordered.add(byName.get(name));
                component.put(name, c);
            }
            c++;
        }
        TableOrder order = new TableOrder(ordered, component);
        after.forEach((table, sources) -> sources.forEach(source -> {
            if (component.containsKey(table) && component.containsKey(source)
                    && component.get(table).equals(component.get(source))) {
                order.conflicts.add(List.of(source, table));
            }
        }));
        return order;
    }

    /**
     * The pairs {@code [source, table]} of {@link #of(List, Map)}'s {@code after} that cannot be kept: the table
     * must come after the source, but foreign keys (directly or through other tables) make the source reference
     * it.
     *
     * @return the pairs, empty when every one is kept
     */
    public List<List<String>> conflicts() {
        return conflicts;
    }

    /**
     * @param table a table of this order
     * @return the number of its strongly connected component: tables of one foreign-key cycle share it, and it
     *     grows along {@link #writeOrder()}
     */
    public int component(String table) {
        return component.get(table);
    }

    /**
     * @param table a table of this order
     * @return whether the table is in a foreign-key cycle (a self-reference included)
     */
    public boolean inCycle(TableSchema table) {
        return componentSize.get(component.get(table.name())) > 1
                || table.referencedTables().contains(table.name());
    }

    /**
     * Sorts the members of one cycle so that the keys {@code refersBack} names point at earlier members: a stable
     * topological sort (ties keep the given order); members left in a cycle of such keys keep their given order.
     */
    private static List<String> referencedFirst(List<String> members, Map<String, TableSchema> byName,
            BiPredicate<TableSchema, ForeignKey> refersBack) {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        for (String name : members) {
            Set<String> referenced = new HashSet<>();
            TableSchema table = byName.get(name);
            for (ForeignKey fk : table.foreignKeys()) {
                if (!fk.referencedTable().equals(name) && members.contains(fk.referencedTable())
                        && refersBack.test(table, fk)) {
                    referenced.add(fk.referencedTable());
                }
            }
            needs.put(name, referenced);
        }
        List<String> sorted = new ArrayList<>();
        List<String> left = new ArrayList<>(members);
        boolean progress = true;
        while (!left.isEmpty() && progress) {
            progress = false;
            for (java.util.Iterator<String> it = left.iterator(); it.hasNext();) {
                String name = it.next();
                if (sorted.containsAll(needs.get(name))) {
                    sorted.add(name);
                    it.remove();
                    progress = true;
                    break; // restart from the first member left, so that ties keep the given order
                }
            }
        }
        sorted.addAll(left);
        return sorted;
    }

    /** @return the tables, referenced tables first */
    public List<TableSchema> writeOrder() {
        return ordered;
    }

    /**
     * The foreign keys of a table that point at itself or at a table written after it in the same cycle: their
     * referenced rows may not exist yet when a row is inserted.
     *
     * @param table a table of this order
     * @return those foreign keys, empty when the table is in no cycle
     */
    public List<ForeignKey> forwardReferences(TableSchema table) {
        List<ForeignKey> forward = new ArrayList<>();
        Integer own = position.get(table.name());
        for (ForeignKey fk : table.foreignKeys()) {
            Integer target = position.get(fk.referencedTable());
            if (target != null && target >= own
                    && component.get(fk.referencedTable()).equals(component.get(table.name()))) {
                forward.add(fk);
            }
        }
        return forward;
    }
}
