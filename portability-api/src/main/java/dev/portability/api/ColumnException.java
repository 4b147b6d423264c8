package dev.portability.api;

import java.util.Objects;

/**
 * A failure that concerns one column of the host's store: a column whose type cannot be carried by an archive
 * ({@link ErrorCode#UNSUPPORTED_COLUMN}), or a stored value that cannot be read as the column's logical type
 * ({@link ErrorCode#INVALID_VALUE}). It names the table and the column, and keeps what happened apart from what
 * to do, so that a front end can say how to leave the column out in its own words (the command line's
 * {@code --skip-column TABLE.COLUMN}); the message says it in the Java API's words.
 */
public class ColumnException extends PortabilityException {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final String column;
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param code {@link ErrorCode#UNSUPPORTED_COLUMN} or {@link ErrorCode#INVALID_VALUE}
     * @param table the table, as discovery names it
     * @param column the column, as discovery names it
     * @param detail what happened and where, without what to do, one sentence or more
     * @param remedy what to do, in the Java API's words
     * @param cause the underlying failure, or null
     */
    public ColumnException(ErrorCode code, String table, String column, String detail, String remedy,
            Throwable cause) {
        super(code, Objects.requireNonNull(detail, "detail") + " " + Objects.requireNonNull(remedy, "remedy"), cause);
        this.table = Objects.requireNonNull(table, "table");
        this.column = Objects.requireNonNull(column, "column");
        this.detail = detail;
    }

    /** @return the table, as discovery names it */
    public String table() {
        return table;
    }

    /** @return the column, as discovery names it */
    public String column() {
        return column;
    }

    /** @return what happened and where, without what to do */
    public String detail() {
        return detail;
    }
}
