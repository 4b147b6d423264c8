package dev.portability.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, uniquely named database for one test, on H2 (in memory), PostgreSQL (a schema of database
 * {@code test}) or MariaDB (a database), dropped by {@link #close()}. When PostgreSQL or MariaDB cannot be
 * reached the test is skipped with the reason, except under CI ({@code CI=true}), where it fails.
 *
 * <p>Servers: {@code PORTABILITY_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code postgres}) and {@code PORTABILITY_MARIADB_URL} (default {@code jdbc:mariadb://127.0.0.1:3306/}, user
 * {@code root}, empty password).
 */
public final class TestDatabase implements AutoCloseable {

    /** The kinds of database. */
    public enum Kind {
        /** In-memory H2. */
        H2,
        /** PostgreSQL. */
        POSTGRESQL,
        /** MariaDB. */
        MARIADB
    }

    private static final String PG_URL = env("PORTABILITY_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = env("PORTABILITY_PG_USER", "postgres");
    private static final String MARIADB_URL = env("PORTABILITY_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String MARIADB_USER = env("PORTABILITY_MARIADB_USER", "root");

    private final Kind kind;
    private final String name;
    private final String url;
    private final DataSource dataSource;

    private TestDatabase(Kind kind, String name, String url, DataSource dataSource) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.dataSource = dataSource;
    }

    /**
     * Creates a fresh database of the given kind, or skips (fails under CI) if its server is unreachable.
     *
     * @param kind the kind
     * @return the database
     */
    public static TestDatabase create(Kind kind) {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            return switch (kind) {
                case H2 -> h2(name);
                case POSTGRESQL -> postgres(name);
                case MARIADB -> mariadb(name);
            };
        } catch (SQLException e) {
            String reason = kind + " is not reachable (" + e.getMessage() + "); start it as DEVELOPERS.md says";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true and " + reason, e);
            }
            Assumptions.abort(reason);
            throw new AssertionError("unreachable");
        }
    }

    private static TestDatabase h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        ds.setURL(url);
        ds.setUser("sa");
        return new TestDatabase(Kind.H2, name, url, ds);
    }

    private static TestDatabase postgres(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(PG_USER);
        return new TestDatabase(Kind.POSTGRESQL, name, url, ds);
    }

    private static TestDatabase mariadb(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(MARIADB_URL, MARIADB_USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        String url = MARIADB_URL + name;
        MariaDbDataSource ds = new MariaDbDataSource(url);
        ds.setUser(MARIADB_USER);
        ds.setPassword("");
        return new TestDatabase(Kind.MARIADB, name, url, ds);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the unique name (schema on PostgreSQL, database on MariaDB) */
    public String name() {
        return name;
    }

    /** @return a JDBC URL that opens this database */
    public String url() {
        return url;
    }

    /** @return the user of {@link #url()} */
    public String user() {
        return switch (kind) {
            case H2 -> "sa";
            case POSTGRESQL -> PG_USER;
            case MARIADB -> MARIADB_USER;
        };
    }

    /** @return a data source for this database (not pooled) */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A data source of this MariaDB database whose sessions start in the given {@code sql_mode} (driver option
     * {@code sessionVariables}), as a host's pool or server default might set it.
     *
     * @param sqlMode the mode, e.g. {@code STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION}
     * @return the data source (not pooled)
     */
    public DataSource dataSourceWithSqlMode(String sqlMode) {
        if (kind != Kind.MARIADB) {
            throw new IllegalStateException("sql_mode is MariaDB's");
        }
        try {
            MariaDbDataSource ds = new MariaDbDataSource(url + "?sessionVariables=sql_mode='" + sqlMode + "'");
            ds.setUser(MARIADB_USER);
            ds.setPassword("");
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs statements.
     *
     * @param sql the statements
     */
    public void execute(String... sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            switch (kind) {
                case H2 -> execute("SHUTDOWN");
                case POSTGRESQL -> {
                    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                            Statement s = c.createStatement()) {
                        s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                    }
                }
                case MARIADB -> {
                    try (Connection c = DriverManager.getConnection(MARIADB_URL, MARIADB_USER, "");
                            Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS " + name);
                    }
                }
            }
        } catch (SQLException | IllegalStateException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + name;
    }
}
