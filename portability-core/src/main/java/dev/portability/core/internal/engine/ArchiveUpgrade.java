package dev.portability.core.internal.engine;

import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import java.util.List;

/**
 * How the tables and rows of an archive written at an older schema version become tables and rows of the
 * current version: the seam between the import pipeline and the migration registry. Rows flow through one at a
 * time, never collected.
 */
public interface ArchiveUpgrade {

    /** No upgrade: the archive is at the current version. */
    ArchiveUpgrade NONE = new ArchiveUpgrade() {
        @Override
        public List<String> steps() {
            return List.of();
        }

        @Override
        public TableUpgrade table(TableSchema archived) {
            return null;
        }
    };

    /** @return a description of each step that will run, in order */
    List<String> steps();

    /**
     * The upgrade of one archived table.
     *
     * @param archived the table as the archive declares it
     * @return its upgrade; null when the table passes unchanged; {@link TableUpgrade#result()} null when the
     *     migration drops the table
     * @throws UpgradeException if a step does not fit the table (e.g. it renames a column the table lacks)
     */
    TableUpgrade table(TableSchema archived) throws UpgradeException;

    /** The upgrade of one table. */
    interface TableUpgrade {
        /** @return the table at the current version, or null if the migration drops it */
        TableSchema result();

        /**
         * Upgrades one row.
         *
         * @param row a row of the archived table
         * @return the row at the current version, or null if a step drops it
         * @throws UpgradeException if a step fails or produces an invalid row
         */
        Row apply(Row row) throws UpgradeException;

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
    final class UpgradeException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String column;

        /**
         * @param message which step, and what went wrong
         * @param column the column concerned, or null
         * @param cause the step's exception, or null
         */
        public UpgradeException(String message, String column, Throwable cause) {
            super(message, cause);
            this.column = column;
        }

        /** @return the column concerned, or null */
        public String column() {
            return column;
        }
    }
}
