package dev.portability.api;

/**
 * Limits that stop hostile or runaway archives early, while they stream and before the store is touched. An
 * archive past a limit is refused with {@link ErrorCode#LIMIT_EXCEEDED} and a message naming the limit. The
 * defaults admit any archive an export of a large application writes; lower them to match what your users may
 * upload. Immutable; every {@code with...} method returns a copy.
 *
 * <table>
 *   <caption>Limits and their defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>counted</th></tr>
 *   <tr><td>{@link #maxArchiveBytes()}</td><td>10 GiB</td><td>size of the archive file; of an upload, counted while
 *       it is spooled</td></tr>
 *   <tr><td>{@link #maxEntries()}</td><td>10,001</td><td>entries in the ZIP directory</td></tr>
 *   <tr><td>{@link #maxEntryBytes()}</td><td>64 GiB</td><td>uncompressed bytes of one entry, as read</td></tr>
 *   <tr><td>{@link #maxTotalBytes()}</td><td>256 GiB</td><td>uncompressed bytes of all entries, as read</td></tr>
 *   <tr><td>{@link #maxCompressionRatio()}</td><td>1000</td><td>uncompressed bytes read per compressed byte,
 *       checked once an entry passes 1 MiB</td></tr>
 *   <tr><td>{@link #maxNestingDepth()}</td><td>64</td><td>nesting of JSON arrays and objects</td></tr>
 *   <tr><td>{@link #maxStringLength()}</td><td>64 Mi characters</td><td>one JSON string (a 48 MB binary value as
 *       base64)</td></tr>
 *   <tr><td>{@link #maxNumberLength()}</td><td>1,100 characters</td><td>one JSON number</td></tr>
 *   <tr><td>{@link #maxLineBytes()}</td><td>256 MiB</td><td>one line (row) of a table entry</td></tr>
 *   <tr><td>{@link #maxRowsPerTable()}</td><td>1,000,000,000</td><td>rows of one table entry</td></tr>
 * </table>
 */
public final class ArchiveLimits {

    private static final ArchiveLimits DEFAULTS = new ArchiveLimits(10L << 30, 10_001, 64L << 30, 256L << 30, 1000,
            64, 64 << 20, 1100, 256L << 20, 1_000_000_000L);

    private final long maxArchiveBytes;
    private final int maxEntries;
    private final long maxEntryBytes;
    private final long maxTotalBytes;
    private final int maxCompressionRatio;
    private final int maxNestingDepth;
    private final int maxStringLength;
    private final int maxNumberLength;
    private final long maxLineBytes;
    private final long maxRowsPerTable;

    private ArchiveLimits(long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
            int maxCompressionRatio, int maxNestingDepth, int maxStringLength, int maxNumberLength, long maxLineBytes,
            long maxRowsPerTable) {
        this.maxArchiveBytes = maxArchiveBytes;
        this.maxEntries = maxEntries;
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.maxCompressionRatio = maxCompressionRatio;
        this.maxNestingDepth = maxNestingDepth;
        this.maxStringLength = maxStringLength;
        this.maxNumberLength = maxNumberLength;
        this.maxLineBytes = maxLineBytes;
        this.maxRowsPerTable = maxRowsPerTable;
    }

    /** @return the default limits */
    public static ArchiveLimits defaults() {
        return DEFAULTS;
    }

    private static long positive(String name, long value) {
        if (value < 1) {
            throw new ConfigurationException(name + ": must be at least 1, was " + value);
        }
        return value;
    }

    private static int positive(String name, int value) {
        return (int) positive(name, (long) value);
    }

    /**
     * @param bytes the largest archive file accepted
     * @return a copy with the limit
     */
    public ArchiveLimits withMaxArchiveBytes(long bytes) {
        return new ArchiveLimits(positive("maxArchiveBytes", bytes), maxEntries, maxEntryBytes, maxTotalBytes,
                maxCompressionRatio, maxNestingDepth, maxStringLength, maxNumberLength, maxLineBytes,
                maxRowsPerTable);
    }

    /**
     * @param entries the most entries in the ZIP directory
     * @return a copy with the limit
     */
    public ArchiveLimits withMaxEntries(int entries) {
        return new ArchiveLimits(maxArchiveBytes, positive("maxEntries", entries), maxEntryBytes, maxTotalBytes,
                maxCompressionRatio, maxNestingDepth, maxStringLength, maxNumberLength, maxLineBytes,
                maxRowsPerTable);
    }

    /**
     * @param bytes the most uncompressed bytes of one entry
     * @return a copy with the limit
     */
    public ArchiveLimits withMaxEntryBytes(long bytes) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, positive("maxEntryBytes", bytes), maxTotalBytes,
                maxCompressionRatio, maxNestingDepth, maxStringLength, maxNumberLength, maxLineBytes,
                maxRowsPerTable);
    }

    /**
     * @param bytes the most uncompressed bytes of all entries, per pass over the archive
     * @return a copy with the limit
     */
    public ArchiveLimits withMaxTotalBytes(long bytes) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, maxEntryBytes, positive("maxTotalBytes", bytes),
                maxCompressionRatio, maxNestingDepth, maxStringLength, maxNumberLength, maxLineBytes,
                maxRowsPerTable);
    }

    /**
     * @param ratio the most uncompressed bytes per compressed byte of an entry
     * @return a copy with the limit
     */
    public ArchiveLimits withMaxCompressionRatio(int ratio) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, maxEntryBytes, maxTotalBytes,
                positive("maxCompressionRatio", ratio), maxNestingDepth, maxStringLength, maxNumberLength,
                maxLineBytes, maxRowsPerTable);
    }

    /**
     * @param depth the deepest nesting of JSON arrays and objects
     * @return a copy with the limit
     */
    public ArchiveLimits withMaxNestingDepth(int depth) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, maxEntryBytes, maxTotalBytes, maxCompressionRatio,
                positive("maxNestingDepth", depth), maxStringLength, maxNumberLength, maxLineBytes, maxRowsPerTable);
    }

    /**
     * @param characters the longest JSON string
     * @return a copy with the limit
     */
    public ArchiveLimits withMaxStringLength(int characters) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, maxEntryBytes, maxTotalBytes, maxCompressionRatio,
                maxNestingDepth, positive("maxStringLength", characters), maxNumberLength, maxLineBytes,
                maxRowsPerTable);
    }

    /**
     * @param characters the longest JSON number
     * @return a copy with the limit
     */
    public ArchiveLimits withMaxNumberLength(int characters) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, maxEntryBytes, maxTotalBytes, maxCompressionRatio,
                maxNestingDepth, maxStringLength, positive("maxNumberLength", characters), maxLineBytes,
                maxRowsPerTable);
    }

    /**
     * @param bytes the longest line (row) of a table entry, line feed excluded
     * @return a copy with the limit
     */
    public ArchiveLimits withMaxLineBytes(long bytes) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, maxEntryBytes, maxTotalBytes, maxCompressionRatio,
                maxNestingDepth, maxStringLength, maxNumberLength, positive("maxLineBytes", bytes), maxRowsPerTable);
    }

    /**
     * @param rows the most rows of one table
     * @return a copy with the limit
     */
    public ArchiveLimits withMaxRowsPerTable(long rows) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, maxEntryBytes, maxTotalBytes, maxCompressionRatio,
                maxNestingDepth, maxStringLength, maxNumberLength, maxLineBytes, positive("maxRowsPerTable", rows));
    }

    /** @return the largest archive file accepted, in bytes */
    public long maxArchiveBytes() {
        return maxArchiveBytes;
    }

    /** @return the most entries in the ZIP directory */
    public int maxEntries() {
        return maxEntries;
    }

    /** @return the most uncompressed bytes of one entry */
    public long maxEntryBytes() {
        return maxEntryBytes;
    }

    /** @return the most uncompressed bytes of all entries, per pass over the archive */
    public long maxTotalBytes() {
        return maxTotalBytes;
    }

    /** @return the most uncompressed bytes per compressed byte of an entry */
    public int maxCompressionRatio() {
        return maxCompressionRatio;
    }

    /** @return the deepest nesting of JSON arrays and objects */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** @return the longest JSON string, in characters */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** @return the longest JSON number, in characters */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    /** @return the longest line of a table entry, in bytes */
    public long maxLineBytes() {
        return maxLineBytes;
    }

    /** @return the most rows of one table */
    public long maxRowsPerTable() {
        return maxRowsPerTable;
    }

    @Override
    public String toString() {
        return "ArchiveLimits[maxArchiveBytes=" + maxArchiveBytes + ", maxEntries=" + maxEntries + ", maxEntryBytes="
                + maxEntryBytes + ", maxTotalBytes=" + maxTotalBytes + ", maxCompressionRatio=" + maxCompressionRatio
                + ", maxNestingDepth=" + maxNestingDepth + ", maxStringLength=" + maxStringLength
                + ", maxNumberLength=" + maxNumberLength + ", maxLineBytes=" + maxLineBytes + ", maxRowsPerTable="
                + maxRowsPerTable + "]";
    }
}
