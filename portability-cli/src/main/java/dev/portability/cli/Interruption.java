package dev.portability.cli;

import dev.portability.api.Cancellation;

/**
 * Ctrl-C (or SIGTERM) while a command runs: a shutdown hook cancels the running export or import and waits for
 * it to stop, so that an import is rolled back and an export leaves no partial file, before the JVM ends.
 */
final class Interruption {

    private static final long WAIT_MILLIS = 30_000;

    private final Cancellation cancellation = new Cancellation();
    private final Thread worker;
    private volatile boolean finished;
    private volatile boolean interrupted;

    private Interruption(Thread worker) {
        this.worker = worker;
    }

    /** @return a handle whose cancellation is cancelled when the JVM is asked to stop */
    static Interruption install() {
        Interruption interruption = new Interruption(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(new Thread(interruption::onShutdown, "portability-interrupt"));
        return interruption;
    }

    /** @return the cancellation that the commands hand to exports and imports */
    Cancellation cancellation() {
        return cancellation;
    }

    /**
     * Marks the command as done.
     *
     * @return whether the JVM is already shutting down (then the caller must not call {@code System.exit})
     */
    boolean finished() {
        finished = true;
        return interrupted;
    }

    private void onShutdown() {
        if (finished) {
            return;
        }
        interrupted = true;
        cancellation.cancel();
        try {
            worker.join(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
