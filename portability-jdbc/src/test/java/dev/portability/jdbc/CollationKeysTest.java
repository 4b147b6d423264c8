package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportConflictException;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.Key;
import dev.portability.api.Problem;
import dev.portability.api.TablePreview;
import dev.portability.api.ValidationReport;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys are equal as the target compares them, not as Java does: MariaDB's case-insensitive collations and
 * {@code PAD SPACE} (trailing blanks do not count, even under {@code utf8mb4_bin}), PostgreSQL's {@code char(n)} and
 * nondeterministic collations, H2's {@code VARCHAR_IGNORECASE}. A key equal to an existing one counts as existing
 * (preview, SKIP, OVERWRITE, FAIL); two archive keys equal to each other are refused before writing.
 */
class CollationKeysTest {

    @TempDir
    Path dir;

    /** An archive of table {@code item (id, v)} exported from a table whose key compares byte by byte. */
    private Path archive(Kind kind, String... ids) throws SQLException {
        try (TestDatabase source = TestDatabase.create(kind)) {
            String type = switch (kind) {
                case MARIADB -> "VARCHAR(10) COLLATE utf8mb4_nopad_bin";
                case POSTGRESQL, H2 -> "VARCHAR(10)";
            };
            source.execute("CREATE TABLE item (id " + type + " PRIMARY KEY, v INTEGER NOT NULL)");
            for (int i = 0; i < ids.length; i++) {
                source.execute("INSERT INTO item VALUES ('" + ids[i] + "', " + (i + 1) + ")");
            }
            Path archive = dir.resolve(kind + "-" + String.join("_", ids).replace(' ', '-') + ".zip");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
            return archive;
        }
    }

    /** The target's rows, as {@code [id]=v} in key order, the key's spelling kept. */
    private static List<String> rows(TestDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, v FROM item ORDER BY v, id")) {
            while (rs.next()) {
                rows.add("[" + rs.getString(1) + "]=" + rs.getInt(2));
            }
        }
        return rows;
    }

    private static TestDatabase target(Kind kind, String keyType, String... rows) {
        TestDatabase target = TestDatabase.create(kind);
        target.execute("CREATE TABLE item (id " + keyType + " PRIMARY KEY, v INTEGER NOT NULL)");
        for (String row : rows) {
            target.execute("INSERT INTO item VALUES " + row);
        }
        return target;
    }

    /** A pool of one connection: a second connection while one is open fails, as a full pool would time out. */
    private static final class PoolOfOne extends DelegatingDataSource {
        private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();

        PoolOfOne(javax.sql.DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (open.incrementAndGet() > 1) {
                open.decrementAndGet();
                throw new SQLException("the pool's only connection is in use");
            }
            Connection real = target.getConnection();
            java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Test
    void anImportThatComparesKeysByTheTargetsCollationNeedsOneConnection() throws Exception {
        Path archive = archive(Kind.MARIADB, "new", "x"); // v = 1, 2
        String ci = "VARCHAR(10) COLLATE utf8mb4_unicode_ci";
        try (TestDatabase target = target(Kind.MARIADB, ci, "('NEW', 100)", "('kept', 7)")) {
            Portability portability = Stores.portability(JdbcStore.discover(new PoolOfOne(target.dataSource())));

            portability.importArchive(archive, ImportOptions.merge(ConflictPolicy.OVERWRITE));

            assertThat(rows(target)).as("OVERWRITE takes the archive's values, its key's spelling included")
                    .containsExactly("[new]=1", "[x]=2", "[kept]=7");
        }
    }

    @Test
    void mariaDbTakesAKeyEqualUnderACaseInsensitiveCollationForTheExistingOne() throws Exception {
        Path archive = archive(Kind.MARIADB, "ABC", "new"); // v = 1, 2
        String ci = "VARCHAR(10) COLLATE utf8mb4_general_ci";
        try (TestDatabase target = target(Kind.MARIADB, ci, "('abc', 100)")) {
            Portability portability = Stores.portability(JdbcStore.discover(target.dataSource()));

            TablePreview preview = portability.preview(archive, ImportOptions.merge(ConflictPolicy.SKIP)).tables()
                    .get(0);
            assertThat(preview.conflicts()).isEqualTo(1);
            assertThat(preview.newRows()).isEqualTo(1);
            assertThat(preview.sampleConflictKeys()).containsExactly(Key.of("ABC"));
            assertThat(preview.rowsReplaceWouldDelete()).isZero();

            assertThatThrownBy(() -> portability.importArchive(archive, ImportOptions.merge(ConflictPolicy.FAIL)))
                    .isInstanceOfSatisfying(ImportConflictException.class,
                            e -> assertThat(e.conflicts()).containsEntry("item", List.of(Key.of("ABC"))));
            assertThat(portability.validate(archive, ImportOptions.merge(ConflictPolicy.FAIL)).problems())
                    .extracting(Problem::code).containsExactly(ErrorCode.CONFLICTS);

            portability.importArchive(archive, ImportOptions.merge(ConflictPolicy.SKIP));
            assertThat(rows(target)).containsExactly("[new]=2", "[abc]=100");

            portability.importArchive(archive, ImportOptions.merge(ConflictPolicy.OVERWRITE));
            assertThat(rows(target)).as("the archive's row, the key's spelling included")
                    .containsExactly("[ABC]=1", "[new]=2");
        }
    }

    @Test
    void mariaDbOverwriteTakesTheArchivesSpellingOfAKeyOtherRowsReference() throws Exception {
        Path archive = archive(Kind.MARIADB, "ABC");
        String ci = "VARCHAR(10) COLLATE utf8mb4_general_ci";
        try (TestDatabase target = target(Kind.MARIADB, ci, "('abc', 100)")) {
            target.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, item_id " + ci + " NOT NULL, "
                    + "FOREIGN KEY (item_id) REFERENCES item(id) ON UPDATE CASCADE)", "INSERT INTO note VALUES (1, 'abc')");

            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.merge(ConflictPolicy.OVERWRITE).withTables("item"));

            assertThat(rows(target)).containsExactly("[ABC]=1");
            try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT item_id FROM note")) {
                rs.next();
                assertThat(rs.getString(1)).as("the table outside the import is left as it was").isEqualTo("abc");
            }
        }
    }

    @Test
    void mariaDbIgnoresTrailingBlanksOfKeysUnderPadSpaceEvenWithABinaryCollation() throws Exception {
        Path archive = archive(Kind.MARIADB, "abc ", "x");
        try (TestDatabase target = target(Kind.MARIADB, "VARCHAR(10) COLLATE utf8mb4_bin", "('abc', 100)")) {
            Portability portability = Stores.portability(JdbcStore.discover(target.dataSource()));

            assertThat(portability.preview(archive, ImportOptions.merge(ConflictPolicy.SKIP)).conflicts())
                    .isEqualTo(1);
            portability.importArchive(archive, ImportOptions.merge(ConflictPolicy.OVERWRITE));

            assertThat(rows(target)).containsExactly("[abc ]=1", "[x]=2");
        }
    }

    @Test
    void mariaDbRefusesTwoArchiveKeysItTakesForOneBeforeWritingAndNamesBothRows() throws Exception {
        Path archive = archive(Kind.MARIADB, "a", "Straße", "x", "STRASSE", "y"); // exported in key order:
        // STRASSE, Straße, a, x, y
        String ci = "VARCHAR(10) COLLATE utf8mb4_unicode_ci"; // ß = ss, case-insensitive
        try (TestDatabase target = target(Kind.MARIADB, ci, "('kept', 100)")) {
            Portability portability = Stores.portability(JdbcStore.discover(target.dataSource()));

            ValidationReport report = portability.validate(archive);
            assertThat(report.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.code()).isEqualTo(ErrorCode.DUPLICATE_KEY);
                assertThat(problem.table()).isEqualTo("item");
                assertThat(problem.line()).isEqualTo(2L);
                assertThat(problem.message()).contains("primary key Straße and the key of row 1");
            });
            // batches of one row: in one pass the second key is compared before its row could be taken for an
            // existing one (and skipped) under MERGE
            for (ImportOptions options : List.of(ImportOptions.replace(), ImportOptions.merge(ConflictPolicy.SKIP),
                    ImportOptions.merge(ConflictPolicy.SKIP).withBatchSize(1),
                    ImportOptions.merge(ConflictPolicy.OVERWRITE).withBatchSize(1))) {
                assertThatThrownBy(() -> portability.importArchive(archive, options))
                        .isInstanceOfSatisfying(InvalidArchiveException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_KEY))
                        .hasMessageContaining("row 2").hasMessageContaining("row 1");
                assertThatThrownBy(() -> portability.preview(archive, options))
                        .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("row 1");
            }

            assertThat(rows(target)).containsExactly("[kept]=100");
        }
        try (TestDatabase binary = target(Kind.MARIADB, "VARCHAR(10) COLLATE utf8mb4_nopad_bin")) {
            assertThat(Stores.portability(JdbcStore.discover(binary.dataSource())).validate(archive).valid())
                    .as("a binary collation tells the keys apart").isTrue();
        }
    }

    @Test
    void postgresqlCharKeysIgnoreTrailingBlanks() throws Exception {
        Path archive = archive(Kind.POSTGRESQL, "ab", "cd");
        try (TestDatabase target = target(Kind.POSTGRESQL, "char(5)", "('ab   ', 100)")) {
            Portability portability = Stores.portability(JdbcStore.discover(target.dataSource()));

            assertThat(portability.preview(archive, ImportOptions.merge(ConflictPolicy.SKIP)).conflicts())
                    .isEqualTo(1);
            portability.importArchive(archive, ImportOptions.merge(ConflictPolicy.SKIP));

            assertThat(rows(target)).containsExactly("[cd   ]=2", "[ab   ]=100");
        }
        Path twice = archive(Kind.POSTGRESQL, "ab", "ab ");
        try (TestDatabase target = target(Kind.POSTGRESQL, "char(5)")) {
            assertThat(Stores.portability(JdbcStore.discover(target.dataSource())).validate(twice).problems())
                    .extracting(Problem::code, Problem::line).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ErrorCode.DUPLICATE_KEY, 2L));
        }
    }

    @Test
    void postgresqlComparesKeysOfANondeterministicCollationInTheDatabase() throws Exception {
        Path archive = archive(Kind.POSTGRESQL, "ABC", "new");
        try (TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            target.execute("CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', "
                    + "deterministic = false)",
                    "CREATE TABLE item (id VARCHAR(10) COLLATE case_insensitive PRIMARY KEY, v INTEGER NOT NULL)",
                    "INSERT INTO item VALUES ('abc', 100)");
            Portability portability = Stores.portability(JdbcStore.discover(target.dataSource()));

            ImportPreview preview = portability.preview(archive, ImportOptions.merge(ConflictPolicy.OVERWRITE));
            assertThat(preview.conflicts()).isEqualTo(1);
            portability.importArchive(archive, ImportOptions.merge(ConflictPolicy.OVERWRITE));

            assertThat(rows(target)).containsExactly("[ABC]=1", "[new]=2");
        }
    }

    @Test
    void h2VarcharIgnoreCaseKeysCompareWithoutCase() throws Exception {
        Path archive = archive(Kind.H2, "ABC", "new");
        try (TestDatabase target = target(Kind.H2, "VARCHAR_IGNORECASE(10)", "('abc', 100)")) {
            Portability portability = Stores.portability(JdbcStore.discover(target.dataSource()));

            assertThat(portability.preview(archive, ImportOptions.merge(ConflictPolicy.SKIP)).conflicts())
                    .isEqualTo(1);
            portability.importArchive(archive, ImportOptions.merge(ConflictPolicy.OVERWRITE));

            assertThat(rows(target)).containsExactly("[ABC]=1", "[new]=2");
        }
        Path twice = archive(Kind.H2, "abc", "x", "ABC"); // exported in key order: ABC, abc, x
        try (TestDatabase target = target(Kind.H2, "VARCHAR_IGNORECASE(10)")) {
            assertThat(Stores.portability(JdbcStore.discover(target.dataSource())).validate(twice).problems())
                    .extracting(Problem::code, Problem::line, p -> p.message().contains("row 1")).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ErrorCode.DUPLICATE_KEY, 2L, true));
        }
    }
}
