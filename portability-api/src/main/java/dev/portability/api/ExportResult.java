package dev.portability.api;

import java.time.Duration;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param tables each table as the archive's manifest now declares it (schema, entry, rows, bytes, SHA-256), in
 *     archive order
 * @param archiveBytes the size of the archive file (compressed)
 * @param verified whether the archive was re-read and its checksums and row counts confirmed
 * @param duration how long the export took
 */
public record ExportResult(List<ArchiveTable> tables, long archiveBytes, boolean verified, Duration duration) {

    /** Creates the result; copies the list. */
    public ExportResult {
        tables = List.copyOf(tables);
    }

    /** @return the total number of rows written */
    public long totalRows() {
        return tables.stream().mapToLong(ArchiveTable::rows).sum();
    }
}
