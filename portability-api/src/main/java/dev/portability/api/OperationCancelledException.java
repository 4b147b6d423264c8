package dev.portability.api;

/** The operation was cancelled through its {@link Cancellation}; an import that throws this was rolled back. */
public class OperationCancelledException extends PortabilityException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was cancelled and how far it had come
     */
    public OperationCancelledException(String message) {
        super(ErrorCode.CANCELLED, message);
    }
}
