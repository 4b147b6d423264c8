package dev.portability.api;

import java.util.Objects;

/**
 * What went wrong, as a stable code a host can switch on. Carried by every {@link PortabilityException} and every
 * validation {@link Problem}. Each code carries its own recovery {@link #suggestion()}: the sentence a user reads
 * on what to do, used alike by exception messages, the command line and the HTTP endpoints.
 */
public enum ErrorCode {
    // The archive as a file
    /** The file is not a readable ZIP archive, or it is truncated. */
    NOT_AN_ARCHIVE("Check that the file is an archive written by a Portability export and that it was copied or "
            + "uploaded completely; if it was cut short, copy it again or export again."),
    /** The archive has no {@code manifest.json}. */
    MANIFEST_MISSING("Use the archive as a Portability export wrote it: this ZIP file has no manifest.json, so it "
            + "is another kind of ZIP file or was repacked."),
    /** {@code manifest.json} is not JSON or does not match the manifest JSON Schema. */
    MANIFEST_INVALID("Use the archive as the export wrote it: its manifest.json was edited or damaged. Take an "
            + "intact copy, or export again from the source."),
    /** The archive's format or format version is not one this library reads. */
    UNSUPPORTED_FORMAT("Upgrade Portability in this application to a version that reads the archive's format "
            + "version, or export the data again with the Portability version this application uses."),
    /** An entry name is unsafe, duplicated, or uses a feature we refuse (encryption, unknown compression). */
    UNSAFE_ENTRY("Do not import this file: its ZIP structure was not written by a Portability export (unsafe or "
            + "duplicated names, encryption or unknown compression). Export the data again."),
    /** An entry named by the manifest is not in the archive. */
    ENTRY_MISSING("The archive is incomplete (an entry was removed, or the file was repacked): use an intact copy "
            + "or export again."),
    /** The archive holds an entry the manifest does not name. */
    ENTRY_UNLISTED("The archive holds files its export did not write (they were added later): use an intact copy "
            + "or export again."),
    /** An entry's SHA-256 differs from the manifest's. */
    CHECKSUM_MISMATCH("The archive was damaged or altered after its export: use an intact copy (compare the file's "
            + "SHA-256 with the original's) or export again."),
    /** An entry's uncompressed size differs from the manifest's. */
    SIZE_MISMATCH("An entry of the archive was cut short or altered after its export: use an intact copy or "
            + "export again."),
    /** A table entry holds a different number of rows than the manifest says. */
    ROW_COUNT_MISMATCH("Rows were added to or removed from the archive after its export: use an intact copy or "
            + "export again."),
    /** A limit on archive size, entries, lengths or nesting was exceeded. */
    LIMIT_EXCEEDED("If you trust the archive, raise the limit the message names (ArchiveLimits, set with "
            + "Portability.Builder.limits); if you do not, do not import it."),

    // Rows
    /** A line of a table entry is not one JSON object, or names a column twice. */
    MALFORMED_ROW("A table entry was edited by hand or damaged: make the named line one JSON object with each "
            + "column once, or export again."),
    /** A value does not fit its column's logical type. */
    INVALID_VALUE("Correct the value at the named table, row and column (in the source, then export again), or "
            + "give the column a type that holds it."),
    /** NULL in a column that does not accept it. */
    NULL_NOT_ALLOWED("Give the named column a value in the source and export again, or let the target column "
            + "accept NULL."),
    /** Two rows of one table share a primary key. */
    DUPLICATE_KEY("Two rows of the archive share one primary key: remove one of them in the source and export "
            + "again."),

    // The archive against the host
    /** The archive was written by a different application. */
    WRONG_APPLICATION("Import the archive into the application that exported it (the message names it): archives "
            + "do not move between applications."),
    /** The archive holds a table the host does not have. */
    UNKNOWN_TABLE("Import only the tables this application has (choose the tables to import), or add the table to "
            + "the application, or register a migration step that renames or drops it."),
    /** The archive holds a column the host's table does not have. */
    UNKNOWN_COLUMN("Add the column to the application's table, or register a migration step that renames or drops "
            + "it for archives of that schema version."),
    /** The host's table has a NOT NULL column the archive lacks. */
    MISSING_COLUMN("Let the column accept NULL, or register a migration step that adds it with a value for "
            + "archives of that schema version."),
    /** The archive declares a column with a type that cannot be converted to the host column's type. */
    TYPE_MISMATCH("Register a migration step that converts the column for archives of that schema version, or "
            + "give the application's column a type that holds the archive's values."),
    /** The archive comes from a newer schema version than the application knows. */
    ARCHIVE_TOO_NEW("Upgrade the application to the schema version that wrote the archive, or a newer one, before "
            + "importing it."),
    /** No registered migration steps lead from the archive's schema version to the current one. */
    MIGRATION_MISSING("Register a migration step in the application that leads from the archive's schema version "
            + "to the current one (Portability.Builder.migrations); the archive itself is fine."),
    /** A migration step failed or produced an invalid row. */
    MIGRATION_FAILED("Fix the migration step the message names (it failed on the named table and row) in the "
            + "application; the archive itself may be fine."),

    // Import
    /**
     * Tables reference each other in a cycle of foreign keys whose columns refuse NULL and which the target checks
     * as each row is written, without deferring to commit: no order of writing can load them.
     */
    FOREIGN_KEY_CYCLE("Declare one of the cycle's foreign keys DEFERRABLE (where the database has deferrable "
            + "constraints) or let one of its columns accept NULL, or leave one of the tables out of the import."),
    /** MERGE with the FAIL policy found keys that already exist. */
    CONFLICTS("Choose the conflict policy SKIP to keep the existing rows or OVERWRITE to take the archive's, or "
            + "import with REPLACE; a preview shows what each would do."),
    /** MERGE needs a primary key to match rows, and a table has none. */
    NO_PRIMARY_KEY("Declare a primary key on the table, leave the table out of the import, or import with "
            + "REPLACE."),
    /**
     * A trigger of an imported table would change what the import writes, and it can be neither switched off nor
     * reconciled (see {@link ImportOptions#withTriggersFiring(boolean)}).
     */
    TRIGGER_REFUSED("Import as the owner of the named table (so its triggers can be switched off), drop or change "
            + "the named trigger, leave its table out of the import, or let the triggers fire if what they write "
            + "is wanted (ImportOptions.withTriggersFiring, --fire-triggers)."),
    /**
     * REPLACE would delete, set to NULL or to a default rows of tables outside the import (their foreign keys'
     * {@code ON DELETE} actions), or fail on their foreign keys (see {@link ImportOptions#withCascadesAllowed}).
     */
    CASCADES_OUTSIDE_IMPORT("Import the named outside tables too, import with MERGE instead of REPLACE, or accept "
            + "the changes to the outside rows the message counts (ImportOptions.withCascadesAllowed, "
            + "--allow-cascades)."),
    /**
     * An imported table cannot roll back (MyISAM, Aria, MEMORY, a foreign or linked table): the import could not
     * be undone (see {@link ImportOptions#withNonAtomicImportAllowed(boolean)}).
     */
    NON_TRANSACTIONAL_TABLE("Convert the named table to a storage engine that rolls back (InnoDB), leave it out of "
            + "the import, or accept an import that cannot be undone if it fails "
            + "(ImportOptions.withNonAtomicImportAllowed, --allow-non-atomic)."),

    // The host's store
    /**
     * A column of the host's store has a type an archive cannot carry (see {@link ColumnException}); discovery
     * refuses it unless the column, its table, or every such column is left out.
     */
    UNSUPPORTED_COLUMN("Leave the named column out (JdbcStore.Configuration.skipColumn or skipUnsupportedColumns; "
            + "on the command line --skip-column or --skip-unsupported-columns) or its table, or give it a type an "
            + "archive carries (docs/jdbc-types.md lists them)."),

    // Export
    /** Row-level security would hide rows of a table from the exporting user, so the archive would lack them. */
    ROWS_HIDDEN("Export as a user that may read every row of the named table (its owner, a superuser or a role "
            + "with BYPASSRLS), or leave the table out of the export."),

    // Everything else
    /** The store (database) failed: constraint violation, lost connection, timeout, deadlock, commit failure. */
    STORE_FAILURE("Check that the database is reachable and the account may read and write the tables, and the "
            + "constraint or lock the message names; when the failure is retryable (deadlock, lock timeout, lost "
            + "connection), run the operation again."),
    /** Reading or writing a file or stream failed. */
    IO_FAILURE("Check that the file exists and can be read, and that the directory it is written to exists, can "
            + "be written and has room."),
    /** An export re-read its archive and found it differs from what it wrote. */
    EXPORT_VERIFICATION_FAILED("Check the disk and file system the archive was written to, then export again; no "
            + "archive was kept."),
    /** The operation was cancelled. */
    CANCELLED("Run the operation again when you want it; the cancelled one changed nothing."),
    /** The progress listener threw an exception. */
    LISTENER_FAILED("Fix the application's progress listener (the message names what it threw), then run the "
            + "operation again."),
    /** The library was configured or called incorrectly. */
    INVALID_CONFIGURATION("Correct the setting or argument the message names.");

    private final String suggestion;

    ErrorCode(String suggestion) {
        this.suggestion = Objects.requireNonNull(suggestion, "suggestion");
    }

    /**
     * What a user can do about a failure of this kind, in one or two sentences that hold for every occurrence;
     * the message of the failure says what happened and where. The words are the library's (a table filter, a
     * conflict policy, a migration step); a command line or a page may add how to do it there.
     *
     * @return the recovery suggestion, never blank
     */
    public String suggestion() {
        return suggestion;
    }
}
