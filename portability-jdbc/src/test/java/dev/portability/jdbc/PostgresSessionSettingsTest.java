package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.Row;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
import dev.portability.jdbc.TestDatabase.Kind;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The text forms do not depend on the host's session settings: every unit of work pins {@code DateStyle},
 * {@code IntervalStyle}, {@code extra_float_digits}, {@code bytea_output}, {@code xmloption} and
 * {@code lc_monetary} (an export also {@code TimeZone}) for its transaction, and the connection goes back with the
 * host's settings.
 */
class PostgresSessionSettingsTest {

    /** A host whose sessions write every type differently from PostgreSQL's defaults. */
    private static final String HOST_OPTIONS = "-c DateStyle=ISO,DMY -c IntervalStyle=sql_standard "
            + "-c extra_float_digits=-15 -c bytea_output=escape -c xmloption=document";

    private static final List<String> SETTINGS = List.of("DateStyle", "IntervalStyle", "extra_float_digits",
            "bytea_output", "xmloption", "TimeZone", "lc_monetary");

    private static final String DDL = "CREATE TABLE t (id integer PRIMARY KEY, iv interval, ivs interval[], "
            + "f float8, p point, fs float8[], b bytea, bs bytea[], x xml, tz timestamptz, tzs timestamptz[], "
            + "r tstzrange, m money, c pair)";

    private static final String[] ROWS = {
        "INSERT INTO t VALUES (1, '-1 day +02:03:04.5', '{\"1 mon -1 days\",\"-00:00:01\"}', 0.1, '(0.1,1e-300)', "
                + "'{0.30000000000000004}', '\\x00ff5c', '{\"\\\\x00ff\"}', 'plain content <b/>', "
                + "'2024-01-01 00:00:00.5+05:45', '{\"2024-07-01 12:00:00+00\"}', "
                + "'[\"2024-01-01 00:00:00+00\",infinity)', CAST(12.34 AS money), ROW('\\x01', 0.1))",
        "INSERT INTO t (id) VALUES (2)"};

    @Test
    void readsAndWritesDoNotDependOnTheHostsSessionSettingsAndLeaveThemAsTheyWere() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            for (TestDatabase db : List.of(source, target)) {
                db.execute("CREATE TYPE pair AS (b bytea, f float8)", DDL);
            }
            source.execute(ROWS);
            List<Row> plain = Stores.rows(JdbcStore.discover(source.dataSource()), "t");

            try (SingleConnection sourceHost = new SingleConnection(hostDataSource(source));
                    SingleConnection targetHost = new SingleConnection(hostDataSource(target))) {
                List<String> hostSettings = settings(sourceHost.connection);
                assertThat(hostSettings).as("the host's settings differ from what the adapters pin")
                        .contains("IntervalStyle=sql_standard", "bytea_output=escape", "xmloption=document",
                                "TimeZone=Asia/Kathmandu", "DateStyle=ISO, DMY");

                JdbcStore sourceStore = JdbcStore.discover(sourceHost);
                List<Row> read = Stores.rows(sourceStore, "t");
                for (int i = 0; i < plain.size(); i++) {
                    assertThat(Arrays.asList(read.get(i).values())).as("row %s read under the host's settings", i)
                            .usingRecursiveFieldByFieldElementComparator()
                            .isEqualTo(Arrays.asList(plain.get(i).values()));
                }
                assertThat(settings(sourceHost.connection)).as("after the read").isEqualTo(hostSettings);

                JdbcStore targetStore = JdbcStore.discover(targetHost);
                TableAdapter<JdbcUnitOfWork> adapter = Stores.table(targetStore, "t");
                try (JdbcUnitOfWork work = targetStore.begin(Access.WRITE)) {
                    adapter.insert(work, read);
                    work.commit();
                }
                assertThat(settings(targetHost.connection)).as("after the write").isEqualTo(hostSettings);
            }
            for (String column : List.of("iv", "ivs", "f", "p", "fs", "b", "bs", "x", "tz", "tzs", "r", "m", "c")) {
                String sql = "SELECT id, " + column + "::text FROM t ORDER BY id";
                assertThat(PostgresTypeCatalogTest.texts(target, sql)).as(column)
                        .isEqualTo(PostgresTypeCatalogTest.texts(source, sql));
            }
        }
    }

    private static DataSource hostDataSource(TestDatabase database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(database.url());
        ds.setUser(database.user());
        ds.setOptions(HOST_OPTIONS);
        return ds;
    }

    private static List<String> settings(Connection c) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String name : SETTINGS) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    values.add(name + "=" + rs.getString(1));
                }
            }
        }
        return values;
    }

    /** Hands out one physical connection again and again (closing a handle leaves it open), like a pool. */
    private static final class SingleConnection extends DelegatingDataSource implements AutoCloseable {
        final Connection connection;

        SingleConnection(DataSource target) throws SQLException {
            super(target);
            this.connection = target.getConnection();
            try (Statement s = connection.createStatement()) {
                s.execute("SET TimeZone = 'Asia/Kathmandu'"); // pgjdbc sets the JVM's zone at startup
            }
        }

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        if (method.getName().equals("isClosed")) {
                            return false;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
