package dev.portability.api;

import java.util.Objects;

/**
 * The root of every exception Portability throws. Unchecked; carries an {@link ErrorCode}, and a message that
 * says what happened, where, and what the user can do.
 */
public class PortabilityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * Creates an exception.
     *
     * @param code what went wrong
     * @param message what happened, where, and what the user can do
     * @param cause the underlying failure, or null
     */
    public PortabilityException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * Creates an exception without a cause.
     *
     * @param code what went wrong
     * @param message what happened, where, and what the user can do
     */
    public PortabilityException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** @return what went wrong */
    public ErrorCode code() {
        return code;
    }
}
