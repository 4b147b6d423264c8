package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portability.api.Column;
import dev.portability.api.ConfigurationException;
import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportMode;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportResult;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.LogicalType;
import dev.portability.api.Problem;
import dev.portability.api.ValidationReport;
import dev.portability.api.migration.Migration;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Archives written by versions 1 and 2 of the example shop ({@link ShopHistory}) imported into version 3 on H2,
 * through the JDBC adapters: the migrated content, and every refusal before anything is written.
 */
class MigrationRoundTripTest {

    private static final String CUSTOMERS = "SELECT id, first_name, last_name, email, status FROM customers ORDER BY id";
    private static final String ORDERS = "SELECT id, customer_id, total, placed_at FROM orders ORDER BY id";

    @TempDir
    Path dir;

    private final List<TestDatabase> databases = new ArrayList<>();
    private TestDatabase target;

    @BeforeEach
    void targetAtVersion3() throws SQLException {
        target = database(ShopHistory.V3);
        target.execute(
                "INSERT INTO customers VALUES (1, 'Augusta Ada', 'King', 'ada@old.example', 'active')",
                "INSERT INTO customers VALUES (9, 'Edsger', 'Dijkstra', NULL, 'vip')",
                "INSERT INTO orders VALUES (10, 1, 1.00, TIMESTAMP '2023-12-31 23:59:00')",
                "INSERT INTO orders VALUES (90, 9, 7.25, TIMESTAMP '2023-11-11 11:11:00')");
    }

    @AfterEach
    void dropDatabases() {
        databases.forEach(TestDatabase::close);
    }

    @ParameterizedTest(name = "version {0} archive, {1}")
    @CsvSource({"1, REPLACE", "1, MERGE", "2, REPLACE", "2, MERGE"})
    void anOlderArchiveImportsIntoVersion3WithExactlyTheMigratedContent(int version, ImportMode mode)
            throws Exception {
        Path archive = version == 1 ? version1Archive() : version2Archive();
        ImportOptions options = mode == ImportMode.REPLACE ? ImportOptions.replace()
                : ImportOptions.merge(ConflictPolicy.SKIP);

        ImportResult result = ShopHistory.current(target.dataSource()).importArchive(archive, options);

        List<String> customers = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        if (mode == ImportMode.MERGE) { // the target's rows stay, the archive's rows with other keys are added
            customers.add("1|Augusta Ada|King|ada@old.example|active");
            customers.add("9|Edsger|Dijkstra|null|vip");
            orders.add("10|1|1.00|2023-12-31T23:59");
            orders.add("90|9|7.25|2023-11-11T11:11");
        }
        if (version == 1) {
            if (mode == ImportMode.REPLACE) {
                customers.add("1|Ada|Lovelace|ada@example.com|active");
                orders.add("10|1|12.50|2024-01-02T10:00");
            }
            customers.add("2|Grace Brewster|Hopper|null|active");
            customers.add("3|Cher||cher@example.com|active");
            orders.add("11|1|99.99|2024-02-03T11:30");
            orders.add("12|3|5.00|2024-03-04T09:15");
        } else {
            if (mode == ImportMode.REPLACE) {
                customers.add("1|Ada|Lovelace|ada@example.com|vip");
            }
            customers.add("2|Alan|Turing|null|active");
            orders.add("20|2|42.00|2024-05-06T07:08");
        }
        assertThat(rows(target.dataSource(), CUSTOMERS)).containsExactlyInAnyOrderElementsOf(customers);
        assertThat(rows(target.dataSource(), ORDERS)).containsExactlyInAnyOrderElementsOf(orders);
        assertThat(result.migrationSteps()).hasSize(version == 1 ? 2 : 1);
        assertThat(result.countMismatches()).isEmpty();
    }

    @Test
    void validationAndPreviewNameTheStepsThatWillRun() throws Exception {
        Path archive = version1Archive();
        Portability current = ShopHistory.current(target.dataSource());

        ValidationReport report = current.validate(archive);
        ImportPreview preview = current.preview(archive, ImportOptions.merge(ConflictPolicy.SKIP));

        List<String> steps = List.of(
                "1 -> 2: rename table clients to customers; rename column orders.client_id to customer_id; "
                        + "add column customers.status TEXT(16) NOT NULL ('active' in every row)",
                "2 -> 3: split column customers.name into first_name, last_name; drop column customers.fax");
        assertThat(report.valid()).as(report.summary()).isTrue();
        assertThat(report.migrationSteps()).isEqualTo(steps);
        assertThat(preview.migrationSteps()).isEqualTo(steps);
        assertThat(preview.tables()).filteredOn(t -> t.table().equals("customers")).singleElement()
                .satisfies(t -> {
                    assertThat(t.archiveRows()).isEqualTo(3);
                    assertThat(t.conflicts()).isEqualTo(1);
                });
    }

    @Test
    void anArchiveOfANewerVersionIsRefusedNamingBothVersionsBeforeAnythingIsWritten() throws Exception {
        TestDatabase newer = database(ShopHistory.V3);
        newer.execute("INSERT INTO customers VALUES (5, 'Barbara', 'Liskov', NULL, 'active')");
        Path archive = dir.resolve("v4.zip");
        ShopHistory.atVersion(newer.dataSource(), 4).export(archive);
        Map<String, List<String>> before = contents(target.dataSource());

        InvalidArchiveException refused = catchThrowableOfType(InvalidArchiveException.class,
                () -> ShopHistory.current(target.dataSource()).importArchive(archive, ImportOptions.replace()));

        assertThat(refused.report().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.ARCHIVE_TOO_NEW);
            assertThat(problem.message()).contains("schema version 4", "application is at version 3",
                    "upgrade the application");
        });
        assertThat(refused.getMessage()).contains("upgrade the application");
        assertThat(contents(target.dataSource())).isEqualTo(before);
    }

    @Test
    void aMissingStepIsRefusedNamingTheVersionsItWouldConnectBeforeAnythingIsWritten() throws Exception {
        Path archive = version1Archive();
        Portability withoutFirstStep = Portability.builder().application("shop").schemaVersion(3)
                .migrations(ShopHistory.V2_TO_V3).store(JdbcStore.discover(target.dataSource())).build();
        Map<String, List<String>> before = contents(target.dataSource());

        ValidationReport report = withoutFirstStep.validate(archive);
        InvalidArchiveException refused = catchThrowableOfType(InvalidArchiveException.class,
                () -> withoutFirstStep.importArchive(archive, ImportOptions.replace()));

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.MIGRATION_MISSING);
            assertThat(problem.message()).contains("no migration step leads from version 1 to version 2");
        });
        assertThat(refused.report().problems()).extracting(Problem::code).containsExactly(
                ErrorCode.MIGRATION_MISSING);
        assertThat(contents(target.dataSource())).isEqualTo(before);
    }

    @Test
    void aStepThatProducesNullInANotNullColumnIsReportedWithStepTableRowAndColumnAndNothingIsWritten()
            throws Exception {
        Migration careless = Migration.from(2).to(3)
                .splitColumn("customers", "name",
                        List.of(Column.required("first_name", LogicalType.text(100)),
                                Column.required("last_name", LogicalType.text(100))),
                        name -> {
                            String full = (String) name;
                            int space = full.lastIndexOf(' ');
                            return space < 0 ? Arrays.asList(full, null)
                                    : List.of(full.substring(0, space), full.substring(space + 1));
                        })
                .dropColumn("customers", "fax")
                .build();
        TestDatabase old = database(ShopHistory.V2);
        old.execute(
                "INSERT INTO customers VALUES (1, 'Ada Lovelace', NULL, NULL, 'active')",
                "INSERT INTO customers VALUES (2, 'Alan Turing', NULL, NULL, 'active')",
                "INSERT INTO customers VALUES (3, 'Cher', NULL, NULL, 'active')");
        Path archive = dir.resolve("v2.zip");
        ShopHistory.atVersion(old.dataSource(), 2).export(archive);
        Portability current = Portability.builder().application("shop").schemaVersion(3)
                .migrations(ShopHistory.V1_TO_V2, careless).store(JdbcStore.discover(target.dataSource()))
                .build();
        Map<String, List<String>> before = contents(target.dataSource());

        InvalidArchiveException refused = catchThrowableOfType(InvalidArchiveException.class,
                () -> current.importArchive(archive, ImportOptions.replace()));

        assertThat(refused.report().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
            assertThat(problem.table()).isEqualTo("customers");
            assertThat(problem.line()).isEqualTo(3L);
            assertThat(problem.column()).isEqualTo("last_name");
            assertThat(problem.message()).contains("migration step 2 -> 3", "NULL", "last_name", "NOT NULL");
        });
        assertThat(contents(target.dataSource())).isEqualTo(before);
    }

    @Test
    void buildingFailsWhenTheStepsDoNotReachTheCurrentVersion() {
        assertThatThrownBy(() -> Portability.builder().application("shop").schemaVersion(3)
                .migrations(ShopHistory.V1_TO_V2).store(JdbcStore.discover(target.dataSource())).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("migrations: the steps end at version 2 but the application's schemaVersion "
                        + "is 3; register a step from 2 to 3");
    }

    @Test
    void aStepThatDoesNotFitTheArchivedTablesIsReportedByValidation() throws Exception {
        Migration wrong = Migration.from(1).to(2).renameTable("clients", "customers")
                .renameColumn("customers", "phone", "telephone").build();
        Portability current = Portability.builder().application("shop").schemaVersion(3)
                .migrations(wrong, ShopHistory.V2_TO_V3).store(JdbcStore.discover(target.dataSource())).build();

        ValidationReport report = current.validate(version1Archive());

        assertThat(report.problems()).filteredOn(p -> p.code() == ErrorCode.MIGRATION_FAILED).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.table()).isEqualTo("clients");
                    assertThat(problem.column()).isEqualTo("phone");
                    assertThat(problem.message()).startsWith("migration step 1 -> 2 does not fit table clients: "
                            + "rename column customers.phone to telephone: table customers has no column phone");
                });
    }

    @Test
    void aMigratedValueTheHostTableRefusesIsReportedWithTheStepThatWroteIt() throws Exception {
        Migration nullStatus = Migration.from(1).to(2).renameTable("clients", "customers")
                .renameColumn("orders", "client_id", "customer_id")
                .addColumn("customers", Column.nullable("status", LogicalType.text(16)), null).build();
        Portability current = Portability.builder().application("shop").schemaVersion(3)
                .migrations(nullStatus, ShopHistory.V2_TO_V3).store(JdbcStore.discover(target.dataSource()))
                .build();
        Path archive = version1Archive();
        Map<String, List<String>> before = contents(target.dataSource());

        InvalidArchiveException refused = catchThrowableOfType(InvalidArchiveException.class,
                () -> current.importArchive(archive, ImportOptions.replace()));

        assertThat(refused.report().problems()).hasSize(3).first().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.NULL_NOT_ALLOWED);
            assertThat(problem.table()).isEqualTo("clients");
            assertThat(problem.line()).isEqualTo(1L);
            assertThat(problem.column()).isEqualTo("status");
            assertThat(problem.message()).isEqualTo("key 1: NULL, but table customers declares this column NOT NULL "
                    + "(after migration step 1 -> 2, which writes column status)");
        });
        assertThat(contents(target.dataSource())).isEqualTo(before);
    }

    // tag::round-trip[]
    /** Writes an archive as version 1 of the application did: its schema, its data, its schemaVersion. */
    private Path version1Archive() throws SQLException {
        TestDatabase v1 = database(ShopHistory.V1);
        v1.execute(
                "INSERT INTO clients VALUES (1, 'Ada Lovelace', 'ada@example.com', '+44 20 7946 0000')",
                "INSERT INTO clients VALUES (2, 'Grace Brewster Hopper', NULL, NULL)",
                "INSERT INTO clients VALUES (3, 'Cher', 'cher@example.com', NULL)",
                "INSERT INTO orders VALUES (10, 1, 12.50, TIMESTAMP '2024-01-02 10:00:00')",
                "INSERT INTO orders VALUES (11, 1, 99.99, TIMESTAMP '2024-02-03 11:30:00')",
                "INSERT INTO orders VALUES (12, 3, 5.00, TIMESTAMP '2024-03-04 09:15:00')");
        Path archive = dir.resolve("v1.zip");
        ShopHistory.atVersion(v1.dataSource(), 1).export(archive);
        return archive;
    }
    // end::round-trip[]

    private Path version2Archive() throws SQLException {
        TestDatabase v2 = database(ShopHistory.V2);
        v2.execute(
                "INSERT INTO customers VALUES (1, 'Ada Lovelace', 'ada@example.com', NULL, 'vip')",
                "INSERT INTO customers VALUES (2, 'Alan Turing', NULL, '+44 161 000', 'active')",
                "INSERT INTO orders VALUES (20, 2, 42.00, TIMESTAMP '2024-05-06 07:08:00')");
        Path archive = dir.resolve("v2.zip");
        ShopHistory.atVersion(v2.dataSource(), 2).export(archive);
        return archive;
    }

    private TestDatabase database(String... ddl) throws SQLException {
        TestDatabase database = TestDatabase.create(Kind.H2);
        databases.add(database);
        ShopHistory.create(database.dataSource(), ddl);
        return database;
    }

    private static Map<String, List<String>> contents(DataSource dataSource) throws SQLException {
        Map<String, List<String>> contents = new TreeMap<>();
        contents.put("customers", rows(dataSource, CUSTOMERS));
        contents.put("orders", rows(dataSource, ORDERS));
        return contents;
    }

    /** Every row of a query, its values joined with '|'. */
    static List<String> rows(DataSource dataSource, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof BigDecimal decimal) {
                        value = decimal.toPlainString();
                    } else if (value instanceof Timestamp timestamp) {
                        value = timestamp.toLocalDateTime();
                    }
                    row.append(i > 1 ? "|" : "").append(value);
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
