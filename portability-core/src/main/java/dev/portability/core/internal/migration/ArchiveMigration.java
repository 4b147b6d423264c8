package dev.portability.core.internal.migration;

import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import java.util.List;

/**
 * How the tables and rows of an archive written at an older schema version become tables and rows of the
 * current version: the seam between the import pipeline and the migration registry. Rows flow through one at a
 * time, never collected.
 */
public interface ArchiveMigration {

    /** No upgrade: the archive is at the current version. */
    public ArchiveMigration NONE = new ArchiveMigration() {
        @Override
        public List<String> steps() {
            return List.of();
        }

        @Override
        public TableMigrationSteps table(TableSchema archived) {
            return null;
        }
    };

    /** @return a description of each step that will run, in order */
    public List<String> steps();

    /**
     * The upgrade of one archived table.
     *
     * @param archived the table as the archive declares it
     * @return its migration; null when the table passes unchanged; {@link TableMigrationSteps#result()} null when the
     *     migration drops the table
     * @throws MigrationStepException if a step does not fit the table (e.g. it renames a column the table lacks)
     */
    public TableMigrationSteps table(TableSchema archived) throws MigrationStepException;

    /** The upgrade of one table. */
    public interface TableMigrationSteps {
        /** @return the table at the current version, or null if the migration drops it */
        public TableSchema result();

        /**
         * Migrations one row.
         *
         * @param row a row of the archived table
         * @return the row at the current version, or null if a step drops it
         * @throws MigrationStepException if a step fails or produces an invalid row
         */
        public Row apply(Row row) throws MigrationStepException;

        /**
         * Says which steps stand behind a column of {@link #result()}, for messages about migrated rows.
         *
         * @param column a column name, or null for the table as a whole
         * @return e.g. {@code after migration step 2 -> 3, which writes column last_name}
         */
        default String explain(String column) {
            return "after migration";
        }
    }

    /** A migration step failed on a row. */
    public final class MigrationStepException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String column;

        /**
         * @param message which step, and what went wrong
         * @param column the column concerned, or null
         * @param cause the step's exception, or null
         */
        public MigrationStepException(String message, String column, Throwable cause) {
            super(message, cause);
            this.column = column;
        }

        /** @return the column concerned, or null */
        public String column() {
            return column;
        }
    }
}
