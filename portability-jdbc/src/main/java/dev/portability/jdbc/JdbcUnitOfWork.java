package dev.portability.jdbc;

import dev.portability.api.StoreException;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.jdbc.internal.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JDBC transaction on one connection borrowed from the host's {@code DataSource}. For {@link Access#READ}
 * it is read-only at REPEATABLE READ (a consistent snapshot on all three databases); for {@link Access#WRITE}
 * it is one transaction for the whole import. {@link #close()} restores the connection's auto-commit,
 * isolation and read-only flags before returning it to the pool, whatever happened.
 */
public final class JdbcUnitOfWork implements UnitOfWork {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcUnitOfWork.class);

    private final Connection connection;
    private final Access access;
    private final boolean savedAutoCommit;
    private final int savedIsolation;
    private final boolean savedReadOnly;
    private boolean closed;

    JdbcUnitOfWork(Connection connection, Access access, int isolation) throws SQLException {
        this.connection = connection;
        this.access = access;
        this.savedAutoCommit = connection.getAutoCommit();
        this.savedIsolation = connection.getTransactionIsolation();
        this.savedReadOnly = connection.isReadOnly();
        try {
            if (savedAutoCommit) {
                connection.setAutoCommit(false);
            }
            if (isolation != savedIsolation) {
                connection.setTransactionIsolation(isolation);
            }
            boolean readOnly = access == Access.READ;
            if (readOnly != savedReadOnly) {
                connection.setReadOnly(readOnly);
            }
        } catch (SQLException e) {
            restore();
            throw e;
        }
    }

    /**
     * The connection of this unit of work, for a host's own adapters that share the transaction. Do not commit,
     * roll back or close it.
     *
     * @return the connection
     */
    public Connection connection() {
        return connection;
    }

    /** @return what the unit was opened for */
    public Access access() {
        return access;
    }

    @Override
    public void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw SqlErrors.wrap("Committing the transaction failed; nothing was imported", e);
        }
    }

    @Override
    public void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new StoreException("Rolling back the transaction failed: " + e.getMessage()
                    + "; the database discards an unfinished transaction when the connection closes", false, e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        restore();
    }

    private void restore() {
        try {
            if (connection.isClosed()) {
                return;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback(); // nothing uncommitted may leak into the pool; no-op after commit
            }
            if (connection.isReadOnly() != savedReadOnly) {
                connection.setReadOnly(savedReadOnly);
            }
            if (connection.getTransactionIsolation() != savedIsolation) {
                connection.setTransactionIsolation(savedIsolation);
            }
            if (connection.getAutoCommit() != savedAutoCommit) {
                connection.setAutoCommit(savedAutoCommit);
            }
        } catch (SQLException e) {
            LOG.warn("could not restore the connection's settings; closing it anyway: {}", e.getMessage());
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("could not close the connection: {}", e.getMessage());
            }
        }
    }
}
