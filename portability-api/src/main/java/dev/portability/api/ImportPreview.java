package dev.portability.api;

import java.util.List;

/**
 * What an import with the given options would do, computed without writing anything.
 *
 * @param mode the import mode previewed
 * @param duplicatePolicy the duplicate policy previewed (for MERGE)
 * @param tables per table, in the order the import would write them
 * @param migrationSteps the migration steps the import would run, in order
 */
public record ImportPreview(ImportMode mode, DuplicatePolicy duplicatePolicy, List<TablePreview> tables,
        List<String> migrationSteps) {

    /** Creates a preview; copies the lists. */
    public ImportPreview {
        tables = List.copyOf(tables);
        migrationSteps = List.copyOf(migrationSteps);
    }

    /** @return the number of archive rows whose key exists in the target, in all tables */
    public long existingRows() {
        return tables.stream().mapToLong(TablePreview::existingRows).sum();
    }

    /** @return true if the import would be refused: MERGE with policy FAIL and at least one existing key */
    public boolean wouldBeRefused() {
        return mode == ImportMode.MERGE && duplicatePolicy == DuplicatePolicy.FAIL && existingRows() > 0;
    }
}
