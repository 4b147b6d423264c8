package dev.portability.core.internal.importing;

import dev.portability.api.GeneratorPosition;
import dev.portability.api.Manifest;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.engine.Operation;
import dev.portability.core.internal.engine.TablePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The archive's generator positions, handed to the adapters of the imported tables: before the import commits
 * ({@link dev.portability.api.spi.TableAdapter#advanceGenerators}) and after
 * ({@link dev.portability.api.spi.TableAdapter#advanceGeneratorsAfterCommit}).
 */
public final class Generators {

    private Generators() {
    }

    /**
     * The archive's positions of one imported table's columns, named as the host names them: the table's
     * positions whose column keeps its name through the migration, if any, and exists in the host's table.
     *
     * @param plan the imported table
     * @param info the archive's manifest
     * @return the positions, naming the host's table
     */
    public static List<GeneratorPosition> of(TablePlan<?> plan, Manifest info) {
        List<GeneratorPosition> positions = new ArrayList<>();
        for (GeneratorPosition archived : info.generators()) {
            if (!archived.table().equals(plan.archived().name())) {
                continue;
            }
            boolean kept = plan.migration() == null || plan.migration().result() != null
                    && plan.migration().result().indexOf(archived.column()) >= 0;
            if (kept && plan.mapping().target().indexOf(archived.column()) >= 0) {
                positions.add(new GeneratorPosition(plan.table(), archived.column(), archived.ascending(),
                        archived.next()));
            }
        }
        return positions;
    }

    /**
     * Lets each adapter finish moving its generators after the import committed. A failure is logged, not thrown:
     * the import is complete.
     *
     * @param plans the imported tables
     * @param info the archive's manifest
     * @param work the committed unit of work
     * @param operation for the log
     * @param <U> the store's unit of work
     */
    public static <U extends UnitOfWork> void afterCommit(List<TablePlan<U>> plans, Manifest info, U work,
            Operation operation) {
        for (TablePlan<U> plan : plans) {
            List<GeneratorPosition> positions = of(plan, info);
            try {
                plan.adapter().advanceGeneratorsAfterCommit(work, positions);
            } catch (RuntimeException e) {
                operation.log().error("[{}] the import was committed, but moving the generators of table {} to the "
                        + "archive's positions {} failed: {}. New rows may take values the source had already "
                        + "handed out; move the generators by hand (e.g. ALTER TABLE ... AUTO_INCREMENT = ...).",
                        operation.id(), plan.table(), positions, e.getMessage());
            }
        }
    }
}
