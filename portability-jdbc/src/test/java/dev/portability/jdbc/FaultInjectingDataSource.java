package dev.portability.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A seam around a real data source: counts the executions (a JDBC batch, one multi-row statement, or one
 * PostgreSQL COPY, which the adapter starts by unwrapping the connection) of prepared statements whose SQL contains
 * a marker (or a MariaDB LOAD DATA, which the adapter starts by unwrapping the connection too), and at the chosen batch runs an action just before the batch reaches the database (close the real
 * connection, pause, kill the session). {@link #beforeCommit} instead runs the action just before the commit of a
 * connection that wrote that way. Everything else goes to the real database unchanged.
 */
final class FaultInjectingDataSource extends DelegatingDataSource {

    /** What to do at the chosen batch. */
    interface Fault {
        void inject(Connection realConnection) throws SQLException;
    }

    private final String sqlMarker;
    private final int atBatch;
    private final Fault fault;
    private final boolean atCommit;
    private final AtomicInteger batches = new AtomicInteger();

    FaultInjectingDataSource(DataSource target, String sqlMarker, int atBatch, Fault fault) {
        this(target, sqlMarker, atBatch, fault, false);
    }

    private FaultInjectingDataSource(DataSource target, String sqlMarker, int atBatch, Fault fault,
            boolean atCommit) {
        super(target);
        this.sqlMarker = sqlMarker;
        this.atBatch = atBatch;
        this.fault = fault;
        this.atCommit = atCommit;
    }

    /**
     * @param target the real data source
     * @param sqlMarker what the SQL of a write contains, e.g. {@code INSERT INTO}
     * @param fault what to do just before the commit of the first connection that prepared such a statement
     * @return the seam
     */
    static FaultInjectingDataSource beforeCommit(DataSource target, String sqlMarker, Fault fault) {
        return new FaultInjectingDataSource(target, sqlMarker, 1, fault, true);
    }

    int batches() {
        return batches.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection real) {
        boolean[] wrote = {false};
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> type
                    && (type.getName().equals("org.postgresql.PGConnection")
                    || type.getName().equals("org.mariadb.jdbc.Connection"))) {
                // the PostgreSQL adapter unwraps the connection once per COPY batch, the MariaDB adapter once per
                // LOAD DATA LOCAL INFILE batch
                wrote[0] = true;
                if (!atCommit && batches.incrementAndGet() == atBatch) {
                    fault.inject(real);
                }
            }
            if (atCommit && wrote[0] && method.getName().equals("commit") && batches.incrementAndGet() == atBatch) {
                fault.inject(real);
            }
            Object result = invoke(real, method, args);
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                    && sql.contains(sqlMarker)) {
                wrote[0] = true;
                return atCommit ? result : statement(real, (PreparedStatement) result);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private PreparedStatement statement(Connection real, PreparedStatement statement) {
        InvocationHandler handler = (proxy, method, args) -> {
            boolean executes = method.getName().equals("executeBatch") || method.getName().equals("executeUpdate")
                    || method.getName().equals("executeLargeUpdate") || method.getName().equals("execute");
            if (executes && batches.incrementAndGet() == atBatch) {
                fault.inject(real);
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }







}
