package dev.portability.jdbc;

import dev.portability.api.StoreException;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.jdbc.internal.Dialect;
import dev.portability.jdbc.internal.ImportSession;
import dev.portability.jdbc.internal.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JDBC transaction on one connection borrowed from the host's {@code DataSource}. For {@link Access#READ}
 * it is read-only and sees one consistent snapshot of every table (REPEATABLE READ on PostgreSQL and MariaDB,
 * SNAPSHOT on H2); for {@link Access#WRITE} it is one transaction for the whole import, which first waits for any
 * other import into the same schema to finish (see {@link JdbcStore}). Every wait for a lock is bounded by the
 * store's lock timeout. {@link #close()} restores the connection's auto-commit, isolation and read-only flags, and
 * any session setting the dialect changed, and releases the import lock, before returning the connection to the
 * pool, whatever happened.
 */
public final class JdbcUnitOfWork implements UnitOfWork {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcUnitOfWork.class);

    private final Connection connection;
    private final Access access;
    private final boolean savedAutoCommit;
    private final int savedIsolation;
    private final boolean savedReadOnly;
    private final String schema;
    private Dialect.SessionState session = Dialect.SessionState.UNCHANGED;
    private Dialect.ImportLock importLock;
    private boolean closed;
    /** What the import does about triggers in this unit, once {@link JdbcStore#prepareImport} ran; else null. */
    ImportSession importSession;

    /**
     * Opens the unit of work on a borrowed connection.
     *
     * @param connection the connection; closed by {@link #close()}, or here if opening fails
     * @param access what the unit is for
     * @param dialect the dialect
     * @param lockTimeout the bound of every wait for a lock
     * @param schema the schema (database on MariaDB) the store's tables live in: the scope of the import lock
     * @throws SQLException if the database refuses
     * @throws StoreException if another import into the schema did not finish within the lock timeout
     */
    JdbcUnitOfWork(Connection connection, Access access, Dialect dialect, Duration lockTimeout, String schema)
            throws SQLException {
        this.connection = connection;
        this.access = access;
        this.schema = schema;
        this.savedAutoCommit = connection.getAutoCommit();
        this.savedIsolation = connection.getTransactionIsolation();
        this.savedReadOnly = connection.isReadOnly();
        try {
            session = dialect.openSession(connection, access, lockTimeout);
            int isolation = access == Access.READ ? dialect.snapshotIsolation()
                    : dialect.writeIsolation(savedIsolation);
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
            dialect.beginTransaction(connection, access, lockTimeout);
            if (access == Access.WRITE) {
                importLock = dialect.lockImports(connection, schema, lockTimeout);
                if (importLock == null) {
                    throw new StoreException("Another import into " + schema + " is still running; the lock "
                            + "timeout (" + describe(lockTimeout) + ") ran out while waiting for it. Try again when it "
                            + "has finished, or wait longer with JdbcStore.configure(dataSource).lockTimeout(...). "
                            + "Nothing was imported.", true, null);
                }
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
        if (importSession != null) {
            try {
                importSession.beforeCommit(connection); // switches triggers on again, inside the transaction
            } catch (SQLException e) {
                throw SqlErrors.wrap("Switching the imported tables' triggers on again before commit failed; "
                        + "nothing was imported", e);
            }
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            if (SqlErrors.connectionLost(e)) {
                throw SqlErrors.wrap("Committing the transaction failed because the connection to the database was "
                        + "lost. A database discards a transaction whose commit it did not receive; if the "
                        + "connection broke while the commit was under way, check the target before repeating", e);
            }
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

    private void releaseImportLock() {
        if (importLock == null) {
            return;
        }
        try {
            importLock.release(connection);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not release the import lock of {}: {}; the database releases it when the session ends",
                    schema, e.getMessage());
        }
        importLock = null;
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
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
            if (importSession != null) {
                importSession.close(connection);
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
            releaseImportLock();
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("could not close the connection: {}", e.getMessage());
            }
        }
    }
}
