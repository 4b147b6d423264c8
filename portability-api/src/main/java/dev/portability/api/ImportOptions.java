package dev.portability.api;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to import an archive: the mode, the conflict policy, which tables, batch size, progress and cancellation,
 * three safety switches that are off by default (letting the target's triggers fire, letting a REPLACE cascade
 * into tables outside the import, and importing into tables that cannot roll back), and whether to validate the
 * whole archive before the first write instead of in the writing pass. Immutable; every
 * {@code with...} method returns a copy.
 *
 * <pre>{@code
 * ImportOptions options = ImportOptions.merge(ConflictPolicy.SKIP).withTables("customers", "orders");
 * }</pre>
 */
public final class ImportOptions {

    /**
     * The default number of rows written per batch: 10,000. A batch is one PostgreSQL {@code COPY} (or MariaDB
     * {@code LOAD DATA}) of the JDBC adapters, and each costs a round trip in which the client waits for the server to
     * finish it; at 1,000 rows that wait made a PostgreSQL import 1.35 times slower (docs/performance.md). A batch
     * also ends at 16 MiB of the archive, whatever its rows, so memory stays bounded.
     */
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    private final ImportMode mode;
    private final ConflictPolicy conflictPolicy;
    private final Set<String> tables;
    private final int batchSize;
    private final ProgressListener listener;
    private final Cancellation cancellation;
    private final boolean triggersFiring;
    private final boolean cascadesAllowed;
    private final boolean nonAtomicImportAllowed;
    private final boolean validationFirst;

    private ImportOptions(ImportMode mode, ConflictPolicy conflictPolicy, Set<String> tables, int batchSize,
            ProgressListener listener, Cancellation cancellation, boolean triggersFiring, boolean cascadesAllowed,
            boolean nonAtomicImportAllowed, boolean validationFirst) {
        this.mode = mode;
        this.conflictPolicy = conflictPolicy;
        this.tables = tables;
        this.batchSize = batchSize;
        this.listener = listener;
        this.cancellation = cancellation;
        this.triggersFiring = triggersFiring;
        this.cascadesAllowed = cascadesAllowed;
        this.nonAtomicImportAllowed = nonAtomicImportAllowed;
        this.validationFirst = validationFirst;
    }

    private ImportOptions(ImportMode mode, ConflictPolicy conflictPolicy, Set<String> tables, int batchSize,
            ProgressListener listener, Cancellation cancellation, ImportOptions switches) {
        this(mode, conflictPolicy, tables, batchSize, listener, cancellation, switches.triggersFiring,
                switches.cascadesAllowed, switches.nonAtomicImportAllowed, switches.validationFirst);
    }

    /**
     * MERGE: keep existing rows, add the archive's, and treat existing keys by the given policy.
     *
     * @param conflictPolicy what to do with a row whose key exists
     * @return the options
     */
    public static ImportOptions merge(ConflictPolicy conflictPolicy) {
        return new ImportOptions(ImportMode.MERGE, Objects.requireNonNull(conflictPolicy, "conflictPolicy"),
                Set.of(), DEFAULT_BATCH_SIZE, null, null, false, false, false, false);
    }

    /**
     * REPLACE: each imported table ends up holding exactly the archive's rows.
     *
     * @return the options
     */
    public static ImportOptions replace() {
        return new ImportOptions(ImportMode.REPLACE, ConflictPolicy.FAIL, Set.of(), DEFAULT_BATCH_SIZE, null,
                null, false, false, false, false);
    }

    /**
     * Limits the import to the named tables; the others in the archive are ignored and left untouched in the
     * target.
     *
     * @param tableNames the tables to import; none means all
     * @return a copy with the filter
     */
    public ImportOptions withTables(String... tableNames) {
        return withTables(Set.of(tableNames));
    }

    /**
     * Limits the import to the named tables; the others in the archive are ignored and left untouched in the
     * target.
     *
     * @param tableNames the tables to import; empty means all
     * @return a copy with the filter
     */
    public ImportOptions withTables(Collection<String> tableNames) {
        return new ImportOptions(mode, conflictPolicy, Set.copyOf(tableNames), batchSize, listener, cancellation,
                this);
    }

    /**
     * Sets the number of rows written per batch.
     *
     * @param rows 1 to 100,000
     * @return a copy with the batch size
     * @throws IllegalArgumentException if out of range
     */
    public ImportOptions withBatchSize(int rows) {
        if (rows < 1 || rows > 100_000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 100000, was " + rows);
        }
        return new ImportOptions(mode, conflictPolicy, tables, rows, listener, cancellation, this);
    }

    /**
     * Sets the progress listener of this import, instead of the one configured on the builder.
     *
     * @param progressListener the listener
     * @return a copy with the listener
     */
    public ImportOptions withListener(ProgressListener progressListener) {
        return new ImportOptions(mode, conflictPolicy, tables, batchSize,
                Objects.requireNonNull(progressListener, "progressListener"), cancellation, this);
    }

    /**
     * Lets another thread cancel this import.
     *
     * @param handle the cancellation handle
     * @return a copy with the handle
     */
    public ImportOptions withCancellation(Cancellation handle) {
        return new ImportOptions(mode, conflictPolicy, tables, batchSize, listener,
                Objects.requireNonNull(handle, "handle"), this);
    }

    /**
     * Lets the target's triggers fire while the import writes (default: off). By default an import lands exactly
     * the archive's rows, as {@code pg_restore --disable-triggers} does: on PostgreSQL the user triggers and rules
     * of the imported tables are switched off for the import's own transaction ({@code ALTER TABLE ... DISABLE
     * TRIGGER}, which needs the table's owner); on MariaDB/MySQL and H2, which cannot switch a trigger off inside
     * a transaction, what the triggers do is undone within the import, and an import whose triggers cannot be
     * undone exactly is refused before anything is written ({@link ErrorCode#TRIGGER_REFUSED}). With this set,
     * triggers fire as for any other write: they may add rows (an audit table), rewrite columns ({@code
     * updated_at}) or write tables outside the import. The CLI option is {@code --fire-triggers}.
     *
     * @param fire true to let triggers fire
     * @return a copy with the setting
     */
    public ImportOptions withTriggersFiring(boolean fire) {
        return new ImportOptions(mode, conflictPolicy, tables, batchSize, listener, cancellation, fire,
                cascadesAllowed, nonAtomicImportAllowed, validationFirst);
    }

    /**
     * Lets a REPLACE delete, set to NULL or to a default rows of tables outside the import through their foreign
     * keys' {@code ON DELETE CASCADE / SET NULL / SET DEFAULT} actions (default: refused). When a table outside the
     * import references an imported table, REPLACE updates the rows whose key the archive also holds in place and
     * deletes only the rows whose key the archive lacks; if deleting those would change rows outside the import,
     * the import is refused before writing ({@link ErrorCode#CASCADES_OUTSIDE_IMPORT}), naming each table and how
     * many of its rows would change, unless this is set. A foreign key without an action (RESTRICT, NO ACTION)
     * still refuses such a delete. Never set this from a value the end user controls (a form field, a request
     * parameter): it lets an import delete data the archive does not hold. The CLI option is
     * {@code --allow-cascades}.
     *
     * @param allowed true to let REPLACE cascade into tables outside the import
     * @return a copy with the setting
     */
    public ImportOptions withCascadesAllowed(boolean allowed) {
        return new ImportOptions(mode, conflictPolicy, tables, batchSize, listener, cancellation, triggersFiring,
                allowed, nonAtomicImportAllowed, validationFirst);
    }

    /**
     * Lets an import write tables that cannot roll back (default: refused). Such tables (MariaDB/MySQL MyISAM,
     * Aria, MEMORY, CSV, ARCHIVE, MRG_MyISAM and other engines without transactions; PostgreSQL foreign tables;
     * H2 linked tables) keep whatever was written to them when the import fails, so by default an import into one
     * is refused before anything is written ({@link ErrorCode#NON_TRANSACTIONAL_TABLE}). With this set the import
     * runs, after validating the whole archive, and a failure while writing can leave those tables changed. The
     * CLI option is {@code --allow-non-atomic}.
     *
     * @param allowed true to accept an import that may not be undone
     * @return a copy with the setting
     */
    public ImportOptions withNonAtomicImportAllowed(boolean allowed) {
        return new ImportOptions(mode, conflictPolicy, tables, batchSize, listener, cancellation, triggersFiring,
                cascadesAllowed, allowed, validationFirst);
    }

    /**
     * Validates the whole archive before the first write (default: off, one pass). By default an import reads the
     * archive once: it checks, migrates and writes each row in the same streaming pass inside its unit of work, and
     * on the first problem rolls back, so the target is exactly as before, and reports that one problem
     * ({@link InvalidArchiveException}; {@code Portability.validate} lists them all). With this set, the import
     * first reads the whole archive to validate it, as {@code Portability.validate} does, and writes nothing when
     * it finds a problem: for hosts that want a bad upload never to reach the database, at the cost of a second
     * pass over the archive. An import that may write tables that cannot roll back
     * ({@link #withNonAtomicImportAllowed}) always validates first. The CLI option is {@code --validate-first}.
     *
     * @param first true to validate the whole archive before writing
     * @return a copy with the setting
     */
    public ImportOptions withValidationFirst(boolean first) {
        return new ImportOptions(mode, conflictPolicy, tables, batchSize, listener, cancellation, triggersFiring,
                cascadesAllowed, nonAtomicImportAllowed, first);
    }

    /** @return MERGE or REPLACE */
    public ImportMode mode() {
        return mode;
    }

    /** @return the conflict policy (meaningful for MERGE) */
    public ConflictPolicy conflictPolicy() {
        return conflictPolicy;
    }

    /** @return the tables to import; empty means all tables of the archive */
    public Set<String> tables() {
        return tables;
    }

    /** @return rows per batch */
    public int batchSize() {
        return batchSize;
    }

    /** @return the listener of this import, if one was set */
    public Optional<ProgressListener> listener() {
        return Optional.ofNullable(listener);
    }

    /** @return the cancellation handle, if one was set */
    public Optional<Cancellation> cancellation() {
        return Optional.ofNullable(cancellation);
    }

    /** @return whether the target's triggers fire during the import (see {@link #withTriggersFiring}) */
    public boolean triggersFiring() {
        return triggersFiring;
    }

    /** @return whether REPLACE may cascade into tables outside the import (see {@link #withCascadesAllowed}) */
    public boolean cascadesAllowed() {
        return cascadesAllowed;
    }

    /**
     * @return whether tables that cannot roll back may be written (see {@link #withNonAtomicImportAllowed})
     */
    public boolean nonAtomicImportAllowed() {
        return nonAtomicImportAllowed;
    }

    /** @return whether the whole archive is validated before the first write (see {@link #withValidationFirst}) */
    public boolean validationFirst() {
        return validationFirst;
    }

    @Override
    public String toString() {
        return mode + (mode == ImportMode.MERGE ? "/" + conflictPolicy : "")
                + (tables.isEmpty() ? "" : " tables " + tables) + ", batch " + batchSize
                + (triggersFiring ? ", triggers firing" : "") + (cascadesAllowed ? ", cascades allowed" : "")
                + (nonAtomicImportAllowed ? ", non-atomic allowed" : "")
                + (validationFirst ? ", validation first" : "");
    }
}
