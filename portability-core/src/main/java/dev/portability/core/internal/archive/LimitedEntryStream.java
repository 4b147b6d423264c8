package dev.portability.core.internal.archive;

import dev.portability.api.ArchiveLimits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts an entry's uncompressed bytes as they are read — never trusting the sizes the ZIP headers claim — and
 * stops at the entry, total, ratio and line-length limits.
 */
final class LimitedEntryStream extends FilterInputStream {

    /** The ratio is only judged once an entry has expanded this far: small entries compress however they like. */
    private static final long RATIO_GRACE_BYTES = 1L << 20;

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final String entry;
    private final long compressedSize;
    private final ArchiveLimits limits;
    private final AtomicLong total;
    private long count;
    private long line;
    private volatile long lines;

    LimitedEntryStream(InputStream in, String entry, long compressedSize, ArchiveLimits limits, AtomicLong total) {
        super(in);
        this.entry = entry;
        this.compressedSize = compressedSize;
        this.limits = limits;
        this.total = total;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            if (b == '\n') {
                line = 0;
                lines++;
            } else {
                line++;
            }
            account(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            // Line breaks are found eight bytes at a time (a word without a '\n' byte is skipped whole); a line's
            // length is checked at its end or at the end of the bytes read, in this same call.
            long max = limits.maxLineBytes();
            long length = line;
            long newLines = 0;
            int lineStart = off;
            int end = off + n;
            int i = off;
            for (; i + 8 <= end; i += 8) {
                long word = (long) LONGS.get(b, i) ^ NEWLINES;
                if (((word - ONES) & ~word & HIGH_BITS) == 0) {
                    continue; // no byte of the word is '\n'
                }
                for (int j = i; j < i + 8; j++) {
                    if (b[j] == '\n') {
                        if (length + (j - lineStart) > max) {
                            throw longLine(max);
                        }
                        newLines++;
                        length = 0;
                        lineStart = j + 1;
                    }
                }
            }
            for (; i < end; i++) {
                if (b[i] == '\n') {
                    if (length + (i - lineStart) > max) {
                        throw longLine(max);
                    }
                    newLines++;
                    length = 0;
                    lineStart = i + 1;
                }
            }
            length += end - lineStart;
            if (length > max) {
                throw longLine(max);
            }
            line = length;
            lines += newLines;
            account(n);
        }
        return n;
    }

    private LimitExceededException longLine(long max) {
        return new LimitExceededException("entry " + entry + " has a line longer than " + max + " bytes",
                "maxLineBytes");
    }

    private void account(int n) throws LimitExceededException {
        count += n;
        if (line > limits.maxLineBytes()) {
            throw new LimitExceededException("entry " + entry + " has a line longer than " + limits.maxLineBytes()
                    + " bytes", "maxLineBytes");
        }
        if (count > limits.maxEntryBytes()) {
            throw new LimitExceededException("entry " + entry + " expands beyond " + limits.maxEntryBytes()
                    + " bytes", "maxEntryBytes");
        }
        if (total.addAndGet(n) > limits.maxTotalBytes()) {
            throw new LimitExceededException("the archive's entries expand beyond " + limits.maxTotalBytes()
                    + " bytes in all", "maxTotalBytes");
        }
        if (count > RATIO_GRACE_BYTES && compressedSize > 0
                && count > compressedSize * limits.maxCompressionRatio()) {
            throw new LimitExceededException("entry " + entry + " expands more than " + limits.maxCompressionRatio()
                    + " times its compressed size of " + compressedSize + " bytes (a zip bomb?)",
                    "maxCompressionRatio");
        }
    }

    /** @return the line feeds read so far: the rows of a table entry */
    long lines() {
        return lines;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }
}
