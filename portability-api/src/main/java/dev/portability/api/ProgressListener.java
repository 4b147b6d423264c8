package dev.portability.api;

/**
 * Receives progress of long-running work. Called on the thread doing the work, at most a few times per second
 * per table plus once at the start and end of each phase and table: keep it quick. An exception thrown here
 * aborts the operation (and rolls an import back).
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every event. */
    ProgressListener NONE = event -> {
    };

    /**
     * Receives one event.
     *
     * @param event what progressed
     */
    void onProgress(ProgressEvent event);
}
