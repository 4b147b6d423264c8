package dev.portability.api;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to import an archive: the mode, the duplicate policy, which tables, batch size, progress and cancellation.
 * Immutable; every {@code with...} method returns a copy.
 *
 * <pre>{@code
 * ImportOptions options = ImportOptions.merge(DuplicatePolicy.SKIP).withTables("customers", "orders");
 * }</pre>
 */
public final class ImportOptions {

    /** The default number of rows written per batch. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final ImportMode mode;
    private final DuplicatePolicy duplicatePolicy;
    private final Set<String> tables;
    private final int batchSize;
    private final ProgressListener listener;
    private final Cancellation cancellation;

    private ImportOptions(ImportMode mode, DuplicatePolicy duplicatePolicy, Set<String> tables, int batchSize,
            ProgressListener listener, Cancellation cancellation) {
        this.mode = mode;
        this.duplicatePolicy = duplicatePolicy;
        this.tables = tables;
        this.batchSize = batchSize;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /**
     * MERGE: keep existing rows, add the archive's, and treat existing keys by the given policy.
     *
     * @param duplicatePolicy what to do with a row whose key exists
     * @return the options
     */
    public static ImportOptions merge(DuplicatePolicy duplicatePolicy) {
        return new ImportOptions(ImportMode.MERGE, Objects.requireNonNull(duplicatePolicy, "duplicatePolicy"),
                Set.of(), DEFAULT_BATCH_SIZE, null, null);
    }

    /**
     * REPLACE: each imported table ends up holding exactly the archive's rows.
     *
     * @return the options
     */
    public static ImportOptions replace() {
        return new ImportOptions(ImportMode.REPLACE, DuplicatePolicy.FAIL, Set.of(), DEFAULT_BATCH_SIZE, null,
                null);
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
        return new ImportOptions(mode, duplicatePolicy, Set.copyOf(tableNames), batchSize, listener, cancellation);
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
        return new ImportOptions(mode, duplicatePolicy, tables, rows, listener, cancellation);
    }

    /**
     * Sets the progress listener of this import, instead of the one configured on the builder.
     *
     * @param progressListener the listener
     * @return a copy with the listener
     */
    public ImportOptions withListener(ProgressListener progressListener) {
        return new ImportOptions(mode, duplicatePolicy, tables, batchSize,
                Objects.requireNonNull(progressListener, "progressListener"), cancellation);
    }

    /**
     * Lets another thread cancel this import.
     *
     * @param handle the cancellation handle
     * @return a copy with the handle
     */
    public ImportOptions withCancellation(Cancellation handle) {
        return new ImportOptions(mode, duplicatePolicy, tables, batchSize, listener,
                Objects.requireNonNull(handle, "handle"));
    }

    /** @return MERGE or REPLACE */
    public ImportMode mode() {
        return mode;
    }

    /** @return the duplicate policy (meaningful for MERGE) */
    public DuplicatePolicy duplicatePolicy() {
        return duplicatePolicy;
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

    @Override
    public String toString() {
        return mode + (mode == ImportMode.MERGE ? "/" + duplicatePolicy : "")
                + (tables.isEmpty() ? "" : " tables " + tables) + ", batch " + batchSize;
    }
}
