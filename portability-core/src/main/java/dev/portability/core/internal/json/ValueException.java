package dev.portability.core.internal.json;

/**
 * A value that does not fit its logical type. Carries only a message: the caller adds table, row and column.
 * Cheap to throw (no stack trace): invalid archives may hold millions of them.
 */
public final class ValueException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the value, e.g. {@code 'abc' is not a DECIMAL(12,2)}
     */
    public ValueException(String message) {
        super(message, null, false, false);
    }
}
