package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.Column;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.Infinity;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.LogicalType;
import dev.portability.api.NativeValue;
import dev.portability.api.Problem;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import dev.portability.testkit.ArchiveBuilder;
import java.math.BigDecimal;
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
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a target would store as something else, or refuse while writing, is refused before anything is written, by
 * the target's own rules, and validation, preview and import give the same verdict: the same problems (code,
 * table, row, column, message naming the key, the value's kind and the target's limit), and every table of the
 * target, one outside the import included, exactly as it was. Each kind of docs/jdbc-types.md's "What each target
 * refuses, and why" on the real servers.
 */
class TargetRefusalsTest {

    private static final String APPLICATION = "jdbc-test";

    @TempDir
    Path dir;

    /** A problem the three must report: table, column (null for the row), key and a fragment of the message. */
    private record Refused(String table, String column, Object key, String says) {
    }

    private static Refused refused(String table, String column, Object key, String says) {
        return new Refused(table, column, key, says);
    }

    /**
     * Validates, previews and imports (REPLACE and MERGE) the archive into the target and checks that all of them
     * refuse it with exactly the expected problems and that nothing changed.
     */
    private static void refusedAlike(DataSource target, Path archive, List<String> tables, Refused... expected)
            throws Exception {
        List<String> snapshot = new ArrayList<>();
        for (String table : tables) {
            snapshot.add(table);
            snapshot.add("id");
        }
        snapshot.add("outside");
        snapshot.add("id");
        String[] contents = snapshot.toArray(String[]::new);
        Map<String, List<List<Object>>> before = Databases.contents(target, contents);
        Portability portability = Stores.portability(JdbcStore.discover(target));

        ValidationReport report = portability.validate(archive);

        assertThat(report.valid()).as("validate with the target").isFalse();
        List<Problem> problems = report.problems();
        assertThat(problems).as("validate with the target").hasSize(expected.length);
        for (Refused refused : expected) {
            assertThat(problems).as("validate reports %s", refused).anySatisfy(problem -> {
                assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                assertThat(problem.table()).isEqualTo(refused.table());
                assertThat(problem.column()).isEqualTo(refused.column());
                assertThat(problem.line()).isNotNull();
                assertThat(problem.message()).startsWith("key " + refused.key() + ": ").contains(refused.says());
            });
        }
        assertThatThrownBy(() -> portability.preview(archive, ImportOptions.replace())).as("preview")
                .isInstanceOfSatisfying(InvalidArchiveException.class,
                        e -> assertThat(e.report().problems()).isEqualTo(problems));
        assertThatThrownBy(() -> portability.importArchive(archive, ImportOptions.replace())).as("import")
                .isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                    assertThat(e.report().problems()).isEqualTo(problems);
                    assertThat(e.getMessage()).contains("Nothing was imported");
                });
        assertThatThrownBy(() -> portability.importArchive(archive, ImportOptions.merge(
                dev.portability.api.ConflictPolicy.OVERWRITE))).as("import with MERGE")
                .isInstanceOfSatisfying(InvalidArchiveException.class,
                        e -> assertThat(e.report().problems()).isEqualTo(problems));
        assertThat(Databases.differences(Databases.contents(target, contents), before))
                .as("the target after the refusals").isEmpty();
    }

    private static TableSchema table(String name, Column... columns) {
        TableSchema.Builder builder = TableSchema.builder(name).column("id", LogicalType.integer(), false);
        for (Column column : columns) {
            builder.column(column);
        }
        return builder.primaryKey("id").build();
    }

    /** A MariaDB DATE column's native type: its zero dates travel only in such a column (archive-format.md). */
    private static final dev.portability.api.NativeType MARIADB_DATE =
            dev.portability.api.NativeType.of("mariadb", "date");

    private static Column nullable(String name, LogicalType type) {
        return Column.nullable(name, type);
    }

    // ------------------------------------------------------------------------------------------------ text

    @Test
    void fiveEmojiOfAPostgresqlVarchar5AreRefusedByH2WhichCountsUtf16CodeUnits() throws Exception {
        Path archive = dir.resolve("emoji.zip");
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL)) {
            source.execute("create table p(id int primary key, name varchar(5))",
                    "insert into p values (1, '😀😀😀😀😀'), (2, '😀😀'), (3, 'abcde')");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
        }
        try (TestDatabase target = TestDatabase.create(Kind.H2)) {
            target.execute("create table p(id int primary key, name varchar(5))", "insert into p values (9, 'x')",
                    "CREATE TABLE outside (id BIGINT PRIMARY KEY)", "INSERT INTO outside VALUES (1)");

            refusedAlike(target.dataSource(), archive, List.of("p"), refused("p", "name", 1L,
                    "the text has 10 UTF-16 code units, more than the 5 of H2's CHARACTER VARYING(5)"));

            target.execute("alter table p alter column name set data type varchar(10)");
            JdbcStore wider = JdbcStore.discover(target.dataSource());
            Stores.portability(wider).importArchive(archive, ImportOptions.replace().withTables("p"));
            assertThat(Stores.contents(wider).get("p")).containsExactly(List.of(1L, "😀😀😀😀😀"),
                    List.of(2L, "😀😀"), List.of(3L, "abcde"));
        }
    }

    @Test
    void characterSetsRefuseWhatTheyCannotHoldEvenWhereTheSessionIsNotStrict() throws Exception {
        TableSchema msg = table("msg", nullable("body", LogicalType.text(50)), nullable("note", LogicalType.text()),
                nullable("latin", LogicalType.text(20)));
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(msg)
                .row(1L, "Hello 😄", "plain", "é ü ß")
                .row(2L, "plain", "𝄞 clef", "漢字")
                .row(3L, "é ü ß ☃", "漢字", "café")
                .writeTo(dir.resolve("charsets.zip"));
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute("CREATE TABLE msg (id BIGINT PRIMARY KEY, body VARCHAR(50) CHARACTER SET utf8mb3, "
                    + "note TEXT CHARACTER SET utf8mb3, latin VARCHAR(20) CHARACTER SET latin1)",
                    "INSERT INTO msg VALUES (9, 'kept', 'kept', 'kept')",
                    "CREATE TABLE outside (id BIGINT PRIMARY KEY)", "INSERT INTO outside VALUES (1)");

            refusedAlike(target.dataSourceWithSqlMode(""), archive, List.of("msg"),
                    refused("msg", "body", 1L, "the character U+1F604 at character 7, which MariaDB's VARCHAR(50) "
                            + "CHARACTER SET utf8mb3 cannot hold"),
                    refused("msg", "note", 2L, "the character U+1D11E at character 1"),
                    refused("msg", "latin", 2L, "the character U+6F22 at character 1, which MariaDB's VARCHAR(20) "
                            + "CHARACTER SET latin1 cannot hold"));
        }
    }

    @Test
    void postgresqlRefusesTheNulCharacterAtValidationToo() throws Exception {
        TableSchema notes = table("notes", nullable("body", LogicalType.text()), nullable("doc", LogicalType.json()));
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(notes)
                .row(1L, "fine", "{\"a\": 1}")
                .row(2L, "a\u0000b", null)
                .row(3L, null, "{\"a\": \"\\u0000\"}")
                .writeTo(dir.resolve("nul.zip"));
        try (TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            target.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text, doc jsonb)",
                    "CREATE TABLE outside (id bigint PRIMARY KEY)", "INSERT INTO outside VALUES (1)");

            refusedAlike(target.dataSource(), archive, List.of("notes"),
                    refused("notes", "body", 2L, "U+0000 (NUL) at position 2, which PostgreSQL cannot store"),
                    refused("notes", "doc", 3L, "the escape \\u0000"));
        }
    }

    @Test
    void mariaDbRefusesTextAndBytesBeyondItsByteLengthsPaddingAndLabels() throws Exception {
        TableSchema kinds = table("kinds", nullable("short_text", LogicalType.text()),
                nullable("fixed", LogicalType.binary()), nullable("mood", LogicalType.text()),
                nullable("flags", LogicalType.text()));
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(kinds)
                .row(1L, "é".repeat(128), new byte[] {1, 2, 3, 4}, "happy", "a,b")
                .row(2L, "short", new byte[] {1, 2}, "Happy", "b,a")
                .writeTo(dir.resolve("kinds.zip"));
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute("CREATE TABLE kinds (id BIGINT PRIMARY KEY, short_text TINYTEXT, fixed BINARY(4), "
                    + "mood ENUM('happy','sad'), flags SET('a','b','c'))",
                    "CREATE TABLE outside (id BIGINT PRIMARY KEY)", "INSERT INTO outside VALUES (1)");

            refusedAlike(target.dataSource(), archive, List.of("kinds"),
                    refused("kinds", "short_text", 1L, "the text takes 256 bytes in utf8mb4, more than the 255 "
                            + "that MariaDB's TINYTEXT"),
                    refused("kinds", "fixed", 2L, "the value has 2 bytes; MariaDB's BINARY(4) holds exactly 4 and "
                            + "would pad it with zero bytes"),
                    refused("kinds", "mood", 2L, "is not one of the 2 labels of MariaDB's ENUM('happy','sad')"),
                    refused("kinds", "flags", 2L, "each once and in the order the column declares them"));
        }
    }

    // ------------------------------------------------------------------------------------------------ numbers

    @Test
    void mariaDbRefusesNegativeZeroNanInfinitiesRoundingAndNumbersOutsideItsColumns() throws Exception {
        TableSchema numbers = table("numbers", nullable("d", LogicalType.float64()),
                nullable("f", LogicalType.float64()), nullable("tiny", LogicalType.integer()),
                nullable("yr", LogicalType.integer()), nullable("big", LogicalType.integer()),
                nullable("amount", LogicalType.decimal()));
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(numbers)
                .row(1L, 1.5, 0.5, 127L, 2024L, 7L, new BigDecimal("1.25"))
                .row(2L, -0.0, null, null, null, null, null)
                .row(3L, Double.NaN, 0.1, null, null, null, null)
                .row(4L, Double.POSITIVE_INFINITY, null, 128L, 69L, -1L, null)
                .row(5L, null, null, null, null, null, new BigDecimal("1.234"))
                .writeTo(dir.resolve("numbers.zip"));
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute("CREATE TABLE numbers (id BIGINT PRIMARY KEY, d DOUBLE, f FLOAT, tiny TINYINT, yr YEAR, "
                    + "big BIGINT UNSIGNED, amount DECIMAL(5,2))",
                    "CREATE TABLE outside (id BIGINT PRIMARY KEY)", "INSERT INTO outside VALUES (1)");

            refusedAlike(target.dataSource(), archive, List.of("numbers"),
                    refused("numbers", "d", 2L, "the DOUBLE -0.0 (negative zero) would be stored as 0.0 by "
                            + "MariaDB's DOUBLE"),
                    refused("numbers", "d", 3L, "the DOUBLE NaN cannot be stored: MariaDB's DOUBLE holds finite "
                            + "numbers only"),
                    refused("numbers", "f", 3L, "more than the 24 significant bits of MariaDB's FLOAT"),
                    refused("numbers", "d", 4L, "the DOUBLE Infinity cannot be stored"),
                    refused("numbers", "tiny", 4L, "the integer 128 is outside the range of MariaDB's TINYINT(4), "
                            + "-128 to 127"),
                    refused("numbers", "yr", 4L, "the integer 69 is not a year MariaDB's YEAR(4) holds (1901 to "
                            + "2155, or 0)"),
                    refused("numbers", "big", 4L, "the number -1 is outside the range of MariaDB's BIGINT(20) "
                            + "UNSIGNED, 0 to 18446744073709551615"),
                    refused("numbers", "amount", 5L, "more than 2 digits after the decimal point"));
        }
    }

    @Test
    void postgresqlAndH2RefuseNumbersTheirColumnsWouldChange() throws Exception {
        TableSchema numbers = table("numbers", nullable("d", LogicalType.float64()),
                nullable("r", LogicalType.float64()), nullable("small", LogicalType.integer()));
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(numbers)
                .row(1L, -0.0, Double.NaN, 32767L)
                .row(2L, Double.NEGATIVE_INFINITY, 0.1, 32768L)
                .writeTo(dir.resolve("pg-h2-numbers.zip"));
        try (TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            target.execute("CREATE TABLE numbers (id bigint PRIMARY KEY, d double precision, r real, small smallint)",
                    "CREATE TABLE outside (id bigint PRIMARY KEY)", "INSERT INTO outside VALUES (1)");

            refusedAlike(target.dataSource(), archive, List.of("numbers"),
                    refused("numbers", "r", 2L, "more than the 24 significant bits of PostgreSQL's real"),
                    refused("numbers", "small", 2L, "the integer 32768 is outside the range of PostgreSQL's "
                            + "smallint, -32768 to 32767"));
        }
        try (TestDatabase target = TestDatabase.create(Kind.H2)) {
            target.execute("CREATE TABLE numbers (id BIGINT PRIMARY KEY, d DOUBLE PRECISION, r REAL, small SMALLINT)",
                    "CREATE TABLE outside (id BIGINT PRIMARY KEY)", "INSERT INTO outside VALUES (1)");

            refusedAlike(target.dataSource(), archive, List.of("numbers"),
                    refused("numbers", "d", 1L, "the DOUBLE -0.0 (negative zero) would be stored as 0.0 by H2's "
                            + "DOUBLE PRECISION"),
                    refused("numbers", "r", 2L, "more than the 24 significant bits of H2's REAL"),
                    refused("numbers", "small", 2L, "the integer 32768 is outside the range of H2's SMALLINT"));
        }
    }

    // ------------------------------------------------------------------------------------------------ dates, times

    @Test
    void mariaDbRefusesInfinityBcDatesYearsBeyond9999AndTimestampsOutsideItsRange() throws Exception {
        TableSchema events = table("events", nullable("on_day", LogicalType.date()).withNativeType(MARIADB_DATE),
                nullable("at_time", LogicalType.timestamp()), nullable("stamped", LogicalType.timestampTz()));
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(events)
                .row(1L, LocalDate.of(2024, 1, 1), LocalDateTime.of(2024, 1, 1, 10, 0),
                        OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC))
                .row(2L, Infinity.POSITIVE, Infinity.NEGATIVE, null)
                .row(3L, LocalDate.of(-1, 12, 31), LocalDateTime.of(10_000, 1, 1, 0, 0), null)
                .row(4L, new NativeValue("mariadb", "0000-00-00"), null,
                        OffsetDateTime.of(2040, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .writeTo(dir.resolve("dates.zip"));
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, on_day DATE, at_time DATETIME, "
                    + "stamped TIMESTAMP NULL)",
                    "CREATE TABLE outside (id BIGINT PRIMARY KEY)", "INSERT INTO outside VALUES (1)");

            refusedAlike(target.dataSource(), archive, List.of("events"),
                    refused("events", "on_day", 2L, "the value infinity"),
                    refused("events", "at_time", 2L, "the value -infinity"),
                    refused("events", "on_day", 3L, "the date -0001-12-31 (year 2 BC) is outside the range of "
                            + "MariaDB's DATE, 0000-01-01 (1 BC) to 9999-12-31"),
                    refused("events", "at_time", 3L, "the timestamp +10000-01-01T00:00 is outside the range of "
                            + "MariaDB's DATETIME, 0000-01-01T00:00 (1 BC) to 9999-12-31T23:59:59.999999999"),
                    refused("events", "stamped", 4L, "the timestamp 2040-01-01T00:00 UTC is outside the range of "
                            + "MariaDB's TIMESTAMP"));
        }
    }

    @Test
    void postgresqlAndH2RefuseZeroDatesAndPostgresqlDatesBeyondItsRange() throws Exception {
        TableSchema events = table("events", nullable("on_day", LogicalType.date()).withNativeType(MARIADB_DATE));
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(events)
                .row(1L, LocalDate.of(-4713, 11, 24))
                .row(2L, new NativeValue("mariadb", "0000-00-00"))
                .row(3L, LocalDate.of(-4713, 11, 23))
                .writeTo(dir.resolve("zero-dates.zip"));
        try (TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            target.execute("CREATE TABLE events (id bigint PRIMARY KEY, on_day date)",
                    "CREATE TABLE outside (id bigint PRIMARY KEY)", "INSERT INTO outside VALUES (1)");

            refusedAlike(target.dataSource(), archive, List.of("events"),
                    refused("events", "on_day", 2L, "the mariadb value '0000-00-00' has no equal"),
                    refused("events", "on_day", 3L, "the date -4713-11-23 (year 4714 BC) is outside the range of "
                            + "PostgreSQL's date, -4713-11-24 (4714 BC) to +5874897-12-31"));
        }
        try (TestDatabase target = TestDatabase.create(Kind.H2)) {
            target.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, on_day DATE)",
                    "CREATE TABLE outside (id BIGINT PRIMARY KEY)", "INSERT INTO outside VALUES (1)");

            refusedAlike(target.dataSource(), archive, List.of("events"),
                    refused("events", "on_day", 2L, "the mariadb value '0000-00-00' has no equal"));
        }
    }

    @Test
    void fractionalSecondsBeyondAColumnsPrecisionAreRefusedInsteadOfRounded() throws Exception {
        TableSchema times = table("times", nullable("t", LogicalType.time()), nullable("ts", LogicalType.timestamp()));
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(times)
                .row(1L, LocalTime.of(10, 0, 1), LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_000_000))
                .row(2L, LocalTime.of(10, 0, 0, 500_000_000), LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_400_000))
                .row(3L, LocalTime.of(12, 0, 0, 999_999_999), null)
                .writeTo(dir.resolve("times.zip"));
        Map<Kind, String> ddl = Map.of(
                Kind.POSTGRESQL, "CREATE TABLE times (id bigint PRIMARY KEY, t time(0), ts timestamp(3))",
                Kind.MARIADB, "CREATE TABLE times (id BIGINT PRIMARY KEY, t TIME, ts DATETIME(3))",
                Kind.H2, "CREATE TABLE times (id BIGINT PRIMARY KEY, t TIME, ts TIMESTAMP(3))");
        Map<Kind, String[]> types = Map.of(Kind.POSTGRESQL, new String[] {"PostgreSQL's time(0) without time zone",
            "PostgreSQL's timestamp(3) without time zone"}, Kind.MARIADB, new String[] {"MariaDB's TIME",
            "MariaDB's DATETIME(3)"}, Kind.H2, new String[] {"H2's TIME", "H2's TIMESTAMP(3)"});
        for (Kind kind : Kind.values()) {
            try (TestDatabase target = TestDatabase.create(kind)) {
                target.execute(ddl.get(kind), "CREATE TABLE outside (id BIGINT PRIMARY KEY)",
                        "INSERT INTO outside VALUES (1)");
                String[] type = types.get(kind);

                refusedAlike(target.dataSource(), archive, List.of("times"),
                        refused("times", "t", 2L, "the time has 1 fractional digits of seconds, more than the 0 that "
                                + type[0] + " keeps; it would be rounded"),
                        refused("times", "ts", 2L, "the time has 4 fractional digits of seconds, more than the 3 "
                                + "that " + type[1] + " keeps"),
                        refused("times", "t", 3L, "the time has 9 fractional digits"));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ large rows

    @Test
    void mariaDbRefusesAValueOrARowLargerThanMaxAllowedPacket() throws Exception {
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            long packet = Sessions.maxAllowedPacket(target.dataSource());
            TableSchema blobs = table("blobs", nullable("a", LogicalType.binary()), nullable("b", LogicalType.text()));
            byte[] small = new byte[16];
            byte[] huge = new byte[(int) packet + 1];
            Arrays.fill(huge, (byte) 7);
            String half = "x".repeat((int) (packet / 2) + 1);
            Path archive = ArchiveBuilder.forApplication(APPLICATION).table(blobs)
                    .row(1L, small, "small")
                    .row(2L, huge, null)
                    .row(3L, Arrays.copyOf(huge, (int) packet / 2), half)
                    .writeTo(dir.resolve("packet.zip"));
            huge = null;
            target.execute("CREATE TABLE blobs (id BIGINT PRIMARY KEY, a LONGBLOB, b LONGTEXT)",
                    "CREATE TABLE outside (id BIGINT PRIMARY KEY)", "INSERT INTO outside VALUES (1)");

            refusedAlike(target.dataSource(), archive, List.of("blobs"),
                    refused("blobs", "a", 2L, "the value takes " + String.format(java.util.Locale.ROOT, "%,d",
                            packet + 10) + " bytes as sent to the database, more than the " + String.format(
                            java.util.Locale.ROOT, "%,d", packet) + " bytes the server accepts in one statement "
                            + "(max_allowed_packet)"),
                    refused("blobs", null, 3L, "the row takes"));
        }
    }

    @Test
    void aValueOnlyTheDatabaseCanJudgeIsAnInvalidValueWhileWritingNamingTableAndColumnAndNothingChanges()
            throws Exception {
        TableSchema spans = table("spans", nullable("span", LogicalType.nativeType("postgresql", "interval")));
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(spans)
                .row(1L, "1 day").row(2L, "not an interval")
                .writeTo(dir.resolve("spans.zip"));
        try (TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            target.execute("CREATE TABLE spans (id bigint PRIMARY KEY, span interval)",
                    "INSERT INTO spans VALUES (9, '9 days')");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), "spans", "id");
            Portability portability = Stores.portability(JdbcStore.discover(target.dataSource()));

            assertThatThrownBy(() -> portability.importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(dev.portability.api.PortabilityException.class, e -> {
                        assertThat(e).isNotInstanceOf(dev.portability.api.StoreException.class);
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                        assertThat(e.getMessage()).contains("archive rows 1-2 into table spans")
                                .contains("the database refused a value of table spans, column span")
                                .contains("invalid input syntax for type interval").contains("[SQLState 22007]")
                                .contains("Nothing was imported");
                    });

            assertThat(Databases.contents(target.dataSource(), "spans", "id")).isEqualTo(before);
        }
    }

    // ------------------------------------------------------------------------------------------------ MariaDB session

    @Test
    void mariaDbImportsRunInAStrictSqlModeThatTheConnectionGetsBackWithout() throws Exception {
        TableSchema keys = table("keyed", nullable("name", LogicalType.text()), nullable("old", LogicalType.text()));
        Path archive = ArchiveBuilder.forApplication(APPLICATION).table(keys)
                .row(0L, "zero", "abc")
                .row(1L, "one", null)
                .writeTo(dir.resolve("strict.zip"));
        Path unmapped = ArchiveBuilder.forApplication(APPLICATION).table(keys)
                .row(0L, "zero", "ab€")
                .writeTo(dir.resolve("unmapped.zip"));
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            // a character set the adapter has no Java equivalent for: the strict session mode makes the server
            // refuse the euro sign instead of storing '?', and the refusal names table and column
            target.execute("CREATE TABLE keyed (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(10), "
                    + "old VARCHAR(10) CHARACTER SET armscii8)",
                    "CREATE TABLE outside (id BIGINT PRIMARY KEY)", "INSERT INTO outside VALUES (1)");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), "keyed", "id",
                    "outside", "id");
            try (PooledDataSource pool = new PooledDataSource(target, "")) {
                Portability portability = Stores.portability(JdbcStore.discover(pool));

                assertThatThrownBy(() -> portability.importArchive(unmapped, ImportOptions.replace()))
                        .isInstanceOfSatisfying(dev.portability.api.PortabilityException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                            assertThat(e.getMessage()).contains("table keyed").contains("column old")
                                    .contains("archive rows 1-1").contains("SQLState 22");
                        });
                assertThat(Databases.contents(target.dataSource(), "keyed", "id", "outside", "id"))
                        .isEqualTo(before);

                portability.importArchive(archive, ImportOptions.replace().withTables("keyed"));

                assertThat(Databases.contents(target.dataSource(), "keyed", "id")).isEqualTo(Map.of("keyed",
                        List.of(List.of("id=Long:0", "name=String:zero", "old=String:abc"),
                                List.of("id=Long:1", "name=String:one", "old=NULL"))));
                assertThat(pool.borrowings()).isNotEmpty().allSatisfy(borrowing -> {
                    assertThat(borrowing.borrowed().sqlMode()).isEmpty();
                    assertThat(borrowing.returned().sqlMode()).as("sql_mode given back").isEmpty();
                });
            }
        }
    }
}
