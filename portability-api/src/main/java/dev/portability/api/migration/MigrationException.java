package dev.portability.api.migration;

import dev.portability.api.ErrorCode;
import dev.portability.api.PortabilityException;

/**
 * A migration step cannot migrate a table or one of its rows: the table lacks a column the step names, a function
 * of the step failed, or it returned something that does not fit. Thrown by steps (the built-in ones, and hosts'
 * own {@link TableMigration}s may throw it too); Portability catches it and reports a
 * {@link ErrorCode#MIGRATION_FAILED} problem naming the step, the table, the row and {@link #column()}, so a host
 * never receives it from an import.
 */
public class MigrationException extends PortabilityException {

    private static final long serialVersionUID = 1L;

    private final String column;

    /**
     * Creates the exception.
     *
     * @param column the column concerned, or null when the problem is not about one column
     * @param message what went wrong, naming the table; never the whole row (rows may hold secrets)
     * @param cause the failure of a host function, or null
     */
    public MigrationException(String column, String message, Throwable cause) {
        super(ErrorCode.MIGRATION_FAILED, message, cause);
        this.column = column;
    }

    /**
     * Creates the exception without a cause.
     *
     * @param column the column concerned, or null
     * @param message what went wrong, naming the table
     */
    public MigrationException(String column, String message) {
        this(column, message, null);
    }

    /** @return the column concerned, or null */
    public String column() {
        return column;
    }
}
