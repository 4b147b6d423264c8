package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportRefusedException;
import dev.portability.api.Problem;
import dev.portability.api.StoreException;
import dev.portability.api.TablePreview;
import dev.portability.api.ValidationReport;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An import into a table that cannot roll back (MariaDB MyISAM, Aria, MEMORY; an H2 linked table) is refused
 * before anything is written, unless the host allows a non-atomic import; validation against the target and
 * preview say so. The failure this prevents: a REPLACE whose MyISAM parent was emptied and whose InnoDB child then
 * failed a CHECK constraint rolled back the child only, and the target's parent rows were lost.
 */
class NonTransactionalTablesTest {

    private static final String[] TABLES = {"parent", "id", "child", "id"};

    @TempDir
    Path dir;

    private static Portability portability(DataSource dataSource) {
        return Portability.builder().application("engines").store(JdbcStore.discover(dataSource)).build();
    }

    private static void schema(TestDatabase db, String engine, boolean check) {
        db.execute("CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(20)) ENGINE=" + engine,
                "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, amount INT" + (check
                        ? ", CONSTRAINT amount_not_negative CHECK (amount >= 0)" : "") + ") ENGINE=InnoDB");
    }

    /** An archive whose child row 2 breaks the target's CHECK constraint (the source has none). */
    private Path archive(String engine) {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB)) {
            schema(source, engine, false);
            source.execute("INSERT INTO parent VALUES (1, 'new 1'), (2, 'new 2')",
                    "INSERT INTO child VALUES (1, 1, 10), (2, 2, -5)");
            Path archive = dir.resolve(engine + ".zip");
            portability(source.dataSource()).export(archive);
            return archive;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyISAM", "Aria", "MEMORY"})
    void anImportIntoATableThatCannotRollBackIsRefusedBeforeWriting(String engine) throws Exception {
        Path archive = archive(engine);
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            schema(target, engine, true);
            target.execute("INSERT INTO parent VALUES (1, 'mine'), (7, 'only here')", "INSERT INTO child VALUES "
                    + "(1, 1, 3)");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), TABLES);
            Portability portability = portability(target.dataSource());

            ValidationReport report = portability.validate(archive);
            ImportPreview preview = portability.preview(archive, ImportOptions.replace());
            assertThatThrownBy(() -> portability.importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NON_TRANSACTIONAL_TABLE);
                        assertThat(e.getMessage()).contains("table parent", "the " + engine + " engine",
                                "cannot roll back", "--allow-non-atomic");
                    });

            assertThat(Databases.contents(target.dataSource(), TABLES)).isEqualTo(before);
            assertThat(report.problems()).extracting(Problem::code, Problem::table)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.NON_TRANSACTIONAL_TABLE,
                            "parent"));
            assertThat(preview.tables()).extracting(TablePreview::table, TablePreview::nonTransactionalEngine)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("parent", "the " + engine + " engine"),
                            org.assertj.core.groups.Tuple.tuple("child", null));
            assertThat(preview.refusals()).extracting(Problem::code).containsExactly(
                    ErrorCode.NON_TRANSACTIONAL_TABLE);
        }
    }

    @Test
    void whenTheHostAllowsIt_theImportRunsAndAFailureRollsBackOnlyTheTransactionalTables() throws Exception {
        Path archive = archive("MyISAM");
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            schema(target, "MyISAM", true);
            target.execute("INSERT INTO parent VALUES (1, 'mine')", "INSERT INTO child VALUES (1, 1, 3)");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), TABLES);
            ImportOptions options = ImportOptions.replace().withNonAtomicImportAllowed(true);

            ImportPreview preview = portability(target.dataSource()).preview(archive, options);
            assertThatThrownBy(() -> portability(target.dataSource()).importArchive(archive, options))
                    .isInstanceOf(StoreException.class).hasMessageContaining("table child");

            assertThat(preview.refusals()).isEmpty();
            Map<String, List<List<Object>>> after = Databases.contents(target.dataSource(), TABLES);
            assertThat(after.get("child")).isEqualTo(before.get("child"));
            // what the host accepted: the MyISAM table keeps what the failed import did to it (REPLACE emptied it
            // before the child's row failed its CHECK constraint): the target's own row is lost
            assertThat(after.get("parent")).isEmpty();
        }
    }

    @Test
    void anH2LinkedTableCannotRollBackEither() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.H2);
                TestDatabase remote = TestDatabase.create(Kind.H2);
                TestDatabase target = TestDatabase.create(Kind.H2)) {
            source.execute("CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO parent VALUES (1, 'new')");
            Path archive = dir.resolve("h2.zip");
            portability(source.dataSource()).export(archive);
            remote.execute("CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO parent VALUES (5, 'remote')");
            target.execute("CREATE LINKED TABLE parent ('org.h2.Driver', '" + remote.url() + "', 'sa', '', "
                    + "'PARENT')");

            assertThatThrownBy(() -> portability(target.dataSource()).importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.getMessage())
                            .contains("table parent", "an H2 linked table"));
            assertThat(Databases.contents(remote.dataSource(), "parent", "id").get("parent"))
                    .containsExactly(List.of("ID=Integer:5", "NAME=String:remote"));
        }
    }
}
