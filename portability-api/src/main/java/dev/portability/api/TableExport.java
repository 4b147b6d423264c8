package dev.portability.api;

/**
 * What an export wrote for one table.
 *
 * @param table the table name
 * @param entry the archive entry
 * @param rows the number of rows written
 * @param bytes the uncompressed size of the entry
 * @param sha256 the SHA-256 of the entry's uncompressed bytes, lowercase hex
 */
public record TableExport(String table, String entry, long rows, long bytes, String sha256) {
}
