package dev.portability.api;

import java.util.Objects;

/**
 * Rows of a table outside the import that a REPLACE would change by deleting the rows the archive lacks: through
 * the foreign keys' {@code ON DELETE} actions, followed transitively, or a foreign key without an action that would
 * make the delete fail. Reported by {@link TablePreview#outsideChanges()}; any of them refuses the import unless
 * {@link ImportOptions#withCascadesAllowed(boolean)} is set, and {@link Action#BLOCK} refuses it in any case.
 *
 * @param table the table outside the import, as the store names it (schema-qualified when it lives in another
 *     schema)
 * @param action what would happen to its rows
 * @param rows how many of its rows
 * @param importedTable the imported table whose deleted rows lead to the change
 */
public record OutsideChange(String table, Action action, long rows, String importedTable) {

    /** What would happen to the rows. */
    public enum Action {
        /** Deleted ({@code ON DELETE CASCADE}). */
        DELETE,
        /** Their referencing columns set to NULL ({@code ON DELETE SET NULL}). */
        SET_NULL,
        /** Their referencing columns set to their defaults ({@code ON DELETE SET DEFAULT}). */
        SET_DEFAULT,
        /**
         * None: their foreign key has no action ({@code RESTRICT}, {@code NO ACTION}), so the delete would fail.
         * Import the table too, or change or delete those rows first.
         */
        BLOCK
    }

    /** Creates a change. */
    public OutsideChange {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(importedTable, "importedTable");
    }

    /** @return e.g. {@code review: 3 rows DELETE (via product)} */
    @Override
    public String toString() {
        return table + ": " + rows + (rows == 1 ? " row " : " rows ") + action + " (via " + importedTable + ")";
    }
}
