package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportConflictException;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportRefusedException;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.Key;
import dev.portability.api.LogicalType;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import dev.portability.testkit.ArchiveBuilder;
import dev.portability.testkit.BrokenArchive;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One verdict: every refusal before writing that the test suite knows, run through validation against the target
 * with the import's options ({@code validate(archive, options)}), {@code preview} and {@code importArchive}. All
 * three accept, or all three refuse with the same {@link ErrorCode} and the same message, and a refused import
 * leaves the target exactly as it was. Scenarios the import accepts are here too: validation and preview must not
 * refuse them.
 */
class OneVerdictTest {

    private static final String APPLICATION = "verdict";

    private static final TableSchema ITEM = TableSchema.builder("item").column("id", LogicalType.integer(), false)
            .column("name", LogicalType.text(), true).primaryKey("id").build();

    @TempDir
    static Path dir;

    /**
     * One way to import.
     *
     * @param name what it tries
     * @param kind the target database
     * @param target the target's DDL and rows
     * @param tables the target's tables with their ORDER BY, to compare before and after
     * @param archive writes the archive into a directory
     * @param options the import's options
     * @param expected the code of the refusal, or null when the import goes through
     */
    record Scenario(String name, Kind kind, String[] target, String[] tables, Function<Path, Path> archive,
            ImportOptions options, ErrorCode expected) {
        @Override
        public String toString() {
            return name + " (" + kind + ")";
        }
    }

    private static Path items(Path dir, String application, int schemaVersion, TableSchema schema, Object[]... rows) {
        ArchiveBuilder builder = ArchiveBuilder.forApplication(application).schemaVersion(schemaVersion).table(schema);
        for (Object[] row : rows) {
            builder.row(row);
        }
        return builder.writeTo(dir.resolve(java.util.UUID.randomUUID() + ".zip"));
    }

    private static Function<Path, Path> items(Object[]... rows) {
        return d -> items(d, APPLICATION, 1, ITEM, rows);
    }

    private static Function<Path, Path> items(TableSchema schema, Object[]... rows) {
        return d -> items(d, APPLICATION, 1, schema, rows);
    }

    /** An archive exported from a database of the given kind after the DDL and rows. */
    private static Function<Path, Path> exported(Kind kind, String... sql) {
        return d -> {
            try (TestDatabase source = TestDatabase.create(kind)) {
                source.execute(sql);
                Path archive = d.resolve(java.util.UUID.randomUUID() + ".zip");
                portability(JdbcStore.discover(source.dataSource())).export(archive);
                return archive;
            }
        };
    }

    private static final String[] ITEM_TABLE = {"CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20))",
        "INSERT INTO item VALUES (7, 'kept')"};

    private static final String[] ITEM_ORDER = {"item", "id"};

    static List<Scenario> scenarios() {
        ImportOptions replace = ImportOptions.replace();
        ImportOptions fail = ImportOptions.merge(ConflictPolicy.FAIL);
        ImportOptions skip = ImportOptions.merge(ConflictPolicy.SKIP);
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("a valid archive", Kind.H2, ITEM_TABLE, ITEM_ORDER,
                items(new Object[] {1L, "one"}), replace, null));
        for (BrokenArchive damage : BrokenArchive.values()) {
            scenarios.add(new Scenario("damaged: " + damage.description(), Kind.H2, ITEM_TABLE, ITEM_ORDER,
                    d -> damage.applyTo(items(d, APPLICATION, 1, ITEM, new Object[] {1L, "one"},
                            new Object[] {2L, "two"}), d.resolve(java.util.UUID.randomUUID() + ".zip")), replace,
                    damage.expectedCode()));
        }
        scenarios.add(new Scenario("another application's archive", Kind.H2, ITEM_TABLE, ITEM_ORDER,
                d -> items(d, "crm", 1, ITEM, new Object[] {1L, "one"}), replace, ErrorCode.WRONG_APPLICATION));
        scenarios.add(new Scenario("an archive of a newer schema version", Kind.H2, ITEM_TABLE, ITEM_ORDER,
                d -> items(d, APPLICATION, 2, ITEM, new Object[] {1L, "one"}), replace, ErrorCode.ARCHIVE_TOO_NEW));
        scenarios.add(new Scenario("an older schema version without migrations", Kind.H2, ITEM_TABLE, ITEM_ORDER,
                d -> items(d, APPLICATION, 0, ITEM, new Object[] {1L, "one"}), replace,
                ErrorCode.MIGRATION_MISSING));
        scenarios.add(new Scenario("a column the target lacks", Kind.H2, ITEM_TABLE, ITEM_ORDER,
                items(TableSchema.builder("item").column("id", LogicalType.integer(), false)
                        .column("colour", LogicalType.text(), true).primaryKey("id").build(),
                        new Object[] {1L, "red"}), replace, ErrorCode.UNKNOWN_COLUMN));
        scenarios.add(new Scenario("a NOT NULL target column the archive lacks", Kind.H2,
                new String[] {"CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20), size INTEGER NOT NULL)"},
                ITEM_ORDER, items(new Object[] {1L, "one"}), replace, ErrorCode.MISSING_COLUMN));
        scenarios.add(new Scenario("a DATE column into an INTEGER column", Kind.H2,
                new String[] {"CREATE TABLE item (id INTEGER PRIMARY KEY, name INTEGER)"}, ITEM_ORDER,
                items(TableSchema.builder("item").column("id", LogicalType.integer(), false)
                        .column("name", LogicalType.date(), true).primaryKey("id").build(),
                        new Object[] {1L, LocalDate.of(2024, 1, 1)}), replace, ErrorCode.TYPE_MISMATCH));
        scenarios.add(new Scenario("a text longer than the target column", Kind.POSTGRESQL, ITEM_TABLE, ITEM_ORDER,
                items(new Object[] {1L, "x".repeat(21)}), replace, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("NULL into a NOT NULL target column", Kind.MARIADB,
                new String[] {"CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL)",
                    "INSERT INTO item VALUES (7, 'kept')"}, ITEM_ORDER, items(new Object[] {1L, null}), replace,
                ErrorCode.NULL_NOT_ALLOWED));
        scenarios.add(new Scenario("two keys a case-insensitive collation takes for one", Kind.MARIADB,
                new String[] {"CREATE TABLE item (id VARCHAR(10) COLLATE utf8mb4_general_ci PRIMARY KEY, "
                    + "name VARCHAR(20))", "INSERT INTO item VALUES ('kept', 'kept')"}, ITEM_ORDER,
                exported(Kind.MARIADB, "CREATE TABLE item (id VARCHAR(10) COLLATE utf8mb4_bin PRIMARY KEY, "
                        + "name VARCHAR(20))", "INSERT INTO item VALUES ('abc', 'one'), ('ABC', 'two')"), skip,
                ErrorCode.DUPLICATE_KEY));
        scenarios.add(new Scenario("a key a case-insensitive collation takes for an existing one", Kind.MARIADB,
                new String[] {"CREATE TABLE item (id VARCHAR(10) COLLATE utf8mb4_general_ci PRIMARY KEY, "
                    + "name VARCHAR(20))", "INSERT INTO item VALUES ('abc', 'kept')"}, ITEM_ORDER,
                exported(Kind.MARIADB, "CREATE TABLE item (id VARCHAR(10) COLLATE utf8mb4_bin PRIMARY KEY, "
                        + "name VARCHAR(20))", "INSERT INTO item VALUES ('ABC', 'one'), ('new', 'two')"), fail,
                ErrorCode.CONFLICTS));
        scenarios.add(new Scenario("the same, skipped", Kind.MARIADB,
                new String[] {"CREATE TABLE item (id VARCHAR(10) COLLATE utf8mb4_general_ci PRIMARY KEY, "
                    + "name VARCHAR(20))", "INSERT INTO item VALUES ('abc', 'kept')"}, ITEM_ORDER,
                exported(Kind.MARIADB, "CREATE TABLE item (id VARCHAR(10) COLLATE utf8mb4_bin PRIMARY KEY, "
                        + "name VARCHAR(20))", "INSERT INTO item VALUES ('ABC', 'one'), ('new', 'two')"), skip,
                null));
        String[] keyless = {"CREATE TABLE loc (component_id INTEGER, locale TEXT, name TEXT)",
            "INSERT INTO loc VALUES (9, 'xx', 'old')"};
        Function<Path, Path> duplicatedRows = exported(Kind.POSTGRESQL, keyless[0],
                "INSERT INTO loc VALUES (1, 'de', 'Eins'), (1, 'de', 'Eins'), (2, NULL, NULL)");
        scenarios.add(new Scenario("MERGE into a table without a primary key", Kind.POSTGRESQL, keyless,
                new String[] {"loc", "component_id, locale, name"}, duplicatedRows, skip, ErrorCode.NO_PRIMARY_KEY));
        scenarios.add(new Scenario("REPLACE of a table without a primary key", Kind.POSTGRESQL, keyless,
                new String[] {"loc", "component_id, locale, name"}, duplicatedRows, replace, null));
        scenarios.add(new Scenario("MERGE with FAIL and an existing key", Kind.POSTGRESQL, ITEM_TABLE, ITEM_ORDER,
                items(new Object[] {7L, "seven"}, new Object[] {8L, "eight"}), fail, ErrorCode.CONFLICTS));
        String[] cycle = {"CREATE TABLE alpha (id INTEGER PRIMARY KEY, beta_id INTEGER NOT NULL)",
            "CREATE TABLE beta (id INTEGER PRIMARY KEY, alpha_id INTEGER NOT NULL)"};
        String[] cycleKeys = {"ALTER TABLE alpha ADD FOREIGN KEY (beta_id) REFERENCES beta(id)",
            "ALTER TABLE beta ADD FOREIGN KEY (alpha_id) REFERENCES alpha(id)"};
        String[] cycleTarget = {cycle[0], cycle[1], cycleKeys[0], cycleKeys[1]};
        scenarios.add(new Scenario("a NOT NULL cycle the target checks row by row", Kind.H2, cycleTarget,
                new String[] {"alpha", "id", "beta", "id"},
                exported(Kind.H2, cycle[0], cycle[1], "INSERT INTO alpha VALUES (1, 2)", "INSERT INTO beta VALUES (2, 1)"),
                replace, ErrorCode.FOREIGN_KEY_CYCLE));
        scenarios.add(new Scenario("a NOT NULL self-reference that is not deferrable, children first",
                Kind.POSTGRESQL, new String[] {"CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL "
                    + "REFERENCES node(id))"}, new String[] {"node", "id"},
                exported(Kind.POSTGRESQL, "CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL)",
                        "INSERT INTO node VALUES (1, 2), (2, 3), (3, 3)"), replace, null));
        scenarios.add(new Scenario("a table that cannot roll back", Kind.MARIADB,
                new String[] {"CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20)) ENGINE=MyISAM",
                    "INSERT INTO item VALUES (7, 'kept')"}, ITEM_ORDER, items(new Object[] {1L, "one"}), replace,
                ErrorCode.NON_TRANSACTIONAL_TABLE));
        scenarios.add(new Scenario("the same, non-atomic import allowed", Kind.MARIADB,
                new String[] {"CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20)) ENGINE=MyISAM",
                    "INSERT INTO item VALUES (7, 'kept')"}, ITEM_ORDER, items(new Object[] {1L, "one"}),
                replace.withNonAtomicImportAllowed(true), null));
        scenarios.add(new Scenario("a REPLACE that would cascade into a table outside the import", Kind.POSTGRESQL,
                new String[] {ITEM_TABLE[0], ITEM_TABLE[1], "CREATE TABLE note (id INTEGER PRIMARY KEY, item_id "
                    + "INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE)", "INSERT INTO note VALUES (1, 7)"},
                new String[] {"item", "id", "note", "id"}, items(new Object[] {1L, "one"}), replace,
                ErrorCode.CASCADES_OUTSIDE_IMPORT));
        scenarios.add(new Scenario("a trigger the target cannot switch off", Kind.H2,
                new String[] {ITEM_TABLE[0], ITEM_TABLE[1], "CREATE TABLE event_log (id INTEGER AUTO_INCREMENT "
                    + "PRIMARY KEY, note VARCHAR(50))", "CREATE TRIGGER item_log AFTER INSERT ON item FOR EACH ROW "
                    + "CALL \"" + LoggingTrigger.class.getName() + "\""}, new String[] {"item", "id", "event_log", "id"},
                items(new Object[] {1L, "one"}), replace, ErrorCode.TRIGGER_REFUSED));
        targetRefusals(scenarios, replace, skip);
        return scenarios;
    }

    /** A table {@code item} of a key and one column of the given type. */
    private static TableSchema item(LogicalType type) {
        return TableSchema.builder("item").column("id", LogicalType.integer(), false)
                .column("name", type, true).primaryKey("id").build();
    }

    private static String[] itemTable(String type) {
        return new String[] {"CREATE TABLE item (id INTEGER PRIMARY KEY, name " + type + ")",
            "INSERT INTO item (id) VALUES (7)"};
    }

    /** Values the target would refuse or store as something else (issue 13), one scenario per kind. */
    private static void targetRefusals(List<Scenario> scenarios, ImportOptions replace, ImportOptions skip) {
        scenarios.add(new Scenario("five emoji of a PostgreSQL varchar(5) into H2, which counts UTF-16 units",
                Kind.H2, itemTable("VARCHAR(5)"), ITEM_ORDER, exported(Kind.POSTGRESQL,
                        "CREATE TABLE item (id INTEGER PRIMARY KEY, name varchar(5))",
                        "INSERT INTO item VALUES (1, '😀😀😀😀😀')"), replace, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("an emoji into a MariaDB utf8mb3 column", Kind.MARIADB,
                itemTable("VARCHAR(20) CHARACTER SET utf8mb3"), ITEM_ORDER, items(new Object[] {1L, "Hello 😄"}),
                skip, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("U+0000 into PostgreSQL text", Kind.POSTGRESQL, itemTable("text"), ITEM_ORDER,
                items(new Object[] {1L, "a\u0000b"}), replace, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("-0.0 into a MariaDB DOUBLE", Kind.MARIADB, itemTable("DOUBLE"), ITEM_ORDER,
                items(item(LogicalType.float64()), new Object[] {1L, -0.0}), replace, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("NaN into a MariaDB DOUBLE", Kind.MARIADB, itemTable("DOUBLE"), ITEM_ORDER,
                items(item(LogicalType.float64()), new Object[] {1L, Double.NaN}), replace, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("-0.0 into an H2 DOUBLE PRECISION", Kind.H2, itemTable("DOUBLE PRECISION"),
                ITEM_ORDER, items(item(LogicalType.float64()), new Object[] {1L, -0.0}), replace,
                ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("an integer beyond a MariaDB TINYINT", Kind.MARIADB, itemTable("TINYINT"),
                ITEM_ORDER, items(item(LogicalType.integer()), new Object[] {1L, 128L}), replace,
                ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("a decimal beyond the target's scale", Kind.POSTGRESQL, itemTable("numeric(5,2)"),
                ITEM_ORDER, items(item(LogicalType.decimal()), new Object[] {1L, new java.math.BigDecimal("1.234")}),
                replace, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("PostgreSQL's infinity into a MariaDB DATE", Kind.MARIADB, itemTable("DATE"),
                ITEM_ORDER, items(item(LogicalType.date()), new Object[] {1L, dev.portability.api.Infinity.POSITIVE}),
                replace, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("a BC date into a MariaDB DATE", Kind.MARIADB, itemTable("DATE"), ITEM_ORDER,
                items(item(LogicalType.date()), new Object[] {1L, LocalDate.of(-100, 1, 1)}), replace,
                ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("a year beyond 9999 into a MariaDB DATETIME", Kind.MARIADB, itemTable("DATETIME"),
                ITEM_ORDER, items(item(LogicalType.timestamp()), new Object[] {1L,
                    java.time.LocalDateTime.of(10_000, 1, 1, 0, 0)}), replace, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("a MariaDB zero date into PostgreSQL", Kind.POSTGRESQL, itemTable("date"),
                ITEM_ORDER, items(TableSchema.builder("item").column("id", LogicalType.integer(), false)
                        .column(new dev.portability.api.Column("name", LogicalType.date(), true,
                                dev.portability.api.NativeType.of("mariadb", "date")))
                        .primaryKey("id").build(), new Object[] {1L,
                    new dev.portability.api.NativeValue("mariadb", "0000-00-00")}), replace, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("fractional seconds into a PostgreSQL time(0)", Kind.POSTGRESQL,
                itemTable("time(0)"), ITEM_ORDER, items(item(LogicalType.time()), new Object[] {1L,
                    java.time.LocalTime.of(10, 0, 0, 500_000_000)}), replace, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("fractional seconds into a MariaDB TIME", Kind.MARIADB, itemTable("TIME"),
                ITEM_ORDER, items(item(LogicalType.time()), new Object[] {1L,
                    java.time.LocalTime.of(10, 0, 0, 500_000_000)}), replace, ErrorCode.INVALID_VALUE));
        scenarios.add(new Scenario("the same fractional seconds into a MariaDB TIME(1)", Kind.MARIADB,
                itemTable("TIME(1)"), ITEM_ORDER, items(item(LogicalType.time()), new Object[] {1L,
                    java.time.LocalTime.of(10, 0, 0, 500_000_000)}), replace, null));
    }

    /** An H2 trigger that logs each insert into {@code event_log}. */
    public static final class LoggingTrigger implements org.h2.api.Trigger {
        @Override
        public void fire(java.sql.Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO event_log (note) VALUES ('item " + newRow[0] + "')");
            }
        }
    }

    private static Portability portability(JdbcStore store) {
        return Portability.builder().application(APPLICATION).schemaVersion(1).store(store).build();
    }

    /** A verdict: ACCEPTED, or the code of the refusal, and the message that says why. */
    private record Verdict(ErrorCode code, String message, List<Key> conflictKeys) {
        static final Verdict ACCEPTED = new Verdict(null, null, List.of());

        static Verdict of(Problem problem) {
            return new Verdict(problem.code(), problem.message(), List.of());
        }
    }

    private static Verdict validation(Portability portability, Path archive, ImportOptions options) {
        ValidationReport report = portability.validate(archive, options);
        return report.valid() ? Verdict.ACCEPTED : Verdict.of(report.problems().get(0));
    }

    private static Verdict preview(Portability portability, Path archive, ImportOptions options) {
        try {
            ImportPreview preview = portability.preview(archive, options);
            if (!preview.refusals().isEmpty()) {
                return Verdict.of(preview.refusals().get(0));
            }
            if (preview.wouldBeRefused()) {
                List<Key> keys = new ArrayList<>();
                preview.tables().forEach(t -> keys.addAll(t.sampleConflictKeys()));
                return new Verdict(ErrorCode.CONFLICTS, null, keys);
            }
            return Verdict.ACCEPTED;
        } catch (InvalidArchiveException e) {
            return Verdict.of(e.report().problems().get(0));
        }
    }

    private static Verdict importing(Portability portability, Path archive, ImportOptions options) {
        try {
            portability.importArchive(archive, options);
            return Verdict.ACCEPTED;
        } catch (InvalidArchiveException e) {
            return Verdict.of(e.report().problems().get(0));
        } catch (ImportRefusedException e) {
            assertThat(e.getMessage()).contains(e.refusals().get(0).message());
            return Verdict.of(e.refusals().get(0));
        } catch (ImportConflictException e) {
            List<Key> keys = new ArrayList<>();
            e.conflicts().values().forEach(keys::addAll);
            return new Verdict(e.code(), null, keys);
        } catch (PortabilityException e) {
            return new Verdict(e.code(), e.getMessage(), List.of());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void validationPreviewAndImportGiveOneVerdict(Scenario scenario) throws SQLException {
        Path archive = scenario.archive().apply(dir);
        try (TestDatabase target = TestDatabase.create(scenario.kind())) {
            target.execute(scenario.target());
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), scenario.tables());
            Portability portability = portability(JdbcStore.discover(target.dataSource()));

            Verdict validated = validation(portability, archive, scenario.options());
            Verdict previewed = preview(portability, archive, scenario.options());
            Verdict imported = importing(portability, archive, scenario.options());

            assertThat(imported.code()).as("the import's verdict").isEqualTo(scenario.expected());
            assertThat(validated.code()).as("validation's verdict").isEqualTo(imported.code());
            assertThat(previewed.code()).as("the preview's verdict").isEqualTo(imported.code());
            if (scenario.expected() == ErrorCode.CONFLICTS) {
                assertThat(previewed.conflictKeys()).isEqualTo(imported.conflictKeys());
                imported.conflictKeys().forEach(key -> assertThat(validated.message()).contains(key.toString()));
            } else if (scenario.expected() != null) {
                assertThat(validated.message()).as("validation's message").isEqualTo(imported.message());
                assertThat(previewed.message()).as("the preview's message").isEqualTo(imported.message());
            }
            if (scenario.expected() != null) {
                assertThat(Databases.differences(Databases.contents(target.dataSource(), scenario.tables()), before))
                        .as("a refused import writes nothing").isEmpty();
            }
        }
    }
}
