package dev.portability.api;

/**
 * What went wrong, as a stable code a host can switch on. Carried by every {@link PortabilityException} and every
 * validation {@link Problem}. The docs list each code with its usual causes and remedies.
 */
public enum ErrorCode {
    // The archive as a file
    /** The file is not a readable ZIP archive, or it is truncated. */
    NOT_AN_ARCHIVE,
    /** The archive has no {@code manifest.json}. */
    MANIFEST_MISSING,
    /** {@code manifest.json} is not JSON or does not match the manifest JSON Schema. */
    MANIFEST_INVALID,
    /** The archive's format or format version is not one this library reads. */
    UNSUPPORTED_FORMAT,
    /** An entry name is unsafe, duplicated, or uses a feature we refuse (encryption, unknown compression). */
    UNSAFE_ENTRY,
    /** An entry named by the manifest is not in the archive. */
    ENTRY_MISSING,
    /** The archive holds an entry the manifest does not name. */
    ENTRY_UNLISTED,
    /** An entry's SHA-256 differs from the manifest's. */
    CHECKSUM_MISMATCH,
    /** An entry's uncompressed size differs from the manifest's. */
    SIZE_MISMATCH,
    /** A table entry holds a different number of rows than the manifest says. */
    ROW_COUNT_MISMATCH,
    /** A limit on archive size, entries, lengths or nesting was exceeded. */
    LIMIT_EXCEEDED,

    // Rows
    /** A line of a table entry is not one JSON object, or names a column twice. */
    MALFORMED_ROW,
    /** A value does not fit its column's logical type. */
    INVALID_VALUE,
    /** NULL in a column that does not accept it. */
    NULL_NOT_ALLOWED,
    /** Two rows of one table share a primary key. */
    DUPLICATE_KEY,

    // The archive against the host
    /** The archive was written by a different application. */
    WRONG_APPLICATION,
    /** The archive holds a table the host does not have. */
    UNKNOWN_TABLE,
    /** The archive holds a column the host's table does not have. */
    UNKNOWN_COLUMN,
    /** The host's table has a NOT NULL column the archive lacks. */
    MISSING_COLUMN,
    /** The archive declares a column with a type that cannot be converted to the host column's type. */
    TYPE_MISMATCH,
    /** The archive comes from a newer schema version than the application knows. */
    ARCHIVE_TOO_NEW,
    /** No registered migration steps lead from the archive's schema version to the current one. */
    MIGRATION_MISSING,
    /** A migration step failed or produced an invalid row. */
    MIGRATION_FAILED,

    // Import
    /**
     * Tables reference each other in a cycle of foreign keys whose columns refuse NULL and which the target checks
     * as each row is written, without deferring to commit: no order of writing can load them.
     */
    FOREIGN_KEY_CYCLE,
    /** MERGE with the FAIL policy found keys that already exist. */
    CONFLICTS,
    /** MERGE needs a primary key to match rows, and a table has none. */
    NO_PRIMARY_KEY,

    // Everything else
    /** The store (database) failed: constraint violation, lost connection, timeout, deadlock, commit failure. */
    STORE_FAILURE,
    /** Reading or writing a file or stream failed. */
    IO_FAILURE,
    /** An export re-read its archive and found it differs from what it wrote. */
    EXPORT_VERIFICATION_FAILED,
    /** The operation was cancelled. */
    CANCELLED,
    /** The progress listener threw an exception. */
    LISTENER_FAILED,
    /** The library was configured or called incorrectly. */
    INVALID_CONFIGURATION
}
