package dev.portability.core.internal.engine;

import dev.portability.api.Cancellation;
import dev.portability.api.ErrorCode;
import dev.portability.api.OperationCancelledException;
import dev.portability.api.Phase;
import dev.portability.api.PortabilityException;
import dev.portability.api.ProgressEvent;
import dev.portability.api.ProgressEvent.Stage;
import dev.portability.api.ProgressListener;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One export, validation, preview or import: its id (in every log line), its progress listener (throttled to a
 * few calls per second), its cancellation, and its one executor: every thread that works for the operation
 * (inflating, reading ahead, encoding, compressing) is one of its {@link #workers()}, named
 * {@code portability-<operation id>-<n>}, and ends when the operation is {@link #close() closed}.
 */
public final class Operation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.portability");
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final String id;
    private final String kind;
    private final ProgressListener listener;
    private final Cancellation cancellation;
    private long lastProgress;
    private ExecutorService workers;
    private final AtomicInteger threads = new AtomicInteger();

    /**
     * @param kind what the operation is, for logs ("export", "import", ...)
     * @param listener the progress listener
     * @param cancellation the cancellation handle, or null
     */
    public Operation(String kind, ProgressListener listener, Cancellation cancellation) {
        this.id = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.kind = kind;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /** @return the operation id */
    public String id() {
        return id;
    }

    /**
     * The operation's executor, created when first asked for: an unbounded pool of daemon threads named after the
     * operation (each task of ours is one long-running producer or consumer of a bounded hand-off, so the pool
     * never holds more threads than the operation's pipelines).
     *
     * @return the executor
     */
    public synchronized ExecutorService workers() {
        if (workers == null) {
            workers = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "portability-" + id + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return workers;
    }

    /**
     * Stops the operation's threads, if any were started, and waits a few seconds for them to end: the operation
     * is over, and none of its threads outlives it.
     */
    @Override
    public synchronized void close() {
        if (workers != null) {
            workers.shutdownNow();
            try {
                if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("[{}] a thread of the operation did not end within 5 s of its end", id);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return the logger, to be used with {@link #id()} as first argument */
    public Logger log() {
        return LOG;
    }

    /**
     * Throws if the operation was cancelled.
     *
     * @param where what the operation was doing, for the message
     */
    public void checkCancelled(String where) {
        if (cancellation != null && cancellation.isCancelled()) {
            LOG.info("[{}] cancelled while {}", id, where);
            throw new OperationCancelledException("The " + kind + " was cancelled while " + where + "."
                    + (kind.equals("import") ? " Nothing was imported: every table is as it was before." : ""));
        }
    }

    /**
     * Reports the start of a phase or of a table within it.
     *
     * @param phase the phase
     * @param table the table, or null for the phase as a whole
     * @param rowsTotal the rows expected, or -1
     */
    public void started(Phase phase, String table, long rowsTotal) {
        emit(new ProgressEvent(id, phase, Stage.STARTED, table, 0, rowsTotal, 0));
        lastProgress = System.nanoTime();
    }

    /**
     * Reports progress, at most every 250 ms; also checks cancellation.
     *
     * @param phase the phase
     * @param table the table
     * @param rowsDone rows done
     * @param rowsTotal rows expected, or -1
     * @param bytesDone bytes done, or 0
     */
    public void progress(Phase phase, String table, long rowsDone, long rowsTotal, long bytesDone) {
        checkCancelled(describe(phase, table));
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
            lastProgress = now;
            emit(new ProgressEvent(id, phase, Stage.PROGRESS, table, rowsDone, rowsTotal, bytesDone));
        }
    }

    /**
     * Reports the end of a phase or of a table within it.
     *
     * @param phase the phase
     * @param table the table, or null
     * @param rowsDone rows done
     * @param rowsTotal rows expected, or -1
     * @param bytesDone bytes done, or 0
     */
    public void finished(Phase phase, String table, long rowsDone, long rowsTotal, long bytesDone) {
        emit(new ProgressEvent(id, phase, Stage.FINISHED, table, rowsDone, rowsTotal, bytesDone));
    }

    private static String describe(Phase phase, String table) {
        String what = phase.name().toLowerCase(java.util.Locale.ROOT);
        return table == null ? what : what + " table " + table;
    }

    private void emit(ProgressEvent event) {
        try {
            listener.onProgress(event);
        } catch (RuntimeException e) {
            LOG.warn("[{}] progress listener failed on {}: {}", id, event, e.toString());
            throw new PortabilityException(ErrorCode.LISTENER_FAILED, "The progress listener threw "
                    + e.getClass().getSimpleName() + " during " + describe(event.phase(), event.table())
                    + (kind.equals("import") ? "; the import was rolled back" : "") + ". Fix the listener: "
                    + e.getMessage(), e);
        }
    }
}
