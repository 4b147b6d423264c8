package dev.portability.api;

/** Portability was configured or called incorrectly; the message names the setting or argument. */
public class ConfigurationException extends PortabilityException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which setting or argument is wrong, and what would be right
     */
    public ConfigurationException(String message) {
        super(ErrorCode.INVALID_CONFIGURATION, message);
    }
}
