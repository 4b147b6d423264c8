package dev.portability.web.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's long-running work: exports, validations, previews and imports, each an operation with a random
 * id, run on the console's own threads (never a request's), at most one export, one import and two validations
 * or previews at once. Finished operations are kept for their retention time (and at most
 * {@value #MAX_FINISHED} of them), then forgotten with their export files.
 */
final class Operations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.portability.web");

    /** Finished operations kept at most; the oldest are forgotten first. */
    static final int MAX_FINISHED = 50;
    /** Validations and previews at once. */
    static final int MAX_CHECKS = 2;

    /** The kinds of operation. */
    enum Kind {
        EXPORT, VALIDATE, PREVIEW, IMPORT
    }

    /** Where an operation stands. */
    enum State {
        RUNNING, SUCCEEDED, FAILED, CANCELLED
    }

    /** The work of an operation: a library call that reports to its control and returns its result. */
    @FunctionalInterface
    interface Work {
        ObjectNode run(Operation operation) throws Exception;
    }

    /** One operation. Its fields are read by request threads while its own thread runs it. */
    static final class Operation implements OperationControl {
        final String id;
        final Kind kind;
        final Instant startedAt;
        final Spool.Upload upload;
        volatile Path file;
        volatile String fileName;
        private volatile State state = State.RUNNING;
        private volatile Progress progress = Progress.NONE;
        private volatile boolean cancelRequested;
        private volatile Instant finishedAt;
        private volatile ObjectNode result;
        private volatile HttpProblem problem;
        private final List<Runnable> cancelActions = new ArrayList<>();

        Operation(String id, Kind kind, Instant startedAt, Spool.Upload upload) {
            this.id = id;
            this.kind = kind;
            this.startedAt = startedAt;
            this.upload = upload;
        }

        @Override
        public void progress(Progress latest) {
            this.progress = latest;
        }

        @Override
        public boolean cancelRequested() {
            return cancelRequested;
        }

        @Override
        public void onCancel(Runnable action) {
            boolean now;
            synchronized (cancelActions) {
                cancelActions.add(action);
                now = cancelRequested;
            }
            if (now) {
                action.run();
            }
        }

        void cancel() {
            List<Runnable> actions;
            synchronized (cancelActions) {
                cancelRequested = true;
                actions = List.copyOf(cancelActions);
            }
            actions.forEach(Runnable::run);
        }

        State state() {
            return state;
        }

        Progress latestProgress() {
            return progress;
        }

        Instant finishedAt() {
            return finishedAt;
        }

        ObjectNode result() {
            return result;
        }

        HttpProblem problem() {
            return problem;
        }

        boolean finished() {
            return state != State.RUNNING;
        }
    }

    private final Clock clock;
    private final Duration retention;
    private final ExecutorService executor;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private boolean closed;

    /**
     * @param clock the clock
     * @param retention how long a finished operation is kept
     */
    Operations(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, 1 + 1 + MAX_CHECKS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "portability-web-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Starts an operation, or refuses when one of its kind is running.
     *
     * @param kind the kind
     * @param upload the upload it works on (already marked as used), or null
     * @param work the work
     * @param onEnd runs on the operation's thread when it ends, with whether it succeeded
     * @return the running operation
     * @throws HttpProblem 409 (an export or import runs already) or 429 (two checks run already)
     */
    Operation start(Kind kind, Spool.Upload upload, Work work, java.util.function.BiConsumer<Operation, Boolean> onEnd) {
        Operation operation;
        synchronized (this) {
            if (closed) {
                throw new HttpProblem(WebError.UNAVAILABLE, "The console is stopping.");
            }
            List<Operation> running = operations.values().stream().filter(o -> !o.finished()).toList();
            switch (kind) {
                case EXPORT, IMPORT -> {
                    for (Operation other : running) {
                        if (other.kind == kind) {
                            throw new HttpProblem(WebError.BUSY, "An " + kind.name().toLowerCase(java.util.Locale.ROOT)
                                    + " runs already (operation " + other.id + "); one runs at a time.")
                                    .header("Retry-After", "10");
                        }
                    }
                }
                case VALIDATE, PREVIEW -> {
                    if (running.stream().filter(o -> o.kind == Kind.VALIDATE || o.kind == Kind.PREVIEW).count()
                            >= MAX_CHECKS) {
                        throw new HttpProblem(WebError.TOO_MANY_REQUESTS, MAX_CHECKS + " validations or previews "
                                + "run already; wait until one ends.").header("Retry-After", "5");
                    }
                }
                default -> throw new IllegalArgumentException(kind.name());
            }
            operation = new Operation(Ids.next(), kind, clock.instant(), upload);
            operations.put(operation.id, operation);
        }
        try {
            executor.execute(() -> run(operation, work, onEnd));
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                operations.remove(operation.id);
            }
            throw new HttpProblem(WebError.UNAVAILABLE, "The console cannot start more work now.");
        }
        LOG.info("[{}] {} started{}", operation.id, kind, upload == null ? "" : " on upload " + upload.id);
        return operation;
    }

    private void run(Operation operation, Work work, java.util.function.BiConsumer<Operation, Boolean> onEnd) {
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        thread.setName("portability-web-" + operation.kind.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + operation.id.substring(0, 8));
        boolean succeeded = false;
        try {
            ObjectNode result = work.run(operation);
            operation.result = result;
            operation.state = State.SUCCEEDED;
            succeeded = true;
            LOG.info("[{}] {} succeeded", operation.id, operation.kind);
        } catch (Exception | Error e) {
            HttpProblem problem = CoreApi.problem(e, operation.id);
            operation.problem = problem;
            boolean cancelled = operation.cancelRequested && "CANCELLED".equals(problem.code());
            operation.state = cancelled ? State.CANCELLED : State.FAILED;
            if (problem.status() >= 500 && !(e instanceof HttpProblem)) {
                LOG.error("[{}] {} failed: {}", operation.id, operation.kind, e.toString(), e);
            } else {
                LOG.info("[{}] {} {}: {}", operation.id, operation.kind, cancelled ? "cancelled" : "failed",
                        problem.getMessage());
            }
            if (e instanceof Error error && !(e instanceof StackOverflowError)) {
                throw error;
            }
        } finally {
            operation.finishedAt = clock.instant();
            try {
                onEnd.accept(operation, succeeded);
            } finally {
                thread.setName(name);
            }
        }
    }

    /**
     * @param id an operation id
     * @return the operation, if kept
     */
    synchronized Optional<Operation> get(String id) {
        return Optional.ofNullable(Ids.valid(id) ? operations.get(id) : null);
    }

    /**
     * Forgets a finished operation.
     *
     * @param operation the operation
     */
    void forget(Operation operation) {
        synchronized (this) {
            operations.remove(operation.id);
        }
        deleteFile(operation);
    }

    /** Forgets finished operations past their retention, and the oldest beyond {@value #MAX_FINISHED}. */
    void sweep() {
        Instant now = clock.instant();
        List<Operation> gone = new ArrayList<>();
        synchronized (this) {
            List<Operation> finished = operations.values().stream().filter(Operation::finished)
                    .sorted(Comparator.comparing(Operation::finishedAt)).toList();
            int excess = finished.size() - MAX_FINISHED;
            for (Operation operation : finished) {
                if (excess-- > 0 || !operation.finishedAt().plus(retention).isAfter(now)) {
                    gone.add(operation);
                    operations.remove(operation.id);
                }
            }
        }
        for (Operation operation : gone) {
            LOG.info("[{}] forgotten after {}", operation.id, retention);
            deleteFile(operation);
        }
    }

    private static void deleteFile(Operation operation) {
        Path file = operation.file;
        if (file != null) {
            Spool.delete(file);
        }
    }

    /**
     * @param operation an operation
     * @return when it will be forgotten, or null while it runs
     */
    Instant expiresAt(Operation operation) {
        Instant finished = operation.finishedAt();
        return finished == null ? null : finished.plus(retention);
    }

    /** Cancels every running operation, waits up to 30 seconds for them to end, and forgets all. */
    @Override
    public void close() {
        List<Operation> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(operations.values());
        }
        all.stream().filter(o -> !o.finished()).forEach(Operation::cancel);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("operations still running 30 s after cancellation: {}", all.stream()
                        .filter(o -> !o.finished()).map(o -> o.id).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            operations.clear();
        }
        all.forEach(Operations::deleteFile);
    }
}
