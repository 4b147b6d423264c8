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
            long length = line;
            long newLines = 0;
            long max = limits.maxLineBytes();
            int end = off + n;
            int i = off;
            while (true) {
                int start = i;
                while (i < end && b[i] != '\n') {
                    i++;
                }
                length += i - start;
                if (length > max) {
                    throw new LimitExceededException("entry " + entry + " has a line longer than " + max + " bytes",
                            "maxLineBytes");
                }
                if (i == end) {
                    break;
                }
                newLines++;
                length = 0;
                i++;
            }
            line = length;
            lines += newLines;
            account(n);
        }
        return n;
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
