package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.api.Key;
import dev.portability.api.TablePreview;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MERGE finds exactly the archive's keys that the target holds, whether it looks a batch's keys up one by one or,
 * for dense ascending integer keys, by their range: keys of the target inside that range but not in the archive are
 * neither conflicts nor touched.
 */
class MergeKeyLookupTest {

    @TempDir
    Path dir;

    /** An archive of {@code item (id, v)} with {@code v = 10 * id}. */
    private Path archive(Kind kind, List<Long> ids) throws SQLException {
        try (TestDatabase source = TestDatabase.create(kind)) {
            source.execute("CREATE TABLE item (id BIGINT PRIMARY KEY, v INTEGER NOT NULL)");
            StringJoiner values = new StringJoiner(", ", "INSERT INTO item VALUES ", "");
            ids.forEach(id -> values.add("(" + id + ", " + 10 * id + ")"));
            source.execute(values.toString());
            Path archive = dir.resolve(kind + "-" + ids.size() + "-" + ids.get(ids.size() - 1) + ".zip");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
            return archive;
        }
    }

    private static List<String> rows(TestDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, v FROM item ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + "=" + rs.getInt(2));
            }
        }
        return rows;
    }

    private static List<Long> otherIds(TestDatabase db) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM other ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static TestDatabase target(Kind kind) {
        TestDatabase target = TestDatabase.create(kind);
        // 5 and 100 are not in the archives; 3 and 7 are, with other values
        target.execute("CREATE TABLE item (id BIGINT PRIMARY KEY, v INTEGER NOT NULL)",
                "INSERT INTO item VALUES (3, -3), (5, -5), (7, -7), (100, -100)",
                "CREATE TABLE other (id INTEGER PRIMARY KEY)", "INSERT INTO other VALUES (1)");
        return target;
    }

    /** Keys 1 to 12 without 5: dense and ascending, so a batch is looked up by its range. */
    private static final List<Long> DENSE = List.of(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);

    /** Keys too far apart for a range: looked up one by one. */
    private static final List<Long> SPARSE = List.of(1L, 3L, 7L, 40L, 1_000L, 90_000L);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void skipKeepsTheTargetsRowsForTheArchivesKeysAndOnlyThose(Kind kind) throws Exception {
        for (List<Long> ids : List.of(DENSE, SPARSE)) {
            Path archive = archive(kind, ids);
            try (TestDatabase target = target(kind)) {
                Portability portability = Stores.portability(JdbcStore.configure(target.dataSource())
                        .include("item").discover());

                TablePreview preview = portability.preview(archive, ImportOptions.merge(ConflictPolicy.SKIP))
                        .tables().get(0);
                assertThat(preview.conflicts()).as("%s", ids).isEqualTo(2);
                assertThat(preview.sampleConflictKeys()).containsExactly(Key.of(3L), Key.of(7L));
                ImportResult result = portability.importArchive(archive,
                        ImportOptions.merge(ConflictPolicy.SKIP).withBatchSize(4));

                assertThat(result.inserted()).isEqualTo(ids.size() - 2);
                assertThat(result.skipped()).isEqualTo(2);
                List<String> expected = new ArrayList<>();
                for (long id : ids) {
                    if (id != 3 && id != 7) {
                        expected.add(id + "=" + 10 * id);
                    }
                }
                expected.addAll(List.of("3=-3", "5=-5", "7=-7", "100=-100"));
                expected.sort((a, b) -> Long.compare(Long.parseLong(a.split("=")[0]), Long.parseLong(b.split("=")[0])));
                assertThat(rows(target)).as("%s", ids).containsExactlyElementsOf(expected);
                assertThat(otherIds(target)).as("the table outside the import").containsExactly(1L);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void overwriteUpdatesTheArchivesKeysAndLeavesTheOthersInTheirRange(Kind kind) throws Exception {
        Path archive = archive(kind, DENSE);
        try (TestDatabase target = target(kind)) {
            Portability portability = Stores.portability(JdbcStore.configure(target.dataSource())
                    .include("item").discover());

            ImportResult result = portability.importArchive(archive,
                    ImportOptions.merge(ConflictPolicy.OVERWRITE).withBatchSize(4));

            assertThat(result.updated()).isEqualTo(2);
            assertThat(result.inserted()).isEqualTo(DENSE.size() - 2);
            assertThat(rows(target)).containsExactly("1=10", "2=20", "3=30", "4=40", "5=-5", "6=60", "7=70", "8=80",
                    "9=90", "10=100", "11=110", "12=120", "100=-100");
        }
    }
}
