package dev.portability.core.internal.archive;

import dev.portability.core.internal.engine.Handoff;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Hands the bytes of an entry to a second thread in large chunks, so that encoding and hashing rows (on the
 * caller's thread) and deflating them (on the other) overlap: an export uses two cores. Memory is bounded by the
 * queue: at most {@code 2 + QUEUE} chunks of {@code CHUNK} bytes.
 */
final class PipedEntryStream extends OutputStream {

    static final int CHUNK = 256 * 1024;
    private static final int QUEUE = 4;
    private final Handoff<byte[]> handoff = new Handoff<>(QUEUE);
    private final Future<?> consumer;
    private byte[] buffer = new byte[CHUNK];
    private int used;
    private boolean closed;

    /**
     * @param executor runs the consumer
     * @param target receives the bytes on the consumer's thread
     */
    PipedEntryStream(ExecutorService executor, OutputStream target) {
        this.consumer = executor.submit(() -> {
            try {
                byte[] chunk;
                while ((chunk = handoff.take(Handoff.NOTHING)) != null) {
                    target.write(chunk, 0, chunk.length);
                }
                return null;
            } catch (IOException | RuntimeException | InterruptedException e) {
                handoff.stop(); // the writer's next put returns false and finds this failure
                throw e;
            }
        });
    }

    @Override
    public void write(int b) throws IOException {
        if (used == buffer.length) {
            pass();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == buffer.length) {
                pass();
            }
            int n = Math.min(len, buffer.length - used);
            System.arraycopy(b, off, buffer, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    private void pass() throws IOException {
        byte[] chunk = used == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, used);
        put(chunk);
        buffer = new byte[CHUNK];
        used = 0;
    }

    private void put(byte[] chunk) throws IOException {
        try {
            if (!handoff.put(chunk)) {
                rethrow(); // the consumer failed: stop producing
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            consumer.cancel(true);
            throw new InterruptedIOException("interrupted while writing the archive");
        }
    }

    /** Flushing is a no-op: chunks are passed when full, and the rest at {@link #close()}. */
    @Override
    public void flush() {
        // deliberately nothing: small writes would defeat the chunking
    }

    /**
     * Passes the last chunk and waits until the consumer has written everything.
     *
     * @throws IOException if the consumer failed
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (used > 0) {
            pass();
        }
        try {
            handoff.end(); // false when the consumer failed: rethrow() says how
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            consumer.cancel(true);
            throw new InterruptedIOException("interrupted while writing the archive");
        }
        rethrow();
    }

    /** Stops the consumer without waiting for the rest: the entry is abandoned. */
    void abandon() {
        closed = true;
        handoff.stop();
        consumer.cancel(true);
    }

    private void rethrow() throws IOException {
        try {
            consumer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the archive");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("writing the archive failed: " + cause, cause);
        } catch (java.util.concurrent.CancellationException e) {
            throw new IOException("writing the archive was abandoned", e);
        }
    }
}
