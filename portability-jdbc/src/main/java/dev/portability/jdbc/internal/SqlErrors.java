package dev.portability.jdbc.internal;

import dev.portability.api.ErrorCode;
import dev.portability.api.PortabilityException;
import dev.portability.api.StoreException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Turns {@link SQLException}s into {@link StoreException}s that keep the SQLState and say whether to retry. */
public final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * Wraps a failure.
     *
     * @param what what was being done, e.g. "Inserting rows into table orders"
     * @param e the failure
     * @return the exception to throw
     */
    public static StoreException wrap(String what, SQLException e) {
        SQLException cause = failure(e);
        String state = cause.getSQLState();
        return new StoreException(what + ": " + cause.getMessage() + (state == null ? "" : " [SQLState " + state
                + "]"), retryable(cause), e);
    }

    /**
     * Wraps a failure of a write: a value the database refused (SQLState class 22, data exception: a value too
     * long, out of range, in a character set or syntax the column does not take) becomes
     * {@link ErrorCode#INVALID_VALUE} naming the table and, where the database's message says it, the column, so
     * that a conversion error never passes for a failure of the database; anything else is {@link #wrap}ped.
     *
     * @param what what was being done, e.g. "Inserting into table orders"
     * @param table the table's name
     * @param columns the table's columns, to name the one the database names
     * @param e the failure
     * @return the exception to throw
     */
    public static PortabilityException writeFailure(String what, String table, java.util.List<JdbcColumn> columns,
            SQLException e) {
        SQLException cause = failure(e);
        String state = cause.getSQLState();
        if (state == null || !state.startsWith("22")) {
            return wrap(what, e);
        }
        String column = null;
        String message = String.valueOf(cause.getMessage());
        for (JdbcColumn candidate : columns) {
            String name = candidate.sqlName();
            if (message.contains("`." + "`" + name + "`") || message.contains("`" + name + "` at row")
                    || message.contains("column '" + name + "'") || message.contains("column \"" + name + " ")
                    || message.contains("column \"" + name + "\"") || message.contains("column `" + name + "`")
                    || message.contains(", column " + name + ":")) {
                column = candidate.column().name();
                break;
            }
        }
        return new PortabilityException(ErrorCode.INVALID_VALUE, what + ": the database refused a value of table "
                + table + (column == null ? "" : ", column " + column) + ": " + firstLine(message) + " [SQLState "
                + state + "]. Nothing was imported: every table is as it was before.", e);
    }

    /** The first line of a database's message, cut to 200 characters: it may quote the refused value. */
    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    /**
     * The exception that says what went wrong: a batch's failure is chained to it (pgjdbc) or its cause, possibly
     * wrapped twice (MariaDB Connector/J), and carries the SQLState the batch exception lacks.
     */
    private static SQLException failure(SQLException e) {
        SQLException cause = e;
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            return e.getNextException();
        }
        for (int depth = 0; depth < 5 && cause.getSQLState() == null && cause.getCause() instanceof SQLException sql;
                depth++) {
            cause = sql;
        }
        return cause;
    }

    /**
     * @param failure a failure
     * @return whether repeating the work may succeed: serialization failures and deadlocks (SQLState class 40),
     *     lock timeouts (PostgreSQL 55P03, MariaDB 1205, H2's SQLTimeoutException), cancelled statements, and
     *     lost connections (see {@link #connectionLost})
     */
    public static boolean retryable(SQLException failure) {
        SQLException e = failure(failure);
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException || connectionLost(e)) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("40") || state.equals("55P03") || state.equals("HY008") || e.getErrorCode() == 1205
                || e.getErrorCode() == 1213;
    }

    /**
     * @param failure a failure
     * @return whether the connection (the database session) is gone: SQLState class 08, PostgreSQL's
     *     administrator shutdown (57P01, {@code pg_terminate_backend}), MariaDB's killed connection (1927,
     *     {@code KILL CONNECTION}), H2's broken connection or closed session (90067, 90121,
     *     {@code ABORT_SESSION}). The database rolled the transaction back; repeating the work on a new
     *     connection may succeed.
     */
    public static boolean connectionLost(SQLException failure) {
        SQLException e = failure(failure);
        if (e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("90067")
                || state.equals("90121")) || e.getErrorCode() == 1927;
    }

    /**
     * Throws when a failure says that row-level security would hide rows of a table (PostgreSQL, with
     * {@code row_security = off}: "query would be affected by row-level security policy"); returns otherwise.
     *
     * @param table the table's name
     * @param e the failure
     * @throws PortabilityException with {@link ErrorCode#ROWS_HIDDEN}
     */
    public static void refuseHiddenRows(String table, SQLException e) {
        SQLException cause = failure(e);
        String message = cause.getMessage();
        if ("42501".equals(cause.getSQLState()) && message != null && message.contains("row-level security")) {
            throw new PortabilityException(ErrorCode.ROWS_HIDDEN, "Table " + table + " has row-level security "
                    + "policies that hide rows from this database user: an export would silently lack them, an "
                    + "import could not see them all (" + message + "). Run it as the table's owner, a superuser "
                    + "or a role with BYPASSRLS (the rights pg_dump and pg_restore need), or leave the table out.",
                    e);
        }
    }
}
