package dev.portability.api;

/**
 * A step of progress of one operation.
 *
 * @param operationId identifies the export or import (also in every log line of it)
 * @param phase the phase
 * @param stage whether the phase (or the table within it) started, progressed or finished
 * @param table the table being worked on, or null for events about the whole phase
 * @param rowsDone rows done so far in this phase and table
 * @param rowsTotal rows expected in this phase and table, or -1 if unknown
 * @param bytesDone archive bytes done so far (uncompressed), or 0 where it does not apply
 */
public record ProgressEvent(String operationId, Phase phase, Stage stage, String table, long rowsDone,
        long rowsTotal, long bytesDone) {

    /** Where in a phase an event sits. */
    public enum Stage {
        /** The phase, or a table in it, starts. */
        STARTED,
        /** Rows were done; sent at most a few times per second. */
        PROGRESS,
        /** The phase, or a table in it, is finished. */
        FINISHED
    }
}
