package dev.portability.api;

import java.time.Duration;

/**
 * What an import did to one table.
 *
 * @param table the table name
 * @param inserted rows inserted
 * @param updated existing rows overwritten (MERGE/OVERWRITE)
 * @param skipped archive rows skipped because their key existed (MERGE/SKIP)
 * @param deleted rows deleted before writing (REPLACE)
 * @param expectedRows the row count the table should have after the import
 * @param actualRows the row count found by recounting the table after writing, before commit
 * @param duration time spent on this table
 */
public record TableImportResult(String table, long inserted, long updated, long skipped, long deleted,
        long expectedRows, long actualRows, Duration duration) {

    /** @return whether the recount matched the expected count */
    public boolean countMatches() {
        return expectedRows == actualRows;
    }
}
