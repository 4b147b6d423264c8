package dev.portability.api;

import java.util.Objects;

/**
 * One table as the archive's manifest declares it.
 *
 * @param schema the table's columns, primary key and foreign keys as written in the archive
 * @param entry the archive entry holding its rows
 * @param rows the number of rows
 * @param bytes the uncompressed size of the entry in bytes
 * @param sha256 the SHA-256 of the entry's uncompressed bytes, lowercase hex
 */
public record ArchiveTable(TableSchema schema, String entry, long rows, long bytes, String sha256) {

    /** Creates a table description. */
    public ArchiveTable {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** @return the table name */
    public String name() {
        return schema.name();
    }
}
