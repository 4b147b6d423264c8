package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.PortabilityException;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values one side cannot represent are typed errors that name table, column and row, and change nothing: a value
 * the target database cannot hold fails the import, a stored value that has no logical value fails the export.
 */
class ValueErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aNotANumberThatMariaDbCannotStoreFailsTheImportAndLeavesTheTargetAsItWas() throws Exception {
        Path archive = dir.resolve("nan.zip");
        try (TestDatabase source = TestDatabase.create(Kind.H2)) {
            source.execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, reading DOUBLE PRECISION)",
                    "INSERT INTO readings VALUES (1, 1.5), (2, CAST('NaN' AS DOUBLE PRECISION)), (3, 2.5)");
            Stores.portability(JdbcAdapters.discover(source.dataSource())).export(archive);
        }
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, reading DOUBLE)",
                    "INSERT INTO readings VALUES (7, 7.5)");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), "readings", "id");

            assertThatThrownBy(() -> Stores.portability(JdbcAdapters.discover(target.dataSource()))
                    .importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(PortabilityException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                    .hasMessageContaining("table readings, row 2, column reading")
                    .hasMessageContaining("key 2: the DOUBLE NaN cannot be stored")
                    .hasMessageContaining("Nothing was imported");

            assertThat(Databases.contents(target.dataSource(), "readings", "id")).isEqualTo(before);
        }
    }

    @Test
    void aPostgresqlNumericNotANumberFailsTheExportNamingTableColumnAndKey() {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            db.execute("CREATE TABLE prices (id integer PRIMARY KEY, price numeric)",
                    "INSERT INTO prices VALUES (1, 9.99), (2, 'NaN')");
            Path archive = dir.resolve("prices.zip");

            assertThatThrownBy(() -> Stores.portability(JdbcAdapters.discover(db.dataSource())).export(archive))
                    .isInstanceOfSatisfying(PortabilityException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                    .hasMessageContaining("table prices, column price, row with key 2")
                    .hasMessageContaining("numeric NaN cannot be carried")
                    .hasMessageContaining("skipColumn(\"prices\", \"price\")");
            assertThat(Files.exists(archive)).as("an archive left behind").isFalse();
        }
    }
}
