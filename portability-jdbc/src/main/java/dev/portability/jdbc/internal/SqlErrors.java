package dev.portability.jdbc.internal;

import dev.portability.api.StoreException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
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
        SQLException cause = e;
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            cause = e.getNextException();
        }
        String state = cause.getSQLState();
        return new StoreException(what + ": " + cause.getMessage() + (state == null ? "" : " [SQLState " + state
                + "]"), retryable(cause), e);
    }

    /**
     * @param e a failure
     * @return whether repeating the work may succeed: serialization failures, deadlocks, lost connections, lock
     *     timeouts
     */
    public static boolean retryable(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("40") || state.startsWith("08") || state.equals("55P03") || state.equals("57P01")
                || state.equals("HY008") || e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
    }
}
