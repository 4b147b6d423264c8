package dev.portability.jdbc.internal;

/**
 * A single value cannot be read from or written to the database as its logical type says. The message names the
 * value's problem only; the caller adds table, column and row.
 */
public final class BadValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the value, e.g. "NaN cannot be stored in a MariaDB DOUBLE column"
     */
    public BadValueException(String message) {
        this(message, -1);
    }

    private final int column;

    /**
     * @param message what is wrong with the value
     * @param column the index of the column it belongs to, or -1 if the caller knows the column
     */
    public BadValueException(String message, int column) {
        super(message, null, false, false);
        this.column = column;
    }

    /** @return the column index given at construction, or -1 */
    public int column() {
        return column;
    }
}
