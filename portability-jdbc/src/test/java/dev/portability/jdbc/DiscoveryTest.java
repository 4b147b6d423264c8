package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ColumnException;
import dev.portability.api.ConfigurationException;
import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.api.TableSchema;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What discovery takes from each real database, and what a host can change about it. */
class DiscoveryTest {

    @TempDir
    Path dir;

    private static List<String> names(JdbcStore store) {
        List<String> names = new ArrayList<>();
        store.tables().forEach(t -> names.add(t.schema().name()));
        return names;
    }

    /** A type discovery refuses; PostgreSQL 15 and MariaDB 10.11 have none (every column type is carried). */
    private static String unsupportedType(Kind kind) {
        return switch (kind) {
            case H2 -> "JAVA_OBJECT";
            case POSTGRESQL -> throw new IllegalArgumentException("PostgreSQL carries every column type");
            case MARIADB -> throw new IllegalArgumentException("every MariaDB column type is carried");
        };
    }

    private static String generated(Kind kind) {
        return switch (kind) {
            case H2 -> "INTEGER GENERATED ALWAYS AS (qty * 2)";
            case POSTGRESQL -> "integer GENERATED ALWAYS AS (qty * 2) STORED";
            case MARIADB -> "INTEGER AS (qty * 2) VIRTUAL";
        };
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void viewsAndTheTablesOfMigrationToolsAreLeftOutUnlessNamed(Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)",
                    "CREATE TABLE flyway_schema_history (installed_rank INTEGER PRIMARY KEY)",
                    "CREATE TABLE databasechangelog (id VARCHAR(255))",
                    "CREATE TABLE databasechangeloglock (id INTEGER PRIMARY KEY)",
                    "CREATE VIEW order_view AS SELECT id FROM orders");

            assertThat(names(JdbcStore.discover(db.dataSource()))).containsExactly("orders");
            assertThat(names(JdbcStore.configure(db.dataSource()).include("orders", "flyway_schema_history")
                    .discover())).containsExactlyInAnyOrder("orders", "flyway_schema_history");
        }
    }

    @Test
    void h2PlainNumericKeepsItsScaleOfZeroSoFractionsAreRefusedNotRounded() {
        try (TestDatabase db = TestDatabase.create(Kind.H2)) {
            db.execute("CREATE TABLE amounts (id INTEGER PRIMARY KEY, total NUMERIC)");

            JdbcStore store = JdbcStore.discover(db.dataSource());

            assertThat(store.tables().get(0).schema().column("total").orElseThrow().type())
                    .isEqualTo(dev.portability.api.LogicalType.decimal(1000, 0));
        }
    }

    @Test
    void postgresqlPartitionsAreLeftOutAndTheirPartitionedTableIsTaken() {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            db.execute("CREATE TABLE events (id integer PRIMARY KEY, note text) PARTITION BY RANGE (id)",
                    "CREATE TABLE events_low PARTITION OF events FOR VALUES FROM (0) TO (100)",
                    "CREATE TABLE events_high PARTITION OF events FOR VALUES FROM (100) TO (1000)",
                    "INSERT INTO events VALUES (1, 'low'), (500, 'high')");

            JdbcStore store = JdbcStore.discover(db.dataSource());

            assertThat(names(store)).containsExactly("events");
            assertThat(Stores.rows(store, "events")).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void includeAndExcludePatternsPickTablesIgnoringCase(Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE shop_orders (id INTEGER PRIMARY KEY)",
                    "CREATE TABLE shop_items (id INTEGER PRIMARY KEY)",
                    "CREATE TABLE audit_log (id INTEGER PRIMARY KEY)",
                    "CREATE TABLE tmp1 (id INTEGER PRIMARY KEY)");

            JdbcStore store = JdbcStore.configure(db.dataSource()).include("SHOP_*", "audit_log", "tmp?")
                    .exclude("*_items", "tmp?").discover();

            assertThat(names(store)).containsExactlyInAnyOrder("shop_orders", "audit_log");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeclaredPrimaryKeyLetsMergeMatchTheRowsOfATableWithoutOne(Kind kind) {
        try (TestDatabase source = TestDatabase.create(kind); TestDatabase target = TestDatabase.create(kind)) {
            for (TestDatabase db : List.of(source, target)) {
                db.execute("CREATE TABLE events (id INTEGER NOT NULL, note VARCHAR(20))");
            }
            source.execute("INSERT INTO events VALUES (1, 'one'), (2, 'two'), (3, 'three')");
            target.execute("INSERT INTO events VALUES (2, 'kept')");
            assertThat(Stores.table(JdbcStore.discover(source.dataSource()), "events").schema().primaryKey())
                    .isEmpty();
            Path archive = dir.resolve("events.zip");
            Stores.portability(JdbcStore.configure(source.dataSource()).primaryKey("events", "id").discover())
                    .export(archive);

            JdbcStore store = JdbcStore.configure(target.dataSource()).primaryKey("events", "id").discover();
            ImportResult result = Stores.portability(store).importArchive(archive,
                    ImportOptions.merge(ConflictPolicy.SKIP));

            assertThat(Stores.table(store, "events").schema().primaryKey()).containsExactly("id");
            assertThat(result.inserted()).isEqualTo(2);
            assertThat(result.skipped()).isEqualTo(1);
            assertThat(Stores.contents(store).get("events")).containsExactly(List.of(1L, "one"), List.of(2L, "kept"),
                    List.of(3L, "three"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void skippedAndGeneratedColumnsAreNeitherExportedNorWritten(Kind kind) throws Exception {
        try (TestDatabase source = TestDatabase.create(kind); TestDatabase target = TestDatabase.create(kind)) {
            for (TestDatabase db : List.of(source, target)) {
                db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, qty INTEGER, secret VARCHAR(20), doubled "
                        + generated(kind) + ")");
            }
            source.execute("INSERT INTO items (id, qty, secret) VALUES (1, 5, 'hunter2')");
            Path archive = dir.resolve("items.zip");
            JdbcStore sourceStore = JdbcStore.configure(source.dataSource()).skipColumn("items", "secret")
                    .discover();
            assertThat(Stores.table(sourceStore, "items").schema().columnNames()).containsExactly("id", "qty");
            Stores.portability(sourceStore).export(archive);

            JdbcStore targetStore = JdbcStore.configure(target.dataSource()).skipColumn("items", "secret")
                    .discover();
            Stores.portability(targetStore).importArchive(archive, ImportOptions.replace());

            Map<String, List<List<Object>>> rows = Databases.contents(target.dataSource(), "items", "id");
            assertThat(rows.get("items")).singleElement().asString().contains("=Integer:10").contains("=NULL")
                    .doesNotContain("hunter2");
        }
    }

    /** Only H2 has such a type: PostgreSQL and MariaDB carry every type a column can have (the type catalogues). */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"H2"})
    void aColumnOfATypeThatCannotBeCarriedFailsDiscoveryUnlessSkipped(Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE odd (id INTEGER PRIMARY KEY, strange " + unsupportedType(kind) + ")",
                    "CREATE TABLE plain (id INTEGER PRIMARY KEY)");

            assertThatThrownBy(() -> JdbcStore.discover(db.dataSource()))
                    .isInstanceOfSatisfying(ColumnException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_COLUMN);
                        assertThat(e.table()).isEqualTo("odd");
                        assertThat(e.column()).isEqualTo("strange");
                    })
                    .hasMessageContaining("table odd, column strange")
                    .hasMessageContaining(unsupportedType(kind).split(" ")[0])
                    .hasMessageContaining("skipColumn(\"odd\", \"strange\")")
                    .hasMessageContaining("exclude(\"odd\")");
            TableSchema skipped = Stores.table(JdbcStore.configure(db.dataSource()).skipUnsupportedColumns()
                    .discover(), "odd").schema();
            assertThat(skipped.columnNames()).containsExactly("id");
            assertThat(names(JdbcStore.configure(db.dataSource()).exclude("odd").discover()))
                    .containsExactly("plain");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void settingsThatNameUnknownTablesOrColumnsAreRefused(Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, qty INTEGER)");

            assertThatThrownBy(() -> JdbcStore.configure(db.dataSource()).primaryKey("itemz", "id").discover())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("itemz")
                    .hasMessageContaining("[items]");
            assertThatThrownBy(() -> JdbcStore.configure(db.dataSource()).primaryKey("items", "key").discover())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("no column 'key'");
            assertThatThrownBy(() -> JdbcStore.configure(db.dataSource()).skipColumn("items", "qtty").discover())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("no column 'qtty'");
            assertThatThrownBy(() -> JdbcStore.configure(db.dataSource()).include("nothing*").discover())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("found no tables");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theDialectIsReadFromTheConnectionOrForced(Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY)");
            JdbcDialect expected = switch (kind) {
                case H2 -> JdbcDialect.H2;
                case POSTGRESQL -> JdbcDialect.POSTGRESQL;
                case MARIADB -> JdbcDialect.MARIADB;
            };

            assertThat(JdbcStore.discover(db.dataSource()).dialect()).isEqualTo(expected);
            assertThat(JdbcStore.configure(db.dataSource()).dialect(expected).discover().dialect())
                    .isEqualTo(expected);
        }
    }
}
