package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ImportOptions;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive moves between databases: a schema of portable types ({@link PortableSchema}) exported from
 * PostgreSQL imports into MariaDB and H2, and one exported from MariaDB imports into PostgreSQL; each target then
 * reports the same logical schema and holds the same values.
 */
class CrossDatabaseTest {

    private static final int ACCOUNTS = 150;

    @TempDir
    Path dir;

    @Test
    void anExportFromPostgresqlImportsIntoMariaDbAndH2WithEqualContents() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL)) {
            Path archive = exportFilled(source);
            JdbcStore sourceStore = JdbcAdapters.discover(source.dataSource());
            for (Kind kind : List.of(Kind.MARIADB, Kind.H2)) {
                try (TestDatabase target = TestDatabase.create(kind)) {
                    assertImportsEqual(archive, sourceStore, target);
                }
            }
        }
    }

    @Test
    void anExportFromMariaDbImportsIntoPostgresqlWithEqualContents() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            Path archive = exportFilled(source);
            assertImportsEqual(archive, JdbcAdapters.discover(source.dataSource()), target);
        }
    }

    private Path exportFilled(TestDatabase source) throws Exception {
        source.execute(PortableSchema.ddl(source.kind()));
        PortableSchema.fill(source.kind(), source.dataSource(), ACCOUNTS);
        Path archive = dir.resolve(source.kind() + ".zip");
        Stores.portability(JdbcAdapters.discover(source.dataSource())).export(archive);
        return archive;
    }

    private static void assertImportsEqual(Path archive, JdbcStore sourceStore, TestDatabase target) {
        target.execute(PortableSchema.ddl(target.kind()));
        JdbcStore targetStore = JdbcAdapters.discover(target.dataSource());

        Stores.portability(targetStore).importArchive(archive, ImportOptions.replace());

        for (String table : List.of("accounts", "entries")) {
            TableSchema schema = Stores.table(sourceStore, table).schema();
            assertThat(Stores.table(targetStore, table).schema()).as("%s on %s", table, target.kind())
                    .usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*nativeType").isEqualTo(schema);
            List<Object[]> expected = new ArrayList<>();
            for (Row row : Stores.rows(sourceStore, table)) {
                expected.add(row.values());
            }
            assertThat(expected).hasSize(table.equals("accounts") ? ACCOUNTS : 3 * ACCOUNTS);
            assertThat(Stores.differences(schema, Stores.rows(targetStore, table), expected))
                    .as("%s imported into %s", table, target.kind()).isEmpty();
        }
    }
}
