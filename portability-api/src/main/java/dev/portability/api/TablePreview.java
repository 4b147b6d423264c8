package dev.portability.api;

import java.util.List;

/**
 * What an import would do to one table.
 *
 * @param table the table name
 * @param archiveRows rows the archive holds for the table
 * @param newRows archive rows whose key does not exist in the target
 * @param conflicts archive rows whose key already exists in the target (conflicts under MERGE)
 * @param sampleConflictKeys the first existing keys found, at most {@link #SAMPLE_SIZE}
 * @param targetRows rows the target table holds now
 * @param rowsReplaceWouldDelete target rows whose key the archive lacks: REPLACE would delete them for good
 * @param triggers the table's triggers that the import's writes would fire, and what the import does about each
 * @param outsideChanges rows of tables outside the import that REPLACE would change by deleting this table's
 *     {@code rowsReplaceWouldDelete} rows (empty for MERGE, and when no table outside the import references this
 *     one)
 * @param nonTransactionalEngine the table's storage when it cannot roll back (e.g. {@code MyISAM},
 *     {@code foreign table}), or null
 */
public record TablePreview(String table, long archiveRows, long newRows, long conflicts,
        List<Key> sampleConflictKeys, long targetRows, long rowsReplaceWouldDelete, List<TriggerTreatment> triggers,
        List<OutsideChange> outsideChanges, String nonTransactionalEngine) {

    /** The maximum number of keys in {@link #sampleConflictKeys()}. */
    public static final int SAMPLE_SIZE = 20;

    /** Creates a preview; copies the lists. */
    public TablePreview {
        sampleConflictKeys = List.copyOf(sampleConflictKeys);
        triggers = List.copyOf(triggers);
        outsideChanges = List.copyOf(outsideChanges);
    }

    /**
     * Creates a preview of a table without triggers, outside changes or rollback limits.
     *
     * @param table the table name
     * @param archiveRows rows the archive holds for the table
     * @param newRows archive rows whose key does not exist in the target
     * @param conflicts archive rows whose key already exists in the target
     * @param sampleConflictKeys the first existing keys found
     * @param targetRows rows the target table holds now
     * @param rowsReplaceWouldDelete target rows whose key the archive lacks
     */
    public TablePreview(String table, long archiveRows, long newRows, long conflicts,
            List<Key> sampleConflictKeys, long targetRows, long rowsReplaceWouldDelete) {
        this(table, archiveRows, newRows, conflicts, sampleConflictKeys, targetRows, rowsReplaceWouldDelete,
                List.of(), List.of(), null);
    }
}
