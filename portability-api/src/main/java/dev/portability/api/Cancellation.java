package dev.portability.api;

/**
 * Lets another thread cancel a running export or import. The operation checks it between batches and stops
 * with an {@link OperationCancelledException}; an import is rolled back, an export leaves no archive behind.
 * Thread-safe; one instance may serve several operations.
 */
public final class Cancellation {

    private volatile boolean cancelled;

    /** Creates a cancellation that is not cancelled. */
    public Cancellation() {
        // nothing to set up
    }

    /** Requests cancellation; every operation watching this instance stops at its next check. */
    public void cancel() {
        cancelled = true;
    }

    /** @return whether {@link #cancel()} was called */
    public boolean isCancelled() {
        return cancelled;
    }
}
