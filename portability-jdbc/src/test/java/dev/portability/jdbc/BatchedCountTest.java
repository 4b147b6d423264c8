package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.api.TableImportResult;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts of many tables, taken a few hundred tables per query, belong to the right tables: an import of more
 * tables than one query counts reports each table's rows before and after.
 */
class BatchedCountTest {

    private static final int TABLES = 300;

    @TempDir
    Path dir;

    private static String name(int i) {
        return String.format("k%03d", i);
    }

    /** Table {@code i} holds {@code i % 7} rows, or {@code (i % 5) + 1} in the target before the import. */
    private static void tables(TestDatabase db, boolean source) {
        List<String> sql = new ArrayList<>();
        for (int i = 1; i <= TABLES; i++) {
            sql.add("CREATE TABLE " + name(i) + " (id INT PRIMARY KEY)");
            int rows = source ? i % 7 : i % 5 + 1;
            if (rows > 0) {
                sql.add("INSERT INTO " + name(i) + " SELECT X FROM SYSTEM_RANGE(1, " + rows + ")");
            }
        }
        db.execute(sql.toArray(String[]::new));
    }

    @Test
    void eachTableOfManyIsCountedAsItself() {
        Path archive = dir.resolve("many.zip");
        try (TestDatabase source = TestDatabase.create(Kind.H2); TestDatabase target = TestDatabase.create(Kind.H2)) {
            tables(source, true);
            tables(target, false);
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);

            ImportResult result = Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.replace());

            Map<String, String> expected = new LinkedHashMap<>();
            Map<String, String> actual = new LinkedHashMap<>();
            for (int i = 1; i <= TABLES; i++) {
                expected.put(name(i), "deleted " + (i % 5 + 1) + ", holds " + i % 7);
            }
            for (TableImportResult table : result.tables()) {
                actual.put(table.table(), "deleted " + table.deleted() + ", holds " + table.actualRows());
            }
            assertThat(actual).isEqualTo(expected);
        }
    }
}
