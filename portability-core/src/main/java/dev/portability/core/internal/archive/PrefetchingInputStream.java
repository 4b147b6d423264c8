package dev.portability.core.internal.archive;

import dev.portability.core.internal.engine.Handoff;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads a stream ahead on a second thread in large chunks, so that inflating and hashing an entry (there) and
 * parsing its rows (on the caller's thread) overlap. Memory is bounded by the queue; a failure of the source
 * reaches the caller at the point in the stream where it happened.
 */
final class PrefetchingInputStream extends InputStream {

    static final int CHUNK = 256 * 1024;
    private static final int QUEUE = 4;

    /** A chunk of the source's bytes. */
    private record Chunk(byte[] bytes, int length) {
    }

    private final Handoff<Chunk> handoff = new Handoff<>(QUEUE);
    /**
     * Chunks the reader has finished with, for the producer to fill again: a new 256 KiB array is zeroed when
     * allocated (a fifth of the producer's time for a large entry, before they were reused) and churns the heap.
     */
    private final java.util.concurrent.ArrayBlockingQueue<byte[]> free =
            new java.util.concurrent.ArrayBlockingQueue<>(QUEUE + 2);
    private final InputStream source;
    private final Future<?> producer;
    private Chunk current;
    private int position;
    private boolean finished;

    PrefetchingInputStream(ExecutorService executor, InputStream source) {
        this.source = source;
        this.producer = executor.submit(this::produce);
    }

    private Void produce() throws InterruptedException {
        try {
            while (true) {
                byte[] chunk = free.poll();
                if (chunk == null) {
                    chunk = new byte[CHUNK];
                }
                int filled = 0;
                int n = 0;
                while (filled < CHUNK && (n = source.read(chunk, filled, CHUNK - filled)) > 0) {
                    filled += n;
                }
                if (filled > 0 && !handoff.put(new Chunk(chunk, filled))) {
                    return null; // the reader closed the stream
                }
                if (n < 0) {
                    handoff.end();
                    return null;
                }
            }
        } catch (IOException | RuntimeException e) {
            handoff.fail(e);
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
        if (current != null) {
            free.offer(current.bytes()); // read to its end: nothing refers to it any more
            current = null;
        }
        try {
            current = handoff.take(Handoff.NOTHING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the archive");
        } catch (Handoff.Failed e) {
            finished = true;
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (IOException) e.getCause();
        }
        position = 0;
        if (current == null) {
            finished = true;
            return false;
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
        handoff.stop();
        producer.cancel(true);
        source.close();
    }
}
