package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.GeneratorPosition;
import dev.portability.api.ImportOptions;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
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
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A two-table foreign-key cycle with a self-reference ({@link CycleSchema}) on each real database: REPLACE and
 * MERGE load it, and afterwards every generated key (identity, serial, AUTO_INCREMENT) continues above every
 * imported key, never below where it was.
 */
class CycleAndIdentityTest {

    @TempDir
    Path dir;

    private Path exportOf(Kind kind, int first, int count) {
        try (TestDatabase source = TestDatabase.create(kind)) {
            source.execute(CycleSchema.ddl(kind));
            source.execute(CycleSchema.rows(kind, first, count, "source"));
            Path archive = dir.resolve("cycle-" + kind + "-" + first + ".zip");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
            expectedSource = Databases.contents(source.dataSource(), CycleSchema.TABLES);
            return archive;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<List<Object>>> expectedSource;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void replaceLoadsACycleWithASelfReferenceIntoATargetThatHoldsAnotherCycle(Kind kind) throws Exception {
        Path archive = exportOf(kind, 1, 30);
        try (TestDatabase target = TestDatabase.create(kind)) {
            target.execute(CycleSchema.ddl(kind));
            target.execute(CycleSchema.rows(kind, 21, 30, "target"));

            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.replace());

            assertThat(Databases.differences(Databases.contents(target.dataSource(), CycleSchema.TABLES),
                    expectedSource)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void mergeOverwriteLoadsACycleAndKeepsTheTargetsOtherRows(Kind kind) throws Exception {
        Path archive = exportOf(kind, 1, 30);
        try (TestDatabase target = TestDatabase.create(kind)) {
            target.execute(CycleSchema.ddl(kind));
            target.execute(CycleSchema.rows(kind, 21, 30, "target"));
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), CycleSchema.TABLES);

            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.merge(ConflictPolicy.OVERWRITE));

            assertThat(Databases.differences(Databases.contents(target.dataSource(), CycleSchema.TABLES),
                    union(expectedSource, before))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void mergeSkipLoadsACycleAndKeepsExistingRowsAsTheyWere(Kind kind) throws Exception {
        Path archive = exportOf(kind, 1, 30);
        try (TestDatabase target = TestDatabase.create(kind)) {
            target.execute(CycleSchema.ddl(kind));
            target.execute(CycleSchema.rows(kind, 21, 30, "target"));
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), CycleSchema.TABLES);

            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.merge(ConflictPolicy.SKIP));

            assertThat(Databases.differences(Databases.contents(target.dataSource(), CycleSchema.TABLES),
                    union(before, expectedSource))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void afterAnImportNewRowsGetKeysAboveEveryImportedKeyAndNeverBelowTheGeneratorsPosition(Kind kind)
            throws Exception {
        Path archive = exportOf(kind, 101, 60); // keys 101..160, departments 101..112
        try (TestDatabase target = TestDatabase.create(kind)) {
            target.execute(CycleSchema.ddl(kind));
            target.execute(CycleSchema.advanceEmployeeKeysTo5000(kind));

            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.replace());

            DataSource ds = target.dataSource();
            long department = insertGenerated(ds, "INSERT INTO departments (name) VALUES ('new')", "departments");
            long employee = insertGenerated(ds, "INSERT INTO employees (name) VALUES ('new')", "employees");
            long note = insertGenerated(ds, "INSERT INTO notes (employee_id, body) VALUES (101, 'new')", "notes");
            assertThat(department).as("new department key").isGreaterThan(112);
            assertThat(employee).as("new employee key: the generator was at 5000 before the import")
                    .isGreaterThan(5000);
            assertThat(note).as("new note key").isGreaterThan(160);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void movingTheGeneratorsDoesNotCommitTheImportsTransaction(Kind kind) throws Exception {
        try (TestDatabase target = TestDatabase.create(kind)) {
            target.execute(CycleSchema.ddl(kind));
            JdbcStore store = JdbcStore.discover(target.dataSource());
            TableAdapter<JdbcUnitOfWork> departments = Stores.table(store, "departments");
            TableSchema schema = departments.schema();

            try (JdbcUnitOfWork work = store.begin(Access.WRITE)) {
                departments.insert(work, List.of(Row.of(schema, 700L, "uncommitted", null)));
                departments.afterImport(work);
                departments.advanceGenerators(work, List.of(new GeneratorPosition("departments", "id", true, 900)));
                work.rollback();
            }

            assertThat(Databases.contents(target.dataSource(), "departments", "id").get("departments")).isEmpty();
        }
    }

    /** Inserts a row without its key and returns the key the database generated. */
    private static long insertGenerated(DataSource ds, String insert, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(insert);
            try (ResultSet rs = s.executeQuery("SELECT MAX(id) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The rows of {@code first}, then those of {@code second} whose key {@code first} does not have, ordered by
     * key: what a MERGE makes of a target holding one and an archive holding the other.
     */
    private static Map<String, List<List<Object>>> union(Map<String, List<List<Object>>> first,
            Map<String, List<List<Object>>> second) {
        Map<String, List<List<Object>>> union = new LinkedHashMap<>();
        for (String table : first.keySet()) {
            Map<Object, List<Object>> byKey = new java.util.TreeMap<>();
            for (List<Object> row : second.get(table)) {
                byKey.put(key(row), row);
            }
            for (List<Object> row : first.get(table)) {
                byKey.put(key(row), row);
            }
            union.put(table, new ArrayList<>(byKey.values()));
        }
        return union;
    }

    /** The id of a rendered row ("ID=Long:7", any case), as a number. */
    private static Long key(List<Object> row) {
        String first = row.get(0).toString();
        return Long.parseLong(first.substring(first.lastIndexOf(':') + 1));
    }
}
