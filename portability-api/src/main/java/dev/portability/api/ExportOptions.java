package dev.portability.api;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to export: which tables, compression, verification, progress and cancellation. Immutable; every
 * {@code with...} method returns a copy. {@link #defaults()} exports every table, verified.
 */
public final class ExportOptions {

    /**
     * The default deflate level, 1: the fastest that still compresses. On the benchmark table it writes about 6%
     * more bytes than level 6 and lets the compressor keep up with the database; see docs/performance.md.
     */
    public static final int DEFAULT_COMPRESSION_LEVEL = 1;

    private static final ExportOptions DEFAULTS =
            new ExportOptions(Set.of(), DEFAULT_COMPRESSION_LEVEL, true, null, null);

    private final Set<String> tables;
    private final int compressionLevel;
    private final boolean verify;
    private final ProgressListener listener;
    private final Cancellation cancellation;

    private ExportOptions(Set<String> tables, int compressionLevel, boolean verify, ProgressListener listener,
            Cancellation cancellation) {
        this.tables = tables;
        this.compressionLevel = compressionLevel;
        this.verify = verify;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /** @return every table, default compression, verified after writing */
    public static ExportOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Limits the export to the named tables.
     *
     * @param tableNames the tables; none means all
     * @return a copy with the filter
     */
    public ExportOptions withTables(String... tableNames) {
        return withTables(Set.of(tableNames));
    }

    /**
     * Limits the export to the named tables.
     *
     * @param tableNames the tables; empty means all
     * @return a copy with the filter
     */
    public ExportOptions withTables(Collection<String> tableNames) {
        return new ExportOptions(Set.copyOf(tableNames), compressionLevel, verify, listener, cancellation);
    }

    /**
     * Sets the deflate level.
     *
     * @param level 0 (store only, fastest, largest) to 9 (smallest, slowest)
     * @return a copy with the level
     * @throws IllegalArgumentException if out of range
     */
    public ExportOptions withCompressionLevel(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("compressionLevel must be between 0 and 9, was " + level);
        }
        return new ExportOptions(tables, level, verify, listener, cancellation);
    }

    /**
     * Turns the re-read of the written archive on (the default) or off. Off saves time; on catches disk and
     * stream corruption before the export reports success.
     *
     * @param enabled whether to verify
     * @return a copy with the setting
     */
    public ExportOptions withVerification(boolean enabled) {
        return new ExportOptions(tables, compressionLevel, enabled, listener, cancellation);
    }

    /**
     * Sets the progress listener of this export, instead of the one configured on the builder.
     *
     * @param progressListener the listener
     * @return a copy with the listener
     */
    public ExportOptions withListener(ProgressListener progressListener) {
        return new ExportOptions(tables, compressionLevel, verify,
                Objects.requireNonNull(progressListener, "progressListener"), cancellation);
    }

    /**
     * Lets another thread cancel this export.
     *
     * @param handle the cancellation handle
     * @return a copy with the handle
     */
    public ExportOptions withCancellation(Cancellation handle) {
        return new ExportOptions(tables, compressionLevel, verify, listener,
                Objects.requireNonNull(handle, "handle"));
    }

    /** @return the tables to export; empty means all */
    public Set<String> tables() {
        return tables;
    }

    /** @return the deflate level, 0 to 9 */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** @return whether the archive is re-read and checked before the export reports success */
    public boolean verify() {
        return verify;
    }

    /** @return the listener of this export, if one was set */
    public Optional<ProgressListener> listener() {
        return Optional.ofNullable(listener);
    }

    /** @return the cancellation handle, if one was set */
    public Optional<Cancellation> cancellation() {
        return Optional.ofNullable(cancellation);
    }
}
