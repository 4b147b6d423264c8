package dev.portability.core.internal.importing;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportMode;
import dev.portability.api.ImportOptions;
import dev.portability.api.OutsideChange;
import dev.portability.api.Problem;
import dev.portability.api.TableSchema;
import dev.portability.api.TriggerTreatment;
import dev.portability.api.spi.ImportScope.Write;
import dev.portability.api.spi.ImportScope;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.engine.CycleWrites;
import dev.portability.core.internal.engine.Host;
import dev.portability.core.internal.engine.TableOrder;
import dev.portability.core.internal.engine.TablePlan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an import checks before it writes, so that only the imported tables change: tables that cannot roll back,
 * the target's triggers (and the write order they need), and for a REPLACE of tables that tables outside the import
 * reference, which tables are replaced in place and what deleting their missing rows would do outside. Imports and
 * previews share it, so that a preview refuses exactly what the import refuses.
 *
 * @param <U> the store's unit of work
 */
public final class Safeguards<U extends UnitOfWork> {

    private static final String FIRE_TRIGGERS = "ImportOptions.withTriggersFiring(true) (CLI: --fire-triggers)";
    private static final String ALLOW_CASCADES = "ImportOptions.withCascadesAllowed(true) (CLI: --allow-cascades)";
    private static final String ALLOW_NON_ATOMIC =
            "ImportOptions.withNonAtomicImportAllowed(true) (CLI: --allow-non-atomic)";

    private final Host<U> host;
    private final ImportOptions options;
    private final Map<String, TablePlan<U>> plans = new LinkedHashMap<>();
    private final TableOrder foreignKeyOrder;
    private final Set<String> inPlace = new LinkedHashSet<>();
    private final List<Problem> refusals = new ArrayList<>();
    private final ImportScope scope;
    private List<TriggerTreatment> triggers = List.of();
    private TableOrder order;

    private Safeguards(Host<U> host, List<TablePlan<U>> planned, ImportOptions options) {
        this.host = host;
        this.options = options;
        List<TableSchema> schemas = new ArrayList<>();
        for (TablePlan<U> plan : planned) {
            plans.put(plan.table(), plan);
            schemas.add(plan.mapping().target());
        }
        this.foreignKeyOrder = TableOrder.of(schemas, Map.of(), CycleWrites.refersBack(host::adapter));
        this.order = foreignKeyOrder;
        checkRollback();
        if (options.mode() == ImportMode.REPLACE) {
            planReplace();
        }
        this.scope = new ImportScope(options.mode(), options.conflictPolicy(), new ArrayList<>(plans.keySet()),
                writes(), inPlace, options.triggersFiring());
    }

    /**
     * Checks what can be known without the store's unit of work: tables that cannot roll back, and which tables a
     * REPLACE keeps in place.
     *
     * @param host the host
     * @param plans the imported tables, in foreign-key order
     * @param options the import options
     * @param <U> the store's unit of work
     * @return the safeguards
     */
    public static <U extends UnitOfWork> Safeguards<U> of(Host<U> host, List<TablePlan<U>> plans, ImportOptions options) {
        return new Safeguards<>(host, plans, options);
    }

    private void checkRollback() {
        for (TablePlan<U> plan : plans.values()) {
            plan.adapter().nonTransactionalEngine().ifPresent(engine -> {
                if (!options.nonAtomicImportAllowed()) {
                    refusals.add(new Problem(ErrorCode.NON_TRANSACTIONAL_TABLE, "table " + plan.table()
                            + " is stored in " + engine + ", which cannot roll back: if the import failed part-way, "
                            + plan.table() + " would keep what was written to it. Move the table to storage that "
                            + "rolls back (on MariaDB/MySQL: ALTER TABLE ... ENGINE=InnoDB), leave it out of the "
                            + "import, or accept a non-atomic import with " + ALLOW_NON_ATOMIC + ".", null, null,
                            plan.table(), null));
                }
            });
        }
    }

    /**
     * A REPLACE deletes every row of the imported tables first, unless a table outside the import references one
     * of them: then every imported table with a primary key is replaced in place (rows whose key the archive holds
     * are updated, only the others deleted, after checking what that deletes outside), so that the outside rows
     * keep what they reference. A table without a key cannot be kept in place: referenced from outside, it is
     * refused.
     */
    private void planReplace() {
        Map<String, Set<String>> outside = new LinkedHashMap<>();
        for (TablePlan<U> plan : plans.values()) {
            Set<String> referencing = new TreeSet<>(plan.adapter().referencingTables());
            referencing.removeAll(plans.keySet());
            if (!referencing.isEmpty()) {
                outside.put(plan.table(), referencing);
            }
        }
        if (outside.isEmpty()) {
            return;
        }
        for (TablePlan<U> plan : plans.values()) {
            if (plan.mapping().target().hasPrimaryKey()) {
                inPlace.add(plan.table());
            } else if (outside.containsKey(plan.table())) {
                refusals.add(new Problem(ErrorCode.NO_PRIMARY_KEY, "table " + plan.table() + " has no primary key, "
                        + "but " + describe(outside.get(plan.table())) + " outside the import reference"
                        + (outside.get(plan.table()).size() == 1 ? "s" : "") + " it: REPLACE cannot keep its rows "
                        + "in place and would have to delete them all. Declare a primary key for it, or import the "
                        + "referencing tables too.", null, null, plan.table(), null));
            }
        }
    }

    private static String describe(Set<String> tables) {
        return (tables.size() == 1 ? "table " : "tables ") + String.join(", ", tables);
    }

    private Map<String, Set<Write>> writes() {
        Map<String, Set<Write>> writes = new HashMap<>();
        boolean merge = options.mode() == ImportMode.MERGE;
        for (TablePlan<U> plan : plans.values()) {
            Set<Write> kinds = EnumSet.of(Write.INSERT);
            if (merge && options.conflictPolicy() == ConflictPolicy.OVERWRITE || inPlace.contains(plan.table())
                    || foreignKeyOrder.inCycle(plan.mapping().target())) {
                kinds.add(Write.UPDATE);
            }
            if (!merge) {
                kinds.add(Write.DELETE);
            }
            writes.put(plan.table(), kinds);
        }
        return writes;
    }

    /**
     * Asks the store what it does about the imported tables' triggers, orders the tables so that tables triggers
     * feed come after their sources, and records the triggers that refuse the import.
     *
     * @param work the unit of work
     */
    public void checkTriggers(U work) {
        triggers = List.copyOf(host.store().checkTriggers(work, scope));
        Map<String, Set<String>> after = new HashMap<>();
        Map<List<String>, List<String>> byPair = new HashMap<>();
        for (TriggerTreatment trigger : triggers) {
            switch (trigger.treatment()) {
                case REFUSED -> refusals.add(new Problem(ErrorCode.TRIGGER_REFUSED, "trigger " + trigger.trigger()
                        + " on table " + trigger.table() + ": " + trigger.detail() + " To import anyway, with what "
                        + "the trigger does, let triggers fire with " + FIRE_TRIGGERS + ".", null, null,
                        trigger.table(), null));
                case RECONCILED -> {
                    for (String fed : trigger.feeds()) {
                        if (plans.containsKey(fed) && !fed.equals(trigger.table())) {
                            after.computeIfAbsent(fed, t -> new LinkedHashSet<>()).add(trigger.table());
                            byPair.computeIfAbsent(List.of(trigger.table(), fed), p -> new ArrayList<>())
                                    .add(trigger.trigger());
                        }
                    }
                }
                default -> {
                }
            }
        }
        List<TableSchema> schemas = new ArrayList<>();
        for (TableSchema schema : foreignKeyOrder.writeOrder()) {
            schemas.add(schema);
        }
        order = TableOrder.of(schemas, after, CycleWrites.refersBack(host::adapter));
        for (List<String> pair : order.conflicts()) {
            String source = pair.get(0);
            String fed = pair.get(1);
            refusals.add(new Problem(ErrorCode.TRIGGER_REFUSED, "trigger " + String.join(", ",
                    byPair.getOrDefault(pair, List.of("?"))) + " on table " + source + " adds rows to table " + fed
                    + ", which has to be written before " + source + " because of their foreign keys: the rows the "
                    + "trigger adds could not be removed before " + fed + " is written. Drop or change the "
                    + "trigger for the import, or let triggers fire with " + FIRE_TRIGGERS + ".", null, null, source,
                    null));
        }
    }

    /**
     * Records the refusals that changes outside the import cause.
     *
     * @param changes what the REPLACE in place would change outside the import
     * @param deleted per imported table, how many rows it would delete
     */
    public void checkOutsideChanges(List<OutsideChange> changes, Map<String, Long> deleted) {
        Map<String, List<OutsideChange>> byTable = new LinkedHashMap<>();
        for (OutsideChange change : changes) {
            if (change.rows() > 0) {
                byTable.computeIfAbsent(change.importedTable(), t -> new ArrayList<>()).add(change);
            }
        }
        byTable.forEach((table, list) -> {
            List<String> blocked = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (OutsideChange change : list) {
                String rows = change.rows() + (change.rows() == 1 ? " row" : " rows") + " of table "
                        + change.table();
                switch (change.action()) {
                    case BLOCK -> blocked.add(rows);
                    case DELETE -> changed.add("delete " + rows);
                    case SET_NULL -> changed.add("set " + rows + " to NULL");
                    case SET_DEFAULT -> changed.add("set " + rows + " to their defaults");
                    default -> throw new IllegalStateException(change.action().name());
                }
            }
            long count = deleted.getOrDefault(table, 0L);
            String head = "REPLACE of table " + table + " deletes its " + count + (count == 1 ? " row" : " rows")
                    + " whose key the archive lacks";
            if (!blocked.isEmpty()) {
                refusals.add(new Problem(ErrorCode.CASCADES_OUTSIDE_IMPORT, head + ", but rows outside the import "
                        + "still reference them through a foreign key without an ON DELETE action (" + String.join(
                        ", ", blocked) + "), so the delete would fail. Import those tables too, or delete or change "
                        + "those rows first.", null, null, table, null));
            }
            if (!changed.isEmpty() && !options.cascadesAllowed()) {
                refusals.add(new Problem(ErrorCode.CASCADES_OUTSIDE_IMPORT, head + ", and through the ON DELETE "
                        + "actions of foreign keys that would " + String.join(", ", changed) + " outside the import. "
                        + "Import those tables too, or allow it with " + ALLOW_CASCADES + ".", null, null, table,
                        null));
            }
        });
    }

    /** @return the scope the store's hooks receive */
    public ImportScope scope() {
        return scope;
    }

    /** @return the tables a REPLACE keeps in place */
    public Set<String> inPlace() {
        return inPlace;
    }

    /** @return the triggers the store reported, once {@link #checkTriggers} ran */
    public List<TriggerTreatment> triggers() {
        return triggers;
    }

    /**
     * @param table an imported table
     * @return its triggers
     */
    public List<TriggerTreatment> triggers(String table) {
        List<TriggerTreatment> own = new ArrayList<>();
        for (TriggerTreatment trigger : triggers) {
            if (trigger.table().equals(table)) {
                own.add(trigger);
            }
        }
        return own;
    }

    /** @return the write order: foreign keys, and tables that triggers feed after their sources */
    public TableOrder order() {
        return order;
    }

    /** @return the plans in {@link #order()} */
    public List<TablePlan<U>> plans() {
        List<TablePlan<U>> ordered = new ArrayList<>();
        for (TableSchema schema : order.writeOrder()) {
            ordered.add(plans.get(schema.name()));
        }
        return ordered;
    }

    /** @return why the import is refused, so far; empty when it may go ahead */
    public List<Problem> refusals() {
        return List.copyOf(refusals);
    }

    /**
     * @param adapter an imported table's adapter
     * @return its storage that cannot roll back, or null
     */
    public static String nonTransactionalEngine(TableAdapter<?> adapter) {
        return adapter.nonTransactionalEngine().orElse(null);
    }
}
