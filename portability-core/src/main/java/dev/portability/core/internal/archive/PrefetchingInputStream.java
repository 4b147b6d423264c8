package dev.portability.core.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream ahead on a second thread in large chunks, so that inflating and hashing an entry (there) and
 * parsing its rows (on the caller's thread) overlap. Memory is bounded by the queue; a failure of the source
 * reaches the caller at the point in the stream where it happened.
 */
final class PrefetchingInputStream extends InputStream {

    private static final int CHUNK = 256 * 1024;
    private static final int QUEUE = 4;

    /** A chunk of bytes, or the end, or a failure. */
    private record Piece(byte[] bytes, int length, IOException failure) {
        boolean end() {
            return bytes == null && failure == null;
        }
    }

    private final BlockingQueue<Piece> queue = new ArrayBlockingQueue<>(QUEUE);
    private final InputStream source;
    private final Future<?> producer;
    private Piece current;
    private int position;
    private boolean finished;

    PrefetchingInputStream(ExecutorService executor, InputStream source) {
        this.source = source;
        this.producer = executor.submit(this::produce);
    }

    private Void produce() throws InterruptedException {
        try {
            while (true) {
                byte[] chunk = new byte[CHUNK];
                int filled = 0;
                int n = 0;
                while (filled < CHUNK && (n = source.read(chunk, filled, CHUNK - filled)) > 0) {
                    filled += n;
                }
                if (filled > 0) {
                    queue.put(new Piece(chunk, filled, null));
                }
                if (n < 0) {
                    queue.put(new Piece(null, 0, null));
                    return null;
                }
            }
        } catch (IOException e) {
            queue.put(new Piece(null, 0, e));
            return null;
        }
    }

    private boolean fill() throws IOException {
        if (finished) {
            return false;
        }
        if (current != null && position < current.length()) {
            return true;
        }
        try {
            current = queue.poll(1, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the archive");
        }
        position = 0;
        if (current == null || current.end()) {
            finished = true;
            return false;
        }
        if (current.failure() != null) {
            finished = true;
            throw current.failure();
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current.bytes()[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.bytes(), position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        producer.cancel(true);
        queue.clear();
        source.close();
    }
}
