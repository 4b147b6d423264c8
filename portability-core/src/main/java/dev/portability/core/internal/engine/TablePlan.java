package dev.portability.core.internal.engine;

import dev.portability.api.ArchiveTable;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.archive.ManifestJson;
import dev.portability.core.internal.migration.ArchiveMigration;

/**
 * One archived table and where its rows go: the migration to the current version (or null), and the mapping onto
 * the host's table and adapter.
 *
 * @param archived the table as the manifest declares it
 * @param upgrade the migration of its rows, or null when none applies
 * @param mapping the mapping onto the host's table
 * @param adapter the host's adapter, or null when the table is read as the archive declares it
 * @param formatVersion the archive's format version, which fixes how its values are encoded
 * @param <U> the store's unit of work
 */
public record TablePlan<U extends UnitOfWork>(ArchiveTable archived, ArchiveMigration.TableMigrationSteps migration,
        RowMapping mapping, TableAdapter<U> adapter, int formatVersion) {

    /**
     * A plan for a table of an archive of the current format version.
     *
     * @param archived the table as the manifest declares it
     * @param upgrade the migration of its rows, or null
     * @param mapping the mapping onto the host's table
     * @param adapter the host's adapter
     */
    public TablePlan(ArchiveTable archived, ArchiveMigration.TableMigrationSteps migration, RowMapping mapping,
            TableAdapter<U> adapter) {
        this(archived, migration, mapping, adapter, ManifestJson.FORMAT_VERSION);
    }

    /**
     * A plan that reads a table as the archive declares it: no upgrade, no host (its rows keep the archive's
     * schema, and no store is asked whether it can hold them).
     *
     * @param archived the table as the manifest declares it
     * @param formatVersion the archive's format version
     * @return the plan; its adapter is null
     */
    public static TablePlan<UnitOfWork> asArchived(ArchiveTable archived, int formatVersion) {
        RowMapping mapping = RowMapping.plan(archived.schema(), archived.schema(), RowMapping.problems());
        return new TablePlan<>(archived, null, mapping, null, formatVersion);
    }

    /** @return the host table's name */
    public String table() {
        return mapping.target().name();
    }
}
