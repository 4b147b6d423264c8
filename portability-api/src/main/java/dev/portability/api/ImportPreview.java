package dev.portability.api;

import java.util.List;

/**
 * What an import with the given options would do, computed without writing anything.
 *
 * @param mode the import mode previewed
 * @param conflictPolicy the conflict policy previewed (for MERGE)
 * @param tables per table, in the order the import would write them
 * @param migrationSteps the migration steps the import would run, in order
 * @param refusals why the import would be refused before writing, with these options: the same problems, with
 *     the same {@link ErrorCode}s, that {@link ImportRefusedException} would carry (a merge into a table without a
 *     primary key, a foreign-key cycle the target cannot load, triggers, changes outside the import, tables that
 *     cannot roll back); conflicts under MERGE with policy FAIL are not among them, see {@link #wouldBeRefused()}
 */
public record ImportPreview(ImportMode mode, ConflictPolicy conflictPolicy, List<TablePreview> tables,
        List<String> migrationSteps, List<Problem> refusals) {

    /** Creates a preview; copies the lists. */
    public ImportPreview {
        tables = List.copyOf(tables);
        migrationSteps = List.copyOf(migrationSteps);
        refusals = List.copyOf(refusals);
    }

    /**
     * Creates a preview without refusals.
     *
     * @param mode the import mode previewed
     * @param conflictPolicy the conflict policy previewed
     * @param tables per table, in write order
     * @param migrationSteps the migration steps the import would run
     */
    public ImportPreview(ImportMode mode, ConflictPolicy conflictPolicy, List<TablePreview> tables,
            List<String> migrationSteps) {
        this(mode, conflictPolicy, tables, migrationSteps, List.of());
    }

    /** @return the number of archive rows whose key exists in the target, in all tables */
    public long conflicts() {
        return tables.stream().mapToLong(TablePreview::conflicts).sum();
    }

    /**
     * @return true if the import would be refused: a {@link #refusals() refusal}, or MERGE with policy FAIL and at
     *     least one existing key
     */
    public boolean wouldBeRefused() {
        return !refusals.isEmpty()
                || mode == ImportMode.MERGE && conflictPolicy == ConflictPolicy.FAIL && conflicts() > 0;
    }
}
