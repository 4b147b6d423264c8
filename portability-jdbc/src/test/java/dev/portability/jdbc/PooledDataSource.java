package dev.portability.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.postgresql.ds.PGPoolingDataSource;

/**
 * The driver's own connection pool for a {@link TestDatabase} (H2's {@code JdbcConnectionPool}, PostgreSQL's
 * {@code PGPoolingDataSource}, MariaDB's {@code MariaDbPoolDataSource}), one connection large, seen through a
 * recorder: for every connection handed out it notes the session state when it was borrowed and when it was given
 * back, before the pool sees it.
 */
final class PooledDataSource implements DataSource, AutoCloseable {

    /**
     * What a borrower can observe about a connection's session.
     *
     * @param autoCommit auto-commit
     * @param isolation the transaction isolation
     * @param readOnly the read-only flag
     * @param timeZone the session time zone (MariaDB), or null
     * @param lockTimeout the session's lock wait bound (see {@link Sessions#lockTimeout})
     * @param sqlMode the session's {@code sql_mode} (MariaDB), or null
     */
    record State(boolean autoCommit, int isolation, boolean readOnly, String timeZone, String lockTimeout,
            String sqlMode) {
    }

    /**
     * One borrowing.
     *
     * @param borrowed the state when it was handed out
     * @param returned the state when it was given back, or null while it is out
     */
    record Borrowing(State borrowed, State returned) {
    }

    private final TestDatabase.Kind kind;
    private final DataSource pool;
    private final Runnable closer;
    private final List<Borrowing> borrowings = Collections.synchronizedList(new ArrayList<>());

    PooledDataSource(TestDatabase database) throws SQLException {
        this(database, null);
    }

    /**
     * @param database the database
     * @param sqlMode the {@code sql_mode} every MariaDB session starts with (the host's pool setting, driver option
     *     {@code sessionVariables}), or null for the server's
     */
    @SuppressWarnings("deprecation") // PGPoolingDataSource: pgjdbc's own pool, deprecated but shipped
    PooledDataSource(TestDatabase database, String sqlMode) throws SQLException {
        this.kind = database.kind();
        switch (database.kind()) {
            case H2 -> {
                JdbcConnectionPool h2 = JdbcConnectionPool.create(database.url(), database.user(), "");
                h2.setMaxConnections(1);
                pool = h2;
                closer = h2::dispose;
            }
            case POSTGRESQL -> {
                PGPoolingDataSource pg = new PGPoolingDataSource();
                pg.setDataSourceName("portability-" + database.name());
                pg.setURL(database.url());
                pg.setUser(database.user());
                pg.setMaxConnections(1);
                pool = pg;
                closer = pg::close;
            }
            case MARIADB -> {
                MariaDbPoolDataSource maria = new MariaDbPoolDataSource(database.url() + "?user=" + database.user()
                        + "&password=&maxPoolSize=1&minPoolSize=1&transactionIsolation=SERIALIZABLE"
                        + (sqlMode == null ? "" : "&sessionVariables=sql_mode='" + sqlMode + "'"));
                pool = maria;
                closer = maria::close;
            }
            default -> throw new IllegalArgumentException(database.kind().toString());
        }
    }

    /** @return every borrowing so far, in order */
    List<Borrowing> borrowings() {
        synchronized (borrowings) {
            return List.copyOf(borrowings);
        }
    }

    /**
     * Borrows the pool's connection, changes its isolation level to SERIALIZABLE and gives it back: the host's
     * setting that every borrower after it must find unchanged. (MariaDB's pool resets a returned connection to
     * its configured state, so there the pool is configured with SERIALIZABLE instead.)
     */
    void setHostIsolation() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        }
    }

    private State state(Connection c) throws SQLException {
        String zone = null;
        String mode = null;
        if (kind == TestDatabase.Kind.MARIADB) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT @@session.time_zone, @@session.sql_mode")) {
                rs.next();
                zone = rs.getString(1);
                mode = rs.getString(2);
            }
        }
        return new State(c.getAutoCommit(), c.getTransactionIsolation(), c.isReadOnly(), zone,
                Sessions.lockTimeout(kind, c), mode);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        State borrowed = state(connection);
        int index;
        synchronized (borrowings) {
            borrowings.add(new Borrowing(borrowed, null));
            index = borrowings.size() - 1;
        }
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !closed[0]) {
                        closed[0] = true;
                        State returned = connection.isClosed() ? null : state(connection);
                        borrowings.set(index, new Borrowing(borrowed, returned));
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("use getConnection()");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return pool.isWrapperFor(iface);
    }

    @Override
    public void close() {
        closer.run();
    }
}
