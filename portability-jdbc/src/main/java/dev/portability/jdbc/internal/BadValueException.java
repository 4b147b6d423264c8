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
        super(message, null, false, false);
    }
}
