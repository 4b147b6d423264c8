package dev.portability.api;

/**
 * The store (a database, or a host's adapter) failed: a constraint violation, a lost connection, a timeout, a
 * deadlock, a failed commit. An import that throws this was rolled back.
 */
public class StoreException extends PortabilityException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param message what failed and where (table, row, column)
     * @param retryable whether the same call may succeed if repeated (deadlock, serialization failure,
     *     lost connection)
     * @param cause the store's own exception
     */
    public StoreException(String message, boolean retryable, Throwable cause) {
        super(ErrorCode.STORE_FAILURE, message, cause);
        this.retryable = retryable;
    }

    /** @return whether repeating the operation may succeed */
    public boolean retryable() {
        return retryable;
    }
}
