package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.api.PortabilityException;
import dev.portability.api.TableImportResult;
import dev.portability.api.spi.TableAdapter;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many tables on PostgreSQL: discovery reads the primary keys and the referencing tables of the whole schema at
 * once, and an import finds the triggers of every table and counts every table with one query each. Each table
 * still gets exactly what it got table by table: its own key, its own referencing tables, its own triggers switched
 * off and on again, its own counts, and a failing count still names its table.
 */
class PostgresManyTablesTest {

    private static final int TABLES = 30;

    @TempDir
    Path dir;

    private static Portability portability(DataSource dataSource) {
        return Portability.builder().application("many").store(JdbcStore.discover(dataSource)).build();
    }

    private static String name(int i) {
        return String.format("t%02d", i);
    }

    /** A chain of tables, each referencing the one before; table 17 has a trigger that rewrites inserted rows. */
    private static void schema(TestDatabase db) {
        List<String> sql = new ArrayList<>();
        for (int i = 1; i <= TABLES; i++) {
            sql.add("CREATE TABLE " + name(i) + " (id INT PRIMARY KEY, prev_id INT"
                    + (i > 1 ? " REFERENCES " + name(i - 1) : "") + ", name TEXT NOT NULL)");
        }
        sql.add("CREATE FUNCTION shout() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN NEW.name := upper(NEW.name); RETURN NEW; END $$");
        sql.add("CREATE TRIGGER t17_shout BEFORE INSERT ON t17 FOR EACH ROW EXECUTE FUNCTION shout()");
        db.execute(sql.toArray(String[]::new));
    }

    /** Table {@code i} holds {@code i} rows, each referencing a row of the table before. */
    private static void fill(TestDatabase db, String prefix) {
        List<String> sql = new ArrayList<>();
        for (int i = 1; i <= TABLES; i++) {
            sql.add("INSERT INTO " + name(i) + " SELECT g, " + (i > 1 ? "1" : "NULL") + ", '" + prefix + " ' || g "
                    + "FROM generate_series(1, " + i + ") g");
        }
        db.execute(sql.toArray(String[]::new));
    }

    private static String[] tablesAndOrder() {
        String[] tables = new String[TABLES * 2];
        for (int i = 1; i <= TABLES; i++) {
            tables[2 * i - 2] = name(i);
            tables[2 * i - 1] = "id";
        }
        return tables;
    }

    private Path archive() {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL)) {
            schema(source);
            source.execute("ALTER TABLE t17 DISABLE TRIGGER t17_shout");
            fill(source, "archived");
            Path archive = dir.resolve("many.zip");
            portability(source.dataSource()).export(archive);
            return archive;
        }
    }

    private static Map<String, Long> fileNodes(DataSource dataSource) throws SQLException {
        Map<String, Long> nodes = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (int i = 1; i <= TABLES; i++) {
                try (ResultSet rs = s.executeQuery("SELECT pg_relation_filenode('" + name(i) + "')")) {
                    rs.next();
                    nodes.put(name(i), rs.getLong(1));
                }
            }
        }
        return nodes;
    }

    private static String triggerState(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tgenabled FROM pg_trigger WHERE tgname = 't17_shout' "
                        + "AND tgrelid = CAST('t17' AS regclass)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void discoveryGivesEachTableItsOwnKeyAndItsOwnReferencingTables() {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase other = TestDatabase.create(Kind.POSTGRESQL)) {
            schema(db);
            db.execute("CREATE TABLE keyless (v INT)", "CREATE TABLE twokeys (a INT, b INT, PRIMARY KEY (b, a))");
            other.execute("CREATE TABLE elsewhere (id INT PRIMARY KEY, t05_id INT REFERENCES " + db.name()
                    + ".t05)");

            Map<String, TableAdapter<?>> tables = new LinkedHashMap<>();
            JdbcStore.discover(db.dataSource()).tables().forEach(t -> tables.put(t.schema().name(), t));

            assertThat(tables).hasSize(TABLES + 2);
            for (int i = 1; i <= TABLES; i++) {
                TableAdapter<?> table = tables.get(name(i));
                assertThat(table.schema().primaryKey()).as(name(i)).containsExactly("id");
                Set<String> expected = new java.util.HashSet<>();
                if (i < TABLES) {
                    expected.add(name(i + 1));
                }
                if (i == 5) {
                    expected.add(other.name() + ".elsewhere");
                }
                assertThat(table.referencingTables()).as(name(i)).containsExactlyInAnyOrderElementsOf(expected);
            }
            assertThat(tables.get("keyless").schema().primaryKey()).isEmpty();
            assertThat(tables.get("keyless").referencingTables()).isEmpty();
            assertThat(tables.get("twokeys").schema().primaryKey()).containsExactly("b", "a");
        }
    }

    @Test
    void replaceIntoEmptyTablesWritesExactlyTheArchiveWithTheTriggerSwitchedOffAndNoTruncate() throws Exception {
        Path archive = archive();
        try (TestDatabase expected = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            schema(expected);
            expected.execute("ALTER TABLE t17 DISABLE TRIGGER t17_shout");
            fill(expected, "archived");
            schema(target);
            Map<String, Long> nodes = fileNodes(target.dataSource());

            ImportResult result = portability(target.dataSource()).importArchive(archive, ImportOptions.replace());

            assertThat(Databases.contents(target.dataSource(), tablesAndOrder()))
                    .isEqualTo(Databases.contents(expected.dataSource(), tablesAndOrder()));
            assertThat(result.tables()).hasSize(TABLES);
            for (TableImportResult table : result.tables()) {
                long rows = Integer.parseInt(table.table().substring(1));
                assertThat(List.of(table.inserted(), table.deleted(), table.expectedRows(), table.actualRows()))
                        .as(table.table()).containsExactly(rows, 0L, rows, rows);
            }
            assertThat(fileNodes(target.dataSource())).as("empty tables are not truncated").isEqualTo(nodes);
            assertThat(triggerState(target.dataSource())).as("the trigger is on again").isEqualTo("O");
        }
    }

    @Test
    void replaceOverFullTablesCountsAndEmptiesEachTable() throws Exception {
        Path archive = archive();
        try (TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            schema(target);
            target.execute("ALTER TABLE t17 DISABLE TRIGGER t17_shout");
            fill(target, "old");
            target.execute("INSERT INTO t01 SELECT g, NULL, 'extra' FROM generate_series(100, 104) g",
                    "ALTER TABLE t17 ENABLE TRIGGER t17_shout");
            Map<String, Long> nodes = fileNodes(target.dataSource());

            ImportResult result = portability(target.dataSource()).importArchive(archive, ImportOptions.replace());

            for (TableImportResult table : result.tables()) {
                long rows = Integer.parseInt(table.table().substring(1));
                long before = rows + (table.table().equals("t01") ? 5 : 0);
                assertThat(List.of(table.inserted(), table.deleted(), table.actualRows()))
                        .as(table.table()).containsExactly(rows, before, rows);
            }
            assertThat(Databases.contents(target.dataSource(), "t17", "id").get("t17"))
                    .extracting(row -> row.get(2).toString()).allMatch(n -> n.contains(":archived "));
            assertThat(Databases.contents(target.dataSource(), "t01", "id").get("t01")).hasSize(1);
            assertThat(fileNodes(target.dataSource())).as("truncated")
                    .allSatisfy((table, node) -> assertThat(node).isNotEqualTo(nodes.get(table)));
            assertThat(triggerState(target.dataSource())).isEqualTo("O");
        }
    }

    /** Counting every table in one query fails on the hidden rows of one: the failure still names that table. */
    @Test
    void aTableWhoseRowsAPolicyHidesIsNamedAmongMany() throws Exception {
        Path archive = archive();
        try (TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            String role = "r_" + target.name();
            schema(target);
            target.execute("ALTER TABLE t12 ENABLE ROW LEVEL SECURITY",
                    "CREATE POLICY nothing ON t12 USING (false)",
                    "CREATE ROLE " + role + " NOLOGIN", "GRANT USAGE ON SCHEMA " + target.name() + " TO " + role,
                    "GRANT ALL ON ALL TABLES IN SCHEMA " + target.name() + " TO " + role);
            try {
                DataSource asRole = new AsRole(target.dataSource(), role);
                assertThatThrownBy(() -> portability(asRole).importArchive(archive, ImportOptions.replace()))
                        .isInstanceOfSatisfying(PortabilityException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.ROWS_HIDDEN);
                            assertThat(e.getMessage()).contains("Table t12");
                        });
                assertThat(Databases.contents(target.dataSource(), "t01", "id").get("t01")).isEmpty();
            } finally {
                target.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
            }
        }
    }
}
