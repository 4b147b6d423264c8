package dev.portability.web.internal;

/** What a running library call gets from its operation: where to report progress, and cancellation. */
public interface OperationControl {

    /** @param progress the latest progress */
    void progress(Progress progress);

    /** @return whether cancellation was requested */
    boolean cancelRequested();

    /**
     * Registers what cancels the call; run at once when cancellation was already requested.
     *
     * @param action the action
     */
    void onCancel(Runnable action);
}
