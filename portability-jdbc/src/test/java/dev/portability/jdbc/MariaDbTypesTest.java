package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.Infinity;
import dev.portability.api.LogicalType;
import dev.portability.api.NativeType;
import dev.portability.api.NativeValue;
import dev.portability.api.PortabilityException;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
import dev.portability.jdbc.TestDatabase.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB's own types on the real server, beyond the catalogue ({@link TypeRoundTripTest}): {@code TINYINT(1)} is
 * an INTEGER whatever the driver's options say, zero dates are carried exactly and stay writable under a strict
 * {@code sql_mode}, and what a MariaDB column cannot hold is refused naming table, key and column, leaving the
 * table as it was.
 */
class MariaDbTypesTest {

    /** The import session mode of issue 13: strict, but zero dates allowed where the column allows them. */
    private static final String STRICT = "STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "?tinyInt1isBit=false", "?tinyInt1isBit=true&transformedBitIsBoolean=true"})
    void aTinyintOneIsAnIntegerWhateverTheDriverSaysAndMovesExactly(String options) throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB);
                TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            String ddl = "CREATE TABLE pay (id INT PRIMARY KEY, pay_way TINYINT(1), ok BOOLEAN)";
            source.execute(ddl, "INSERT INTO pay VALUES (1, 0, 0), (2, 1, 1), (3, NULL, NULL), (4, 4, 1), "
                    + "(5, -1, 0), (6, 127, 1), (7, -128, 0)");
            target.execute(ddl);
            JdbcStore store = JdbcStore.discover(withOptions(source, options));

            TableSchema schema = Stores.table(store, "pay").schema();
            assertThat(schema.column("pay_way").orElseThrow().type()).isEqualTo(LogicalType.integer());
            assertThat(schema.column("ok").orElseThrow().type()).isEqualTo(LogicalType.integer());
            assertThat(schema.column("pay_way").orElseThrow().nativeType())
                    .isEqualTo(NativeType.of("mariadb", "tinyint(1)"));
            assertThat(Stores.rows(store, "pay").stream().map(r -> Arrays.asList(r.values())).toList())
                    .containsExactly(List.of(1L, 0L, 0L), List.of(2L, 1L, 1L), Arrays.asList(3L, null, null),
                            List.of(4L, 4L, 1L), List.of(5L, -1L, 0L), List.of(6L, 127L, 1L),
                            List.of(7L, -128L, 0L));

            Path archive = dir.resolve("pay.zip");
            Stores.portability(store).export(archive);
            Stores.portability(JdbcStore.discover(withOptions(target, options)))
                    .importArchive(archive, ImportOptions.replace());
            String select = "SELECT id, CAST(pay_way AS CHAR), CAST(ok AS CHAR) FROM pay ORDER BY id";
            assertThat(texts(target.dataSource(), select)).isEqualTo(texts(source.dataSource(), select))
                    .contains("4|4|1", "7|-128|0", "3|NULL|NULL");
        }
    }

    private static DataSource withOptions(TestDatabase db, String options) throws SQLException {
        MariaDbDataSource ds = new MariaDbDataSource(db.url() + options);
        ds.setUser(db.user());
        ds.setPassword("");
        return ds;
    }

    @Test
    void zeroDatesTimesBeyondADayAndTheZeroTimestampAreReadExactlyNeverAsNull() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.MARIADB)) {
            db.execute("CREATE TABLE legacy (id INT PRIMARY KEY, born DATE NOT NULL, seen DATETIME, "
                    + "stamped TIMESTAMP NULL, took TIME)",
                    "SET sql_mode = ''",
                    "INSERT INTO legacy VALUES (1, '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00', "
                            + "'-838:59:59'), (2, '2020-00-15', '2020-05-00 10:00:00', NULL, '24:00:00'), "
                            + "(3, '2021-02-03', NULL, NULL, '12:00:00')");

            List<Row> rows = Stores.rows(JdbcStore.discover(db.dataSource()), "legacy");

            assertThat(rows.stream().map(r -> Arrays.asList(r.values())).toList()).containsExactly(
                    List.of(1L, mariadb("0000-00-00"), mariadb("0000-00-00 00:00:00"),
                            mariadb("0000-00-00 00:00:00"), mariadb("-838:59:59")),
                    Arrays.asList(2L, mariadb("2020-00-15"), mariadb("2020-05-00 10:00:00"), null,
                            mariadb("24:00:00")),
                    Arrays.asList(3L, LocalDate.of(2021, 2, 3), null, null, java.time.LocalTime.NOON));
        }
    }

    @Test
    void zeroDatesAreWrittenBackUnderAStrictSqlModeWithoutNoZeroDate() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.MARIADB)) {
            db.execute("CREATE TABLE legacy (id INT PRIMARY KEY, born DATE NOT NULL, seen DATETIME(6), "
                    + "stamped TIMESTAMP NULL, took TIME)");
            JdbcStore store = JdbcStore.discover(db.dataSourceWithSqlMode(STRICT));
            TableAdapter<JdbcUnitOfWork> legacy = Stores.table(store, "legacy");

            try (JdbcUnitOfWork work = store.begin(Access.WRITE)) {
                legacy.insert(work, List.of(
                        Row.of(legacy.schema(), 1L, mariadb("0000-00-00"), mariadb("0000-00-00 00:00:00.000000"),
                                mariadb("0000-00-00 00:00:00"), mariadb("838:59:59")),
                        Row.of(legacy.schema(), 2L, mariadb("2024-00-15"), mariadb("2020-05-00 10:00:00.500000"),
                                null, mariadb("-00:00:01"))));
                work.commit();
            }

            assertThat(texts(db.dataSource(), "SELECT id, CAST(born AS CHAR), CAST(seen AS CHAR), "
                    + "CAST(stamped AS CHAR), CAST(took AS CHAR) FROM legacy ORDER BY id")).containsExactly(
                    "1|0000-00-00|0000-00-00 00:00:00.000000|0000-00-00 00:00:00|838:59:59",
                    "2|2024-00-15|2020-05-00 10:00:00.500000|NULL|-00:00:01");
        }
    }

    @Test
    void tinyintOneZeroAndOneGoIntoAPostgresqlSmallintAndBooleanAndOtherValuesAreRefusedByTheBoolean()
            throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            source.execute("CREATE TABLE pay (id INT PRIMARY KEY, pay_way TINYINT(1), ok BOOLEAN)",
                    "INSERT INTO pay VALUES (1, 0, 0), (2, 1, 1), (3, NULL, NULL)");
            target.execute("CREATE TABLE pay (id integer PRIMARY KEY, pay_way smallint, ok boolean)");
            Path archive = dir.resolve("pay.zip");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);

            Stores.portability(JdbcStore.discover(target.dataSource()))
                    .importArchive(archive, ImportOptions.replace());

            assertThat(texts(target.dataSource(), "SELECT id, pay_way::text, ok::text FROM pay ORDER BY id"))
                    .containsExactly("1|0|false", "2|1|true", "3|NULL|NULL");

            source.execute("INSERT INTO pay VALUES (4, 4, 4)");
            Path four = dir.resolve("four.zip");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(four);
            assertThatThrownBy(() -> Stores.portability(JdbcStore.discover(target.dataSource()))
                    .importArchive(four, ImportOptions.replace()))
                    .isInstanceOfSatisfying(PortabilityException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                    .hasMessageContaining("pay").hasMessageContaining("ok").hasMessageContaining("4");
            assertThat(texts(target.dataSource(), "SELECT id, pay_way::text, ok::text FROM pay ORDER BY id"))
                    .containsExactly("1|0|false", "2|1|true", "3|NULL|NULL");
        }
    }

    @Test
    void aLegacyTableWithZeroDatesExportsAndImportsExactly() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB);
                TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            String ddl = "CREATE TABLE legacy (id INT PRIMARY KEY, born DATE NOT NULL, seen DATETIME, y YEAR, "
                    + "stamped TIMESTAMP NULL, took TIME)";
            source.execute(ddl, "SET sql_mode = ''",
                    "INSERT INTO legacy VALUES (1, '0000-00-00', '0000-00-00 00:00:00', 2155, '0000-00-00 00:00:00', "
                            + "'-838:59:59'), (2, '2020-00-15', '2020-05-00 10:00:00', 0, NULL, '100:00:00'), "
                            + "(3, '2021-02-03', NULL, NULL, '1970-01-01 00:00:01', NULL)");
            target.execute(ddl);
            Path archive = dir.resolve("legacy.zip");

            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
            Stores.portability(JdbcStore.discover(target.dataSourceWithSqlMode(STRICT)))
                    .importArchive(archive, ImportOptions.replace());

            String select = "SELECT id, CAST(born AS CHAR), CAST(seen AS CHAR), CAST(y AS CHAR), "
                    + "CAST(stamped AS CHAR), CAST(took AS CHAR) FROM legacy ORDER BY id";
            assertThat(texts(target.dataSource(), select)).isEqualTo(texts(source.dataSource(), select))
                    .containsExactly("1|0000-00-00|0000-00-00 00:00:00|2155|0000-00-00 00:00:00|-838:59:59",
                            "2|2020-00-15|2020-05-00 10:00:00|0000|NULL|100:00:00",
                            "3|2021-02-03|NULL|NULL|1970-01-01 00:00:01|NULL");
            // a native value is MariaDB's own text in a column whose native type is MariaDB's
            assertThat(tableEntry(archive)).as("the archive's rows")
                    .contains("{\"id\":1,\"born\":\"0000-00-00\",\"seen\":\"0000-00-00 00:00:00\",\"y\":2155,"
                            + "\"stamped\":\"0000-00-00 00:00:00\",\"took\":\"-838:59:59\"}")
                    .contains("{\"id\":2,\"born\":\"2020-00-15\",\"seen\":\"2020-05-00 10:00:00\",\"y\":0,"
                            + "\"stamped\":null,\"took\":\"100:00:00\"}");
        }
    }

    /**
     * Dates and times at the edges of MariaDB's ranges and precisions (read by the adapter's hand-written text
     * reader): the exact {@code java.time} values, their ISO text in the archive, and the same stored text after
     * the round trip.
     */
    @Test
    void datesAndTimesAtTheEdgesOfRangeAndPrecisionAreReadExportedAndWrittenBackExactly() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB);
                TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            String ddl = "CREATE TABLE edge (id INT PRIMARY KEY, d DATE, dt6 DATETIME(6), dt3 DATETIME(3), "
                    + "dt0 DATETIME, ts6 TIMESTAMP(6) NULL, t6 TIME(6))";
            source.execute(ddl, "SET time_zone = '+00:00'",
                    "INSERT INTO edge VALUES (1, '0000-01-01', '0001-01-01 00:00:00.000001', "
                            + "'2024-02-29 12:00:00.500', '1000-01-01 00:00:00', '1970-01-01 00:00:01.000000', "
                            + "'00:00:00.000001'), (2, '9999-12-31', '9999-12-31 23:59:59.999999', "
                            + "'9999-12-31 23:59:59.999', '9999-12-31 23:59:59', '2038-01-19 03:14:07.999999', "
                            + "'23:59:59.999999'), (3, '2024-02-29', '2024-06-30 10:20:30.120000', NULL, NULL, NULL, "
                            + "'12:00:00.000000')");
            target.execute(ddl);
            JdbcStore store = JdbcStore.discover(source.dataSource());

            assertThat(Stores.rows(store, "edge").stream().map(r -> Arrays.asList(r.values())).toList())
                    .containsExactly(
                            List.of(1L, LocalDate.of(0, 1, 1), LocalDateTime.of(1, 1, 1, 0, 0, 0, 1_000),
                                    LocalDateTime.of(2024, 2, 29, 12, 0, 0, 500_000_000),
                                    LocalDateTime.of(1000, 1, 1, 0, 0),
                                    OffsetDateTime.of(1970, 1, 1, 0, 0, 1, 0, ZoneOffset.UTC),
                                    LocalTime.of(0, 0, 0, 1_000)),
                            List.of(2L, LocalDate.of(9999, 12, 31), LocalDateTime.of(9999, 12, 31, 23, 59, 59,
                                    999_999_000), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000),
                                    LocalDateTime.of(9999, 12, 31, 23, 59, 59),
                                    OffsetDateTime.of(2038, 1, 19, 3, 14, 7, 999_999_000, ZoneOffset.UTC),
                                    LocalTime.of(23, 59, 59, 999_999_000)),
                            Arrays.asList(3L, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 6, 30, 10, 20, 30,
                                    120_000_000), null, null, null, LocalTime.NOON));

            Path archive = dir.resolve("edge.zip");
            Stores.portability(store).export(archive);
            assertThat(tableEntry(archive)).as("the archive's rows").isEqualTo(String.join("\n",
                    "{\"id\":1,\"d\":\"0000-01-01\",\"dt6\":\"0001-01-01T00:00:00.000001\","
                            + "\"dt3\":\"2024-02-29T12:00:00.5\",\"dt0\":\"1000-01-01T00:00:00\","
                            + "\"ts6\":\"1970-01-01T00:00:01Z\",\"t6\":\"00:00:00.000001\"}",
                    "{\"id\":2,\"d\":\"9999-12-31\",\"dt6\":\"9999-12-31T23:59:59.999999\","
                            + "\"dt3\":\"9999-12-31T23:59:59.999\",\"dt0\":\"9999-12-31T23:59:59\","
                            + "\"ts6\":\"2038-01-19T03:14:07.999999Z\",\"t6\":\"23:59:59.999999\"}",
                    "{\"id\":3,\"d\":\"2024-02-29\",\"dt6\":\"2024-06-30T10:20:30.12\",\"dt3\":null,\"dt0\":null,"
                            + "\"ts6\":null,\"t6\":\"12:00:00\"}", ""));
            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive, ImportOptions.replace());
            String select = "SELECT id, CAST(d AS CHAR), CAST(dt6 AS CHAR), CAST(dt3 AS CHAR), CAST(dt0 AS CHAR), "
                    + "CAST(CONVERT_TZ(ts6, @@session.time_zone, '+00:00') AS CHAR), CAST(t6 AS CHAR) FROM edge "
                    + "ORDER BY id";
            assertThat(texts(target.dataSource(), select)).isEqualTo(texts(source.dataSource(), select))
                    .contains("2|9999-12-31|9999-12-31 23:59:59.999999|9999-12-31 23:59:59.999|9999-12-31 23:59:59|"
                            + "2038-01-19 03:14:07.999999|23:59:59.999999");
        }
    }

    /** @return the text of the archive's only table entry */
    private static String tableEntry(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(".jsonl")).findFirst().orElseThrow();
            return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One value MariaDB cannot hold: the column, the value, and what the refusal says. */
    private record Refusal(String column, Object value, String message) {
    }

    @Test
    void whatAMariaDbColumnCannotHoldIsRefusedNamingTableKeyAndColumnAndNothingIsWritten() throws Exception {
        List<Refusal> refusals = List.of(
                new Refusal("born", Infinity.POSITIVE, "the value infinity (PostgreSQL's date or timestamp later "
                        + "than every other) has no equal in this column's type"),
                new Refusal("seen", Infinity.NEGATIVE, "the value -infinity"),
                new Refusal("stamped", Infinity.POSITIVE, "(the column's type is TIMESTAMP)"),
                new Refusal("born", new NativeValue("h2", "0000-00-00"), "the h2 value '0000-00-00' has no equal"),
                new Refusal("born", mariadb("15.01.2024"), "'15.01.2024' is not a MariaDB DATE value"),
                new Refusal("seen", mariadb("2024-13-01 00:00:00"), "is not a MariaDB DATETIME value"),
                new Refusal("took", mariadb("839:00:00"), "'839:00:00' is not a MariaDB TIME value"),
                new Refusal("flags", "101", "'101' is not a BIT(5) value: it takes exactly 5 characters"),
                new Refusal("flags", "10201", "is not a BIT(5) value"),
                new Refusal("spot", Wkb.le(0).lineString(0, 0, 1, 1).hex(), "a LINESTRING cannot be stored in a MariaDB POINT"),
                new Refusal("spot", "XYZ", "is not hexadecimal"),
                new Refusal("shape", "00000000", "is not a MariaDB geometry"),
                new Refusal("v4", "192.168.0.256", "is not an IPv4 address"),
                new Refusal("v6", "not an address", "is not an IPv6 address"),
                new Refusal("price", new NativeValue("postgresql", "NaN"), "the postgresql value 'NaN' has no equal "
                        + "in this column's type (only a postgresql column holds it)"),
                new Refusal("price", new NativeValue("h2", "-Infinity"), "the h2 value '-Infinity' has no equal"));
        try (TestDatabase db = TestDatabase.create(Kind.MARIADB)) {
            db.execute("CREATE TABLE odd (id INT PRIMARY KEY, born DATE, seen DATETIME, stamped TIMESTAMP NULL, "
                    + "took TIME, flags BIT(5), spot POINT, shape GEOMETRY, v4 INET4, v6 INET6, price DECIMAL(10,2))",
                    "INSERT INTO odd (id, born) VALUES (1, '2024-01-01')");
            JdbcStore store = JdbcStore.discover(db.dataSourceWithSqlMode(STRICT));
            TableAdapter<JdbcUnitOfWork> odd = Stores.table(store, "odd");
            List<String> before = texts(db.dataSource(), "SELECT * FROM odd");

            for (Refusal refusal : refusals) {
                Row good = Row.of(odd.schema(), 2L, null, null, null, null, null, null, null, null, null, null);
                Row bad = Row.of(odd.schema(), 3L, null, null, null, null, null, null, null, null, null, null)
                        .with(refusal.column(), refusal.value());
                assertThatThrownBy(() -> {
                    try (JdbcUnitOfWork work = store.begin(Access.WRITE)) {
                        odd.insert(work, List.of(good)); // written, then rolled back
                        odd.insert(work, List.of(bad));
                        work.commit();
                    }
                }).as(refusal.toString()).isInstanceOfSatisfying(PortabilityException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                        .hasMessageContaining("table odd, column " + refusal.column() + ", row with key 3")
                        .hasMessageContaining(refusal.message());
                assertThat(texts(db.dataSource(), "SELECT * FROM odd")).as(refusal.toString()).isEqualTo(before);
            }
        }
    }

    private static NativeValue mariadb(String text) {
        return new NativeValue("mariadb", text);
    }

    /** @return each row's columns as text joined by {@code |}, SQL NULL as {@code NULL} */
    static List<String> texts(DataSource dataSource, String select) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(select)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String text = rs.getString(i);
                    row.append(i == 1 ? "" : "|").append(text == null ? "NULL" : text);
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
