package dev.portability.api;

import java.time.Duration;
import java.util.List;

/**
 * What a committed import did.
 *
 * @param mode the import mode
 * @param conflictPolicy the conflict policy (for MERGE)
 * @param tables per table, in the order written
 * @param migrationSteps the migration steps that ran, in order
 * @param duration how long the whole import took, validation included
 */
public record ImportResult(ImportMode mode, ConflictPolicy conflictPolicy, List<TableImportResult> tables,
        List<String> migrationSteps, Duration duration) {

    /** Creates a result; copies the lists. */
    public ImportResult {
        tables = List.copyOf(tables);
        migrationSteps = List.copyOf(migrationSteps);
    }

    /** @return rows inserted in all tables */
    public long inserted() {
        return tables.stream().mapToLong(TableImportResult::inserted).sum();
    }

    /** @return rows overwritten in all tables */
    public long updated() {
        return tables.stream().mapToLong(TableImportResult::updated).sum();
    }

    /** @return rows skipped in all tables */
    public long skipped() {
        return tables.stream().mapToLong(TableImportResult::skipped).sum();
    }

    /** @return rows deleted in all tables */
    public long deleted() {
        return tables.stream().mapToLong(TableImportResult::deleted).sum();
    }

    /** @return the tables whose recount differed from the expected count (empty when all matched) */
    public List<TableImportResult> countMismatches() {
        return tables.stream().filter(t -> !t.countMatches()).toList();
    }
}
