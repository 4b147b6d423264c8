package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.PortabilityException;
import dev.portability.api.StoreException;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * With {@code loadDataLocalInfile(true)}, MariaDB imports insert through {@code LOAD DATA LOCAL INFILE} fed from
 * memory, exactly: awkward values arrive as
 * they left (compared by MariaDB's own text of each value), what {@code LOCAL} turns into warnings (a duplicate
 * key, a value the server converts) fails the import with every table as it was, and where the host's driver
 * forbids local infile the import inserts with statements, as exactly.
 */
class MariaDbLoadDataTest {

    @TempDir
    Path dir;

    /** Every column type the LOAD DATA path carries, with a key that AUTO_INCREMENT would renumber if it were 0. */
    private static final String AWKWARD = "CREATE TABLE awkward (id INT AUTO_INCREMENT PRIMARY KEY, t TEXT, "
            + "v VARCHAR(20), c CHAR(5), b VARBINARY(20), bl BLOB, bn BINARY(4), bit1 BIT(1), bit5 BIT(5), "
            + "bit64 BIT(64), d DATE, dt DATETIME(6), ts TIMESTAMP(3) NULL DEFAULT NULL, tm TIME(6), dbl DOUBLE, "
            + "f FLOAT, dc DECIMAL(30,10), ubig BIGINT UNSIGNED, y YEAR, j JSON, e ENUM('a','b c'), "
            + "s SET('x','y'), u UUID, ip INET6, tiny TINYINT(1), l1 VARCHAR(10) CHARACTER SET latin1) "
            + "ENGINE=InnoDB";

    /** MariaDB's text of every column (hex for bytes and bits), one line per row in key order. */
    private static final String TEXT_FORMS = "SELECT CONCAT_WS('|', id, IFNULL(HEX(t), 'NULL'), IFNULL(HEX(v), "
            + "'NULL'), IFNULL(HEX(c), 'NULL'), IFNULL(HEX(b), 'NULL'), IFNULL(HEX(bl), 'NULL'), IFNULL(HEX(bn), "
            + "'NULL'), IFNULL(HEX(bit1), 'NULL'), IFNULL(HEX(bit5), 'NULL'), IFNULL(HEX(bit64), 'NULL'), "
            + "IFNULL(CAST(d AS CHAR), 'NULL'), IFNULL(CAST(dt AS CHAR), 'NULL'), IFNULL(CAST(ts AS CHAR), 'NULL'), "
            + "IFNULL(CAST(tm AS CHAR), 'NULL'), IFNULL(CAST(dbl AS CHAR), 'NULL'), "
            + "IFNULL(CAST(CAST(f AS DOUBLE) AS CHAR), 'NULL'), IFNULL(CAST(dc AS CHAR), 'NULL'), "
            + "IFNULL(CAST(ubig AS CHAR), 'NULL'), IFNULL(CAST(y AS CHAR), 'NULL'), IFNULL(HEX(j), 'NULL'), "
            + "IFNULL(HEX(e), 'NULL'), IFNULL(HEX(s), 'NULL'), IFNULL(CAST(u AS CHAR), 'NULL'), "
            + "IFNULL(CAST(ip AS CHAR), 'NULL'), IFNULL(CAST(tiny AS CHAR), 'NULL'), IFNULL(HEX(l1), 'NULL')) "
            + "FROM awkward ORDER BY id";

    /** A store that loads with LOAD DATA LOCAL INFILE (off by default). */
    private static Portability portability(DataSource dataSource) {
        return Portability.builder().application("load").store(JdbcStore.configure(dataSource)
                .loadDataLocalInfile(true).discover()).build();
    }

    private static List<String> lines(DataSource dataSource, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                String line = rs.getString(1);
                // long values as their length and hash, so that a failure prints lines, not megabytes
                lines.add(line.length() <= 400 ? line : line.substring(0, 200) + "... (" + line.length()
                        + " characters, hash " + line.hashCode() + ")");
            }
        }
        return lines;
    }

    private Path awkwardArchive() throws SQLException {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB)) {
            source.execute(AWKWARD);
            source.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO'",
                    // every column NULL, key 0 (kept by NO_AUTO_VALUE_ON_ZERO)
                    "INSERT INTO awkward (id) VALUES (0)",
                    // the texts that LOAD DATA reads specially, bytes that are its delimiters, 4-byte UTF-8
                    "INSERT INTO awkward VALUES (1, '\\\\N', 'NULL', '', X'00095C0A0D4E', X'5C4E', X'0A090D00', "
                            + "b'1', b'10101', b'1000000000000000000000000000000000000000000000000000000000000001', "
                            + "'0000-00-00', '2024-00-15 10:00:00.000001', '2000-01-01 00:00:00.001', "
                            + "'-838:59:59.999999', 4.9e-324, 0.1, '12345678901234567890.0123456789', "
                            + "18446744073709551615, 0, '{\"a\":\"tab\\\\there\",\"n\":1e400}', 'b c', 'x,y', "
                            + "'00000000-0000-0000-0000-000000000000', '::ffff:192.0.2.1', -128, 'caf\u00e9')",
                    "INSERT INTO awkward VALUES (2, 'a\\tb\\nc\\\\d\\0e\\rf \\\\N \\\\t NULL \uD83D\uDE00', "
                            + "'\uD83D\uDE00\\tx', 'ab', '', X'', X'FFFFFFFF', b'0', b'00000', "
                            + "b'0', '2024-05-00', '0000-00-00 00:00:00', '2030-06-01 12:00:00.999', "
                            + "'24:00:00', 1.7976931348623157e308, -3.4028234663852886e38, "
                            + "'-99999999999999999999.9999999999', 0, 2155, 'null', 'a', '', "
                            + "'ffffffff-ffff-ffff-ffff-ffffffffffff', '2001:db8::1', 127, NULL)",
                    "INSERT INTO awkward VALUES (3, REPEAT('\\\\', 60000), 'tail space  ', 'x', X'5C', "
                            + "REPEAT(X'5C0A09', 20000), X'5C5C5C5C', NULL, b'11111', b'1111111111111111111111111111111"
                            + "111111111111111111111111111111111', '9999-12-31', '9999-12-31 23:59:59.999999', NULL, "
                            + "'00:00:00.5', -1.0e-300, 1.0, '0.0000000001', 1, 1901, '[]', NULL, 'y', "
                            + "'123e4567-e89b-42d3-a456-426614174000', '::', 0, '')");
            Path archive = dir.resolve("awkward.zip");
            portability(source.dataSource()).export(archive);
            List<String> expected = lines(source.dataSource(), TEXT_FORMS);
            assertThat(expected).hasSize(4);
            this.expected = expected;
            return archive;
        }
    }

    private List<String> expected;

    @Test
    void awkwardValuesRoundTripExactlyThroughLoadData() throws Exception {
        Path archive = awkwardArchive();
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute(AWKWARD, "INSERT INTO awkward (id, t) VALUES (7, 'replaced')");
            Recording recording = new Recording(target.dataSource());

            ImportResult result = portability(recording).importArchive(archive, ImportOptions.replace());

            assertThat(result.tables()).singleElement().satisfies(t -> assertThat(t.inserted()).isEqualTo(4));
            assertThat(lines(target.dataSource(), TEXT_FORMS)).containsExactlyElementsOf(expected);
            assertThat(recording.loads()).as("batches loaded with LOAD DATA LOCAL INFILE").isEqualTo(1);
            assertThat(recording.inserts()).as("INSERT statements").isZero();
        }
    }

    @Test
    void byDefaultTheImportInsertsWithStatements() throws Exception {
        Path archive = awkwardArchive();
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute(AWKWARD);
            Recording recording = new Recording(target.dataSource());

            Portability.builder().application("load").store(JdbcStore.discover(recording)).build()
                    .importArchive(archive, ImportOptions.replace());

            assertThat(lines(target.dataSource(), TEXT_FORMS)).containsExactlyElementsOf(expected);
            assertThat(recording.loads()).isZero();
            assertThat(recording.inserts()).isEqualTo(1);
        }
    }

    @Test
    void whereTheDriverForbidsLocalInfileTheImportInsertsWithStatementsAsExactly() throws Exception {
        Path archive = awkwardArchive();
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute(AWKWARD, "INSERT INTO awkward (id, t) VALUES (7, 'replaced')");
            MariaDbDataSource forbidding = new MariaDbDataSource(target.url() + "?allowLocalInfile=false");
            forbidding.setUser(target.user());
            forbidding.setPassword("");
            Recording recording = new Recording(forbidding);
            Portability portability = portability(recording);

            portability.importArchive(archive, ImportOptions.replace());
            portability.importArchive(archive, ImportOptions.replace()); // the store remembers the refusal

            assertThat(lines(target.dataSource(), TEXT_FORMS)).containsExactlyElementsOf(expected);
            assertThat(recording.loads()).as("LOAD DATA tried once, refused by the driver").isEqualTo(1);
            assertThat(recording.inserts()).as("INSERT statements").isEqualTo(2);
        }
    }

    /** A UNIQUE column the source lacks: the archive's keys differ, so only the database sees the duplicate. */
    @Test
    void aDuplicateKeyInsideALoadFailsTheImportWithNothingWritten() throws Exception {
        Path archive;
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB)) {
            source.execute("CREATE TABLE person (id INT PRIMARY KEY, email VARCHAR(50))",
                    "INSERT INTO person VALUES (1, 'a@example.org'), (2, 'b@example.org'), (3, 'a@example.org')");
            archive = dir.resolve("person.zip");
            portability(source.dataSource()).export(archive);
        }
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute("CREATE TABLE person (id INT PRIMARY KEY, email VARCHAR(50) UNIQUE)",
                    "INSERT INTO person VALUES (9, 'mine@example.org')");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), "person", "id");
            Recording recording = new Recording(target.dataSource());

            assertThatThrownBy(() -> portability(recording).importArchive(archive, ImportOptions.replace()))
                    .isInstanceOf(PortabilityException.class)
                    .hasMessageContaining("table person")
                    .hasMessageContaining("1062")
                    .hasMessageContaining("Duplicate entry 'a@example.org'");

            assertThat(recording.loads()).isEqualTo(1);
            assertThat(Databases.contents(target.dataSource(), "person", "id")).isEqualTo(before);
            assertThat(Databases.contents(target.dataSource(), "person", "id").get("person")).hasSize(1);
        }
    }

    /**
     * A date that MariaDB stores under {@code ALLOW_INVALID_DATES} travels as its native text; the import's strict
     * session does not hold it, and through LOAD DATA LOCAL the server would store {@code 0000-00-00} with a
     * warning. The import fails instead, and the target is as it was.
     */
    @Test
    void aValueTheServerWouldConvertFailsTheImportRatherThanBeingStoredChanged() throws Exception {
        Path archive;
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB)) {
            source.execute("CREATE TABLE event (id INT PRIMARY KEY, day DATE, note VARCHAR(10))");
            source.execute("SET SESSION sql_mode = 'ALLOW_INVALID_DATES'",
                    "INSERT INTO event VALUES (1, '2024-02-29', 'leap'), (2, '2023-02-30', 'invalid')");
            archive = dir.resolve("event.zip");
            portability(source.dataSource()).export(archive);
        }
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute("CREATE TABLE event (id INT PRIMARY KEY, day DATE, note VARCHAR(10))",
                    "INSERT INTO event VALUES (5, '2020-01-01', 'mine')");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), "event", "id");
            Recording recording = new Recording(target.dataSource());

            assertThatThrownBy(() -> portability(recording).importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(PortabilityException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                        assertThat(e.getMessage()).contains("table event", "column day", "warning");
                    });

            assertThat(recording.loads()).isEqualTo(1);
            assertThat(Databases.contents(target.dataSource(), "event", "id")).isEqualTo(before);
        }
    }

    /** The connection is lost just before the second LOAD DATA batch: the import fails and nothing is written. */
    @Test
    void aConnectionLostBetweenLoadsLeavesTheTargetAsItWas() throws Exception {
        Path archive;
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB)) {
            source.execute("CREATE TABLE person (id INT PRIMARY KEY, email VARCHAR(50))",
                    "INSERT INTO person SELECT seq, CONCAT('p', seq, '@example.org') FROM seq_1_to_2500");
            archive = dir.resolve("people.zip");
            portability(source.dataSource()).export(archive);
        }
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute("CREATE TABLE person (id INT PRIMARY KEY, email VARCHAR(50))",
                    "INSERT INTO person VALUES (9, 'mine@example.org')");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), "person", "id");
            FaultInjectingDataSource seam = new FaultInjectingDataSource(target.dataSource(), "INSERT INTO", 2,
                    Connection::close);

            assertThatThrownBy(() -> portability(seam).importArchive(archive, ImportOptions.replace()
                    .withBatchSize(1000))).isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.retryable()).isTrue());

            assertThat(seam.batches()).as("LOAD DATA batches started").isEqualTo(2);
            assertThat(Databases.contents(target.dataSource(), "person", "id")).isEqualTo(before);
        }
    }

    /** -0.0, which a MariaDB DOUBLE stores as 0, is refused by validation before anything is written. */
    @Test
    void negativeZeroIsStillRefusedBeforeAnythingIsWritten() throws Exception {
        Path archive;
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL)) {
            source.execute("CREATE TABLE measure (id INT PRIMARY KEY, value DOUBLE PRECISION)",
                    "INSERT INTO measure VALUES (1, 1.5), (2, '-0')");
            archive = dir.resolve("measure.zip");
            Portability.builder().application("load").store(JdbcStore.discover(source.dataSource())).build()
                    .export(archive);
        }
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute("CREATE TABLE measure (id INT PRIMARY KEY, value DOUBLE)",
                    "INSERT INTO measure VALUES (3, 2.5)");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), "measure", "id");
            Recording recording = new Recording(target.dataSource());

            assertThatThrownBy(() -> portability(recording).importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(InvalidArchiveException.class, e -> assertThat(e.getMessage())
                            .contains("measure", "value", "-0.0"));

            assertThat(recording.loads()).as("nothing was sent").isZero();
            assertThat(Databases.contents(target.dataSource(), "measure", "id")).isEqualTo(before);
        }
    }

    /**
     * Records how the adapter wrote: each unwrap of the connection to MariaDB Connector/J's (one per LOAD DATA
     * batch) and each INSERT statement prepared.
     */
    private static final class Recording implements DataSource {
        private final DataSource target;
        private final List<String> events = Collections.synchronizedList(new ArrayList<>());

        Recording(DataSource target) {
            this.target = target;
        }

        long loads() {
            return events.stream().filter("load"::equals).count();
        }

        long inserts() {
            return events.stream().filter("insert"::equals).count();
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = target.getConnection();
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("unwrap") && args[0] instanceof Class<?> type
                        && type.getName().equals("org.mariadb.jdbc.Connection")) {
                    events.add("load");
                }
                if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                        && sql.startsWith("INSERT INTO")) {
                    events.add("insert");
                }
                try {
                    return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
