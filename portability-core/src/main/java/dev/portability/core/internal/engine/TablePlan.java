package dev.portability.core.internal.engine;

import dev.portability.api.ArchiveTable;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;

/**
 * One archived table and where its rows go: the upgrade to the current version (or null), and the mapping onto
 * the host's table and adapter.
 *
 * @param archived the table as the manifest declares it
 * @param upgrade the migration of its rows, or null when none applies
 * @param mapping the mapping onto the host's table
 * @param adapter the host's adapter
 * @param <U> the store's unit of work
 */
public record TablePlan<U extends UnitOfWork>(ArchiveTable archived, ArchiveUpgrade.TableUpgrade upgrade,
        RowMapping mapping, TableAdapter<U> adapter) {

    /** @return the host table's name */
    public String table() {
        return mapping.target().name();
    }
}
