package dev.portability.api;

import java.util.List;

/**
 * What an import would do to one table.
 *
 * @param table the table name
 * @param archiveRows rows the archive holds for the table
 * @param newRows archive rows whose key does not exist in the target
 * @param existingRows archive rows whose key already exists in the target (conflicts under MERGE)
 * @param sampleExistingKeys the first existing keys found, at most {@link #SAMPLE_SIZE}
 * @param targetRows rows the target table holds now
 * @param rowsReplaceWouldDelete target rows whose key the archive lacks: REPLACE would delete them for good
 */
public record TablePreview(String table, long archiveRows, long newRows, long existingRows,
        List<Key> sampleExistingKeys, long targetRows, long rowsReplaceWouldDelete) {

    /** The maximum number of keys in {@link #sampleExistingKeys()}. */
    public static final int SAMPLE_SIZE = 20;

    /** Creates a preview; copies the list. */
    public TablePreview {
        sampleExistingKeys = List.copyOf(sampleExistingKeys);
    }
}
