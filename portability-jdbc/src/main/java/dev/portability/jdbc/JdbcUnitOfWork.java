package dev.portability.jdbc;

import dev.portability.api.StoreException;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.jdbc.internal.Dialect;
import dev.portability.jdbc.internal.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JDBC transaction on one connection borrowed from the host's {@code DataSource}. For {@link Access#READ}
 * it is read-only and sees one consistent snapshot of every table (REPEATABLE READ on PostgreSQL and MariaDB,
 * SNAPSHOT on H2); for {@link Access#WRITE} it is one transaction for the whole import. {@link #close()} restores
 * the connection's auto-commit, isolation and read-only flags, and any session setting the dialect changed,
 * before returning it to the pool, whatever happened.
 */
public final class JdbcUnitOfWork implements UnitOfWork {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcUnitOfWork.class);

    private final Connection connection;
    private final Access access;
    private final boolean savedAutoCommit;
    private final int savedIsolation;
    private final boolean savedReadOnly;
    private Dialect.SessionState session = Dialect.SessionState.UNCHANGED;
    private boolean closed;

    JdbcUnitOfWork(Connection connection, Access access, Dialect dialect) throws SQLException {
        this.connection = connection;
        this.access = access;
        this.savedAutoCommit = connection.getAutoCommit();
        this.savedIsolation = connection.getTransactionIsolation();
        this.savedReadOnly = connection.isReadOnly();
        try {
            session = dialect.openSession(connection, access);
            int isolation = access == Access.READ ? dialect.snapshotIsolation() : savedIsolation;
            if (isolation != savedIsolation) {
                connection.setTransactionIsolation(isolation);
            }
            boolean readOnly = access == Access.READ;
            if (readOnly != savedReadOnly) {
                connection.setReadOnly(readOnly);
            }
            if (savedAutoCommit) {
                connection.setAutoCommit(false);
            }
            if (access == Access.WRITE) {
                dialect.beginWrite(connection);
            }
        } catch (SQLException | RuntimeException e) {
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

    /** Puts every setting back, each on its own so that one failure does not leave the others changed. */
    private void restore() {
        try {
            if (connection.isClosed()) {
                return;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback(); // nothing uncommitted may leak into the pool; no-op after commit
            }
            session.restore(connection);
            if (connection.isReadOnly() != savedReadOnly) {
                connection.setReadOnly(savedReadOnly);
            }
            if (connection.getTransactionIsolation() != savedIsolation) {
                connection.setTransactionIsolation(savedIsolation);
            }
            if (connection.getAutoCommit() != savedAutoCommit) {
                connection.setAutoCommit(savedAutoCommit);
            }
        } catch (SQLException | RuntimeException e) {
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
