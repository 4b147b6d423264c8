package dev.portability.web.internal;

/**
 * The latest progress of an operation.
 *
 * @param phase the phase, e.g. {@code WRITING}, or null before the first event
 * @param table the table, or null for the phase as a whole
 * @param rowsDone rows done of the table (or phase)
 * @param rowsTotal rows expected, or -1 when unknown
 * @param bytesDone archive bytes done, or 0
 */
public record Progress(String phase, String table, long rowsDone, long rowsTotal, long bytesDone) {

    /** Before the first event. */
    static final Progress NONE = new Progress(null, null, 0, -1, 0);

    /** @return rows done of rows total as a whole percentage, or null when the total is unknown */
    Integer percent() {
        if (rowsTotal <= 0) {
            return rowsTotal == 0 && phase != null ? 100 : null;
        }
        return (int) Math.min(100, rowsDone * 100 / rowsTotal);
    }
}
