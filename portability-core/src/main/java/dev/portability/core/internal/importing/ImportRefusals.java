package dev.portability.core.internal.importing;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportMode;
import dev.portability.api.ImportOptions;
import dev.portability.api.Key;
import dev.portability.api.Problem;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.engine.CycleWrites;
import dev.portability.core.internal.engine.Host;
import dev.portability.core.internal.engine.TablePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The reasons an import of a valid archive with given options is refused before anything is written, found the
 * same way for the import itself, its preview ({@code ImportPreview.refusals()}) and validation with options
 * ({@code Portability.validate(archive, options)}): all three give the same {@link ErrorCode}s and messages.
 */
public final class ImportRefusals {

    private ImportRefusals() {
    }

    /**
     * The refusals that follow from the tables alone, without reading the target's rows: MERGE into a table
     * without a primary key, and foreign-key cycles the target cannot load in any order.
     *
     * @param host the host
     * @param plans the imported tables, in write order
     * @param options the import options
     * @param <U> the store's unit of work
     * @return the refusals, in table order; empty when the import may go ahead
     */
    public static <U extends UnitOfWork> List<Problem> of(Host<U> host, List<TablePlan<U>> plans, ImportOptions options) {
        List<Problem> problems = new ArrayList<>();
        if (options.mode() == ImportMode.MERGE) {
            for (TablePlan<U> plan : plans) {
                if (!plan.mapping().target().hasPrimaryKey()) {
                    problems.add(new Problem(ErrorCode.NO_PRIMARY_KEY, "MERGE matches rows by primary key, but table "
                            + plan.table() + " has none; declare a primary key for it in its table adapter (JDBC: "
                            + "JdbcStore.configure(dataSource).primaryKey(\"" + plan.table() + "\", ...)), leave "
                            + "it out with a table filter, or import with REPLACE", plan.archived().entry(), null,
                            plan.table(), null));
                }
            }
        }
        List<TableSchema> schemas = new ArrayList<>();
        plans.forEach(p -> schemas.add(p.mapping().target()));
        for (Problem cycle : CycleWrites.unloadable(schemas, host::adapter)) {
            TablePlan<U> plan = plans.stream().filter(p -> p.table().equals(cycle.table())).findFirst()
                    .orElseThrow();
            problems.add(new Problem(cycle.code(), cycle.message(), plan.archived().entry(), null, cycle.table(),
                    null));
        }
        return problems;
    }

    /**
     * The refusal of MERGE with policy FAIL for one table whose keys exist in the target; the import throws
     * {@link dev.portability.api.ImportConflictException} for the same rows.
     *
     * @param plan the table
     * @param existing how many archive rows have a key that exists
     * @param sample the first of those keys
     * @return the problem
     */
    public static Problem conflicts(TablePlan<?> plan, long existing, List<Key> sample) {
        return new Problem(ErrorCode.CONFLICTS, existing + (existing == 1 ? " row of the archive has a key"
                : " rows of the archive have keys") + " that already exist in table " + plan.table() + " (MERGE "
                + "with conflict policy FAIL), e.g. " + sample + "; use conflict policy SKIP to keep the existing "
                + "rows, OVERWRITE to take the archive's, or REPLACE mode", plan.archived().entry(), null,
                plan.table(), null);
    }
}
