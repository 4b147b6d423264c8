package dev.portability.core.internal.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The uncompressed bytes of one entry, with their count and SHA-256. The count and hash cover the bytes read so
 * far and are final once the stream reached its end ({@link #drain()}).
 */
public final class EntryStream extends FilterInputStream {

    private final HashingInputStream hashing;
    private final LimitedEntryStream limited;

    EntryStream(InputStream in, HashingInputStream hashing, LimitedEntryStream limited) {
        super(in);
        this.hashing = hashing;
        this.limited = limited;
    }

    /** @return the line feeds in the bytes read so far (by the read-ahead thread): rows, after {@link #drain()} */
    public long lines() {
        return limited.lines();
    }

    /**
     * Reads the rest of the entry so that the count and hash cover all of it.
     *
     * @throws IOException if reading fails
     */
    public void drain() throws IOException {
        transferTo(OutputStream.nullOutputStream());
    }

    /** @return the uncompressed bytes read so far (by the read-ahead thread) */
    public long count() {
        return hashing.count();
    }

    /** @return the SHA-256 of the entry's bytes, lowercase hex; call once, after {@link #drain()} */
    public String sha256() {
        return hashing.sha256();
    }
}
