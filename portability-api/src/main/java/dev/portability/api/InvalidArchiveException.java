package dev.portability.api;

import java.util.Objects;

/**
 * The archive cannot be imported: it is damaged, hostile, from another application or version, or its content
 * does not fit the host's tables. Nothing was imported: thrown by validation before anything is written, or by an
 * import that reads the archive in one pass when it meets the first problem, after rolling back. {@link #report()}
 * lists every problem found (for such an import, the first one); the message lists the first ones, says that
 * nothing was imported, and what to do (the {@link ErrorCode#suggestion() suggestion} of each kind of problem).
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
        this(report, "Nothing was imported.");
    }

    /**
     * Creates the exception with its own account of what happened to the target, e.g. for an import that read
     * the archive in one pass, stopped at the first problem and rolled back.
     *
     * @param report the report, with at least one problem
     * @param outcome one or more sentences saying what happened to the target and what to do next
     */
    public InvalidArchiveException(ValidationReport report, String outcome) {
        super(Objects.requireNonNull(report, "report").problems().isEmpty()
                        ? ErrorCode.NOT_AN_ARCHIVE
                        : report.problems().get(0).code(),
                report.summary(Objects.requireNonNull(outcome, "outcome")));
        this.report = report;
    }

    /** @return the full validation report */
    public ValidationReport report() {
        return report;
    }
}
