package dev.portability.api;

import java.util.Objects;

/**
 * The archive cannot be imported: it is damaged, hostile, from another application or version, or its content
 * does not fit the host's tables. Thrown before anything is written. {@link #report()} lists every problem
 * found; the message lists the first ones, says that nothing was imported, and what to do (the
 * {@link ErrorCode#suggestion() suggestion} of each kind of problem).
 */
public class InvalidArchiveException extends PortabilityException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    /**
     * Creates the exception from a failed validation.
     *
     * @param report the report, with at least one problem
     */
    public InvalidArchiveException(ValidationReport report) {
        super(Objects.requireNonNull(report, "report").problems().isEmpty()
                        ? ErrorCode.NOT_AN_ARCHIVE
                        : report.problems().get(0).code(),
                report.summary("Nothing was imported."));
        this.report = report;
    }

    /** @return the full validation report */
    public ValidationReport report() {
        return report;
    }
}
