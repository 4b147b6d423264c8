package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.TablePreview;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL {@code INHERITS} children are tables of their own: every statement on a parent names it with
 * {@code ONLY}, so a child's rows are exported, counted, replaced and looked up with the child alone. Partitioned
 * tables keep working through their parent.
 */
class PostgresInheritanceTest {

    private static final String DDL = "CREATE TABLE item (id INT PRIMARY KEY, name TEXT);"
            + "CREATE TABLE special_item (extra INT) INHERITS (item);"
            + "ALTER TABLE special_item ADD PRIMARY KEY (id);"
            + "CREATE TABLE measure (id INT, taken DATE, PRIMARY KEY (id, taken)) PARTITION BY RANGE (taken);"
            + "CREATE TABLE measure_2024 PARTITION OF measure FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
            + "CREATE TABLE measure_2025 PARTITION OF measure FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')";

    private static final String[] TABLES = {"ONLY item", "id", "special_item", "id", "measure", "id"};

    @TempDir
    Path dir;

    private static Portability portability(DataSource dataSource) {
        return Portability.builder().application("items").store(JdbcStore.discover(dataSource)).build();
    }

    @Test
    void childrenAndParentsKeepTheirOwnRows() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            source.execute(DDL, "INSERT INTO item VALUES (1, 'a'), (2, 'b'), (3, 'c')",
                    "INSERT INTO special_item VALUES (4, 'd', 40), (5, 'e', 50)",
                    "INSERT INTO measure VALUES (1, '2024-05-01'), (2, '2025-05-01')");
            Path archive = dir.resolve("items.zip");
            var export = portability(source.dataSource()).export(archive);
            assertThat(export.tables()).extracting(t -> t.name() + " " + t.rows())
                    .containsExactlyInAnyOrder("item 3", "special_item 2", "measure 2");
            target.execute(DDL, "INSERT INTO item VALUES (1, 'old'), (9, 'gone')",
                    "INSERT INTO special_item VALUES (4, 'old', 0), (8, 'other', 80)",
                    "INSERT INTO measure VALUES (7, '2024-02-02')");
            Map<String, List<List<Object>>> expected = Databases.contents(source.dataSource(), TABLES);

            ImportPreview preview = portability(target.dataSource()).preview(archive, ImportOptions.replace());
            portability(target.dataSource()).importArchive(archive, ImportOptions.replace());

            assertThat(Databases.differences(Databases.contents(target.dataSource(), TABLES), expected)).isEmpty();
            assertThat(preview.tables()).extracting(t -> t.table() + " " + t.targetRows() + " "
                    + t.conflicts() + " " + t.rowsReplaceWouldDelete())
                    .containsExactlyInAnyOrder("item 2 1 1", "special_item 2 1 1", "measure 1 0 1");
        }
    }

    @Test
    void replacingTheParentLeavesTheChildAlone() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            source.execute(DDL, "INSERT INTO item VALUES (1, 'a')", "INSERT INTO special_item VALUES (4, 'd', 40)");
            Path archive = dir.resolve("items.zip");
            portability(source.dataSource()).export(archive);
            target.execute(DDL, "INSERT INTO item VALUES (2, 'old')",
                    "INSERT INTO special_item VALUES (1, 'same key as a parent row', 10), (5, 'kept', 50)");
            Map<String, List<List<Object>>> expected = Databases.contents(target.dataSource(), TABLES);
            expected.put("ONLY item", Databases.contents(source.dataSource(), TABLES).get("ONLY item"));

            ImportPreview preview = portability(target.dataSource()).preview(archive,
                    ImportOptions.merge(dev.portability.api.ConflictPolicy.FAIL).withTables("item"));
            portability(target.dataSource()).importArchive(archive, ImportOptions.replace().withTables("item"));

            // the child's row with key 1 is not a conflict of the parent's: look-ups use ONLY too
            assertThat(preview.tables()).extracting(TablePreview::conflicts).containsExactly(0L);
            assertThat(Databases.differences(Databases.contents(target.dataSource(), TABLES), expected)).isEmpty();
        }
    }
}
