package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.BoundedArray;
import dev.portability.api.Column;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.Infinity;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.LogicalType;
import dev.portability.api.NativeType;
import dev.portability.api.NativeValue;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import dev.portability.testkit.ArchiveBuilder;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An archive moves between databases. The portable types ({@link PortableSchema}, the JSON literal null included)
 * travel from each of PostgreSQL, MariaDB and H2 into each other one, and each target then reports the same logical
 * schema and holds the same values; BOOLEAN and INTEGER columns convert per value; an archive of format version 1
 * still imports. Each pair that cannot hold a value exactly refuses it — a NATIVE value in a column that is not
 * text, PostgreSQL's infinity where there is none, a MariaDB zero date outside MariaDB, an array with lower bounds
 * in H2, an integer other than 0 and 1 in a boolean — naming table, row or key and column, and leaves the target
 * exactly as it was.
 */
class CrossDatabaseTest {

    private static final int ACCOUNTS = 150;
    private static final String APPLICATION = "jdbc-test";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "from {0}")
    @EnumSource(Kind.class)
    void portableTypesMoveIntoEachOtherDatabaseWithEqualContents(Kind from) throws Exception {
        try (TestDatabase source = TestDatabase.create(from)) {
            Path archive = exportFilled(source);
            JdbcStore sourceStore = JdbcStore.discover(source.dataSource());
            for (Kind kind : Kind.values()) {
                if (kind != from) {
                    try (TestDatabase target = TestDatabase.create(kind)) {
                        assertImportsEqual(archive, sourceStore, target);
                    }
                }
            }
        }
    }

    private Path exportFilled(TestDatabase source) throws Exception {
        source.execute(PortableSchema.ddl(source.kind()));
        PortableSchema.fill(source.kind(), source.dataSource(), ACCOUNTS);
        Path archive = dir.resolve(source.kind() + ".zip");
        Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
        return archive;
    }

    private static void assertImportsEqual(Path archive, JdbcStore sourceStore, TestDatabase target) {
        target.execute(PortableSchema.ddl(target.kind()));
        JdbcStore targetStore = JdbcStore.discover(target.dataSource());

        Stores.portability(targetStore).importArchive(archive, ImportOptions.replace());

        for (String table : List.of("accounts", "entries")) {
            TableSchema schema = Stores.table(sourceStore, table).schema();
            assertThat(portable(Stores.table(targetStore, table).schema())).as("%s on %s", table, target.kind())
                    .isEqualTo(portable(schema));
            List<Object[]> expected = new ArrayList<>();
            for (Row row : Stores.rows(sourceStore, table)) {
                expected.add(row.values());
            }
            assertThat(expected).hasSize(table.equals("accounts") ? ACCOUNTS : 3 * ACCOUNTS);
            if (table.equals("accounts")) {
                assertThat(expected).as("the source holds the JSON literal null").anyMatch(row -> "null".equals(
                        row[schema.indexOf("attrs")]));
            }
            assertThat(Stores.differences(schema, Stores.rows(targetStore, table), expected))
                    .as("%s imported into %s", table, target.kind()).isEmpty();
        }
    }

    /** The schema as the archive carries it between engines: what each column is in its own database left out. */
    private static TableSchema portable(TableSchema schema) {
        TableSchema.Builder builder = TableSchema.builder(schema.name());
        schema.columns().forEach(column -> builder.column(column.withNativeType(null)));
        schema.foreignKeys().forEach(builder::foreignKey);
        return builder.primaryKey(schema.primaryKey()).build();
    }

    // --------------------------------------------------------------------------------- BOOLEAN and INTEGER

    @Test
    void booleansGoIntoIntegerColumnsAndZeroAndOneIntoBooleanColumns() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL)) {
            source.execute("CREATE TABLE flags (id bigint PRIMARY KEY, b boolean, n smallint)",
                    "INSERT INTO flags VALUES (1, true, 1), (2, false, 0), (3, NULL, NULL)");
            Path archive = dir.resolve("flags.zip");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
            for (Kind kind : List.of(Kind.H2, Kind.MARIADB)) {
                try (TestDatabase target = TestDatabase.create(kind)) {
                    target.execute(kind == Kind.H2
                            ? "CREATE TABLE flags (id BIGINT PRIMARY KEY, b INTEGER, n BOOLEAN)"
                            : "CREATE TABLE flags (id BIGINT PRIMARY KEY, b TINYINT, n SMALLINT)");
                    JdbcStore store = JdbcStore.discover(target.dataSource());

                    Stores.portability(store).importArchive(archive, ImportOptions.replace());

                    List<List<Object>> rows = Stores.contents(store).get("flags");
                    Object one = kind == Kind.H2 ? (Object) true : (Object) 1L;
                    Object zero = kind == Kind.H2 ? (Object) false : (Object) 0L;
                    assertThat(rows).as("into %s", kind).containsExactly(List.of(1L, 1L, one),
                            List.of(2L, 0L, zero), Arrays.asList(3L, null, null));
                }
            }
        }
    }

    @Test
    void anIntegerOtherThanZeroOrOneIsRefusedForABooleanColumnAndNothingChanges() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            source.execute("CREATE TABLE pay (id BIGINT PRIMARY KEY, pay_way TINYINT)",
                    "INSERT INTO pay VALUES (1, 0), (2, 1), (3, 4), (4, NULL)");
            Path archive = dir.resolve("pay.zip");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
            target.execute("CREATE TABLE pay (id bigint PRIMARY KEY, pay_way boolean)",
                    "CREATE TABLE other (id bigint PRIMARY KEY)", "INSERT INTO pay VALUES (9, true)",
                    "INSERT INTO other VALUES (1)");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), "pay", "id", "other",
                    "id");
            Portability portability = Stores.portability(JdbcStore.discover(target.dataSource()));

            assertThatThrownBy(() -> portability.importArchive(archive, ImportOptions.replace().withTables("pay")))
                    .isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                        Problem problem = e.report().problems().get(0);
                        assertThat(e.report().problems()).hasSize(1);
                        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                        assertThat(problem.table()).isEqualTo("pay");
                        assertThat(problem.column()).isEqualTo("pay_way");
                        assertThat(problem.line()).isEqualTo(3L);
                        assertThat(problem.message()).contains("4 is not a BOOLEAN");
                    });

            assertThat(Databases.contents(target.dataSource(), "pay", "id", "other", "id")).isEqualTo(before);
            target.execute("DROP TABLE pay", "CREATE TABLE pay (id bigint PRIMARY KEY, pay_way smallint)");
            JdbcStore intoSmallint = JdbcStore.discover(target.dataSource());
            Stores.portability(intoSmallint).importArchive(archive, ImportOptions.replace().withTables("pay"));
            assertThat(Stores.contents(intoSmallint).get("pay")).containsExactly(List.of(1L, 0L), List.of(2L, 1L),
                    List.of(3L, 4L), Arrays.asList(4L, null));
        }
    }

    // --------------------------------------------------------------------------------- format version 1

    private Path formatVersion1Archive() throws Exception {
        Path archive = dir.resolve("format-v1.zip");
        try (InputStream in = getClass().getResourceAsStream("/archives/format-v1.zip")) {
            assertThat(in).as("the committed format-1 archive").isNotNull();
            Files.copy(in, archive);
        }
        return archive;
    }

    private static Portability v1Host(TestDatabase target) {
        return Portability.builder().application("v1-archive").schemaVersion(1)
                .store(JdbcStore.discover(target.dataSource())).build();
    }

    private static final String V1_ITEM_DDL = "CREATE TABLE item (id BIGINT PRIMARY KEY, flag BOOLEAN, "
            + "amount NUMERIC(12,2), big DECFLOAT, %s name VARCHAR(20), note CHARACTER LARGE OBJECT, "
            + "data BINARY LARGE OBJECT, \"day\" DATE, \"at\" TIME(9), seen TIMESTAMP(9), "
            + "stamped TIMESTAMP(9) WITH TIME ZONE, uid UUID, doc JSON, tags VARCHAR ARRAY, nums BIGINT ARRAY)";

    private static final String V1_PAY_DDL = "CREATE TABLE pay (id BIGINT PRIMARY KEY, item_id BIGINT REFERENCES "
            + "item (id), pay_way INTEGER)";

    @Test
    void aFormatVersion1ArchiveStillImportsEveryValue() throws Exception {
        Path archive = formatVersion1Archive();
        try (TestDatabase target = TestDatabase.create(Kind.H2)) {
            // H2 stores DOUBLE -0.0 as 0.0: the archive's row 2 is refused there, before anything is written
            target.execute(String.format(V1_ITEM_DDL, "ratio DOUBLE PRECISION,"), V1_PAY_DDL);
            assertThatThrownBy(() -> v1Host(target).importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                        assertThat(e.report().problems()).hasSize(1);
                        Problem problem = e.report().problems().get(0);
                        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                        assertThat(problem.table()).isEqualTo("item");
                        assertThat(problem.column()).isEqualTo("ratio");
                        assertThat(problem.message()).startsWith("key 2: the DOUBLE -0.0 (negative zero)");
                    });
            assertThat(Databases.contents(target.dataSource(), "item", "id", "pay", "id"))
                    .isEqualTo(Map.of("item", List.of(), "pay", List.of()));
        }
        try (TestDatabase target = TestDatabase.create(Kind.H2)) {
            // every other value into H2, the ratio column left out by a migration step
            target.execute(String.format(V1_ITEM_DDL, ""), V1_PAY_DDL);
            Portability withoutRatio = Portability.builder().application("v1-archive").schemaVersion(2)
                    .migrations(dev.portability.api.migration.Migration.from(1).to(2).dropColumn("item", "ratio")
                            .build())
                    .store(JdbcStore.discover(target.dataSource())).build();

            withoutRatio.importArchive(archive, ImportOptions.replace());

            JdbcStore store = JdbcStore.discover(target.dataSource());
            TableSchema item = Stores.table(store, "item").schema();
            List<Row> rows = new ArrayList<>(Stores.rows(store, "item"));
            rows.sort((a, b) -> Long.compare((Long) a.get("id"), (Long) b.get("id")));
            List<Object[]> expected = new ArrayList<>();
            expected.add(new Object[] {1L, true, new BigDecimal("-12.50"),
                new BigDecimal("123456789012345678901234567890.123456789"), "Zoë 🌍",
                "line\nbreak \"quoted\" \\ tab\t", new byte[] {0, 1, 2, (byte) 255}, LocalDate.of(2024, 2, 29),
                LocalTime.of(13, 45, 30, 123_456_789), LocalDateTime.of(2024, 3, 31, 2, 30, 0, 1_000),
                OffsetDateTime.of(2024, 3, 31, 2, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                UUID.fromString("6f1c2d3e-0000-4000-8000-00000000002a"),
                "{\"color\":\"red\",\"sizes\":[1,2.5],\"id\":7088992364139642880,\"nested\":{\"a\":[true,false,null]}}",
                Arrays.asList("a", null, "ü", ""), Arrays.asList(1L, null, Long.MIN_VALUE, Long.MAX_VALUE)});
            expected.add(new Object[] {2L, false, new BigDecimal("0.00"), new BigDecimal("-0.000000000000000000001"),
                "", "", new byte[0], LocalDate.of(10000, 1, 1), LocalTime.of(23, 59, 59, 999_999_999),
                LocalDateTime.of(1, 1, 1, 0, 0), OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                UUID.fromString("00000000-0000-0000-0000-000000000000"),
                "[0.1000000000000000055511151231257827,-9223372036854775809,\"café\",1E+400]", List.of(),
                List.of()});
            expected.add(new Object[] {3L, null, null, null, null, null, null, null, null, null, null, null,
                "\"just a string\"", null, null});
            expected.add(new Object[] {4L, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null});
            assertThat(Stores.differences(item, rows, expected)).isEmpty();
            assertThat(Stores.contents(store).get("pay")).containsExactly(List.of(1L, 1L, 1L), List.of(2L, 2L, 0L),
                    Arrays.asList(3L, null, null));
        }
        try (TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            // the ratios, -0.0 included, into PostgreSQL, which holds every double
            target.execute("CREATE TABLE item (id bigint PRIMARY KEY, ratio double precision)");
            dev.portability.api.migration.Migration.Builder onlyRatio = dev.portability.api.migration.Migration
                    .from(1).to(2);
            for (String column : List.of("flag", "amount", "big", "name", "note", "data", "day", "at", "seen",
                    "stamped", "uid", "doc", "tags", "nums")) {
                onlyRatio.dropColumn("item", column);
            }
            Portability ratios = Portability.builder().application("v1-archive").schemaVersion(2)
                    .migrations(onlyRatio.build()).store(JdbcStore.discover(target.dataSource())).build();

            ratios.importArchive(archive, ImportOptions.replace().withTables("item"));

            List<List<Object>> rows = Stores.contents(JdbcStore.discover(target.dataSource())).get("item");
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0)).containsExactly(1L, 0.1);
            assertThat(Double.doubleToRawLongBits((Double) rows.get(1).get(1)))
                    .isEqualTo(Double.doubleToRawLongBits(-0.0));
            assertThat((Double) rows.get(2).get(1)).isNaN();
            assertThat(rows.get(3)).containsExactly(4L, Double.NEGATIVE_INFINITY);
        }
    }

    @Test
    void aFormat1BooleanColumnGoesIntoPostgresqlSmallintAndMariaDbTinyint() throws Exception {
        Path archive = formatVersion1Archive();
        for (Kind kind : List.of(Kind.POSTGRESQL, Kind.MARIADB)) {
            try (TestDatabase target = TestDatabase.create(kind)) {
                target.execute("CREATE TABLE pay (id BIGINT PRIMARY KEY, item_id BIGINT, pay_way "
                        + (kind == Kind.POSTGRESQL ? "smallint" : "TINYINT") + ")");

                v1Host(target).importArchive(archive, ImportOptions.replace().withTables("pay"));

                assertThat(Stores.contents(JdbcStore.discover(target.dataSource())).get("pay")).as("%s", kind)
                        .containsExactly(List.of(1L, 1L, 1L), List.of(2L, 2L, 0L), Arrays.asList(3L, null, null));
            }
        }
    }

    // --------------------------------------------------------------------------------- refusals

    private static final TableSchema EVENTS = TableSchema.builder("events")
            .column("id", LogicalType.integer(), false)
            .column("on_day", LogicalType.date(), true)
            .column("at_time", LogicalType.timestamp(), true)
            .primaryKey("id")
            .build();

    /**
     * Imports an archive that the target must refuse, and checks that nothing changed, the table outside the
     * import included.
     */
    private static PortabilityException refused(TestDatabase target, Path archive, String table,
            String... targetDdl) throws Exception {
        target.execute(targetDdl);
        target.execute("CREATE TABLE outside (id BIGINT PRIMARY KEY)", "INSERT INTO outside VALUES (1)");
        Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), table, "id", "outside",
                "id");
        Portability portability = Stores.portability(JdbcStore.discover(target.dataSource()));
        PortabilityException[] thrown = new PortabilityException[1];

        assertThatThrownBy(() -> portability.importArchive(archive, ImportOptions.replace().withTables(table)))
                .isInstanceOfSatisfying(PortabilityException.class, e -> thrown[0] = e);

        assertThat(Databases.contents(target.dataSource(), table, "id", "outside", "id")).as("%s after the refused "
                + "import", target.kind()).isEqualTo(before);
        return thrown[0];
    }

    private static String ddlEvents(Kind kind) {
        return "CREATE TABLE events (id BIGINT PRIMARY KEY, on_day DATE, at_time " + (kind == Kind.MARIADB
                ? "DATETIME(6)" : "TIMESTAMP(6)") + ")";
    }

    @Test
    void postgresqlsInfinityIsRefusedByMariaDbAndH2NamingTableKeyAndColumn() throws Exception {
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(EVENTS)
                .row(1L, LocalDate.of(2024, 1, 1), LocalDateTime.of(2024, 1, 1, 0, 0))
                .row(2L, LocalDate.of(2024, 1, 2), Infinity.NEGATIVE)
                .writeTo(dir.resolve("infinity.zip"));
        for (Kind kind : List.of(Kind.MARIADB, Kind.H2)) {
            try (TestDatabase target = TestDatabase.create(kind)) {
                PortabilityException e = refused(target, archive, "events", ddlEvents(kind),
                        "INSERT INTO events VALUES (7, DATE '2020-01-01', NULL)");

                assertThat(e.code()).as("%s", kind).isEqualTo(ErrorCode.INVALID_VALUE);
                assertThat(e.getMessage()).as("%s", kind).contains("table events").contains("column at_time")
                        .contains("key 2").contains("-infinity").contains("Nothing was imported");
            }
        }
    }

    @Test
    void aMariaDbZeroDateIsRefusedByPostgresqlAndH2NamingTableKeyAndColumn() throws Exception {
        // a MariaDB export: the columns' native types are MariaDB's, which the zero date needs
        TableSchema mariaDbEvents = TableSchema.builder("events")
                .column(new Column("id", LogicalType.integer(), false, NativeType.of("mariadb", "int")))
                .column(new Column("on_day", LogicalType.date(), true, NativeType.of("mariadb", "date")))
                .column(new Column("at_time", LogicalType.timestamp(), true, NativeType.of("mariadb", "datetime")))
                .primaryKey("id")
                .build();
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(mariaDbEvents)
                .row(1L, new NativeValue("mariadb", "0000-00-00"), null)
                .writeTo(dir.resolve("zero-date.zip"));
        for (Kind kind : List.of(Kind.POSTGRESQL, Kind.H2)) {
            try (TestDatabase target = TestDatabase.create(kind)) {
                PortabilityException e = refused(target, archive, "events", ddlEvents(kind));

                assertThat(e.code()).as("%s", kind).isEqualTo(ErrorCode.INVALID_VALUE);
                assertThat(e.getMessage()).as("%s", kind).contains("table events").contains("column on_day")
                        .contains("key 1").contains("mariadb value '0000-00-00'");
            }
        }
    }

    @Test
    void anArrayWithLowerBoundsIsRefusedByH2() throws Exception {
        TableSchema nums = TableSchema.builder("nums").column("id", LogicalType.integer(), false)
                .column("vals", LogicalType.array(LogicalType.integer()), true).primaryKey("id").build();
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(nums)
                .row(1L, List.of(10L, 20L))
                .row(2L, new BoundedArray(List.of(0), List.of(10L, 20L, 30L)))
                .writeTo(dir.resolve("bounds.zip"));
        try (TestDatabase target = TestDatabase.create(Kind.H2)) {
            PortabilityException e = refused(target, archive, "nums",
                    "CREATE TABLE nums (id BIGINT PRIMARY KEY, vals BIGINT ARRAY)");

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(e.getMessage()).contains("table nums").contains("column vals").contains("key 2")
                    .contains("start at [0]");
        }
    }

    @Test
    void aNativeValueGoesAsTextIntoATextColumnOfAnotherEngineAndIsRefusedByAnyOtherColumn() throws Exception {
        TableSchema spans = TableSchema.builder("spans").column("id", LogicalType.integer(), false)
                .column(Column.nullable("span", LogicalType.nativeType("postgresql", "interval")))
                .primaryKey("id").build();
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(spans)
                .row(1L, "1 year 2 mons -3 days +04:05:06.789").row(2L, null)
                .writeTo(dir.resolve("spans.zip"));
        for (Kind kind : List.of(Kind.MARIADB, Kind.H2)) {
            try (TestDatabase target = TestDatabase.create(kind)) {
                PortabilityException e = refused(target, archive, "spans",
                        "CREATE TABLE spans (id BIGINT PRIMARY KEY, span TIME)");

                assertThat(e).as("%s", kind).isInstanceOf(InvalidArchiveException.class);
                Problem problem = ((InvalidArchiveException) e).report().problems().get(0);
                assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
                assertThat(problem.table()).isEqualTo("spans");
                assertThat(problem.column()).isEqualTo("span");
                assertThat(problem.message()).contains("NATIVE(postgresql interval)").contains("TIME");
            }
            try (TestDatabase target = TestDatabase.create(kind)) {
                target.execute("CREATE TABLE spans (id BIGINT PRIMARY KEY, span VARCHAR(100))");
                JdbcStore store = JdbcStore.discover(target.dataSource());

                Stores.portability(store).importArchive(archive, ImportOptions.replace());

                assertThat(Stores.contents(store).get("spans")).as("%s", kind).containsExactly(
                        List.of(1L, "1 year 2 mons -3 days +04:05:06.789"), Arrays.asList(2L, null));
            }
        }
    }

    @Test
    void anArrayIsRefusedByMariaDbWhichHasNone() throws Exception {
        TableSchema nums = TableSchema.builder("nums").column("id", LogicalType.integer(), false)
                .column("vals", LogicalType.array(LogicalType.integer()), true).primaryKey("id").build();
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(nums).row(1L, List.of(10L, 20L))
                .writeTo(dir.resolve("array.zip"));
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            PortabilityException e = refused(target, archive, "nums",
                    "CREATE TABLE nums (id BIGINT PRIMARY KEY, vals LONGTEXT)");

            Problem problem = ((InvalidArchiveException) e).report().problems().get(0);
            assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
            assertThat(problem.column()).isEqualTo("vals");
            assertThat(problem.message()).contains("ARRAY<INTEGER>").contains("TEXT");
        }
    }
}
