package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ExportResult;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.core.Portability;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2RoundTripTest {

    private static final String[] TABLES = {
        "customers", "id", "employees", "id", "products", "sku", "orders", "id",
        "order_lines", "order_id, line_no", "documents", "id"};

    @TempDir
    Path dir;

    private static Portability portability(DataSource dataSource) {
        return Portability.builder().application("shop").schemaVersion(1)
                .store(JdbcStore.discover(dataSource)).build();
    }

    private static DataSource shop(int firstId, int count) throws SQLException {
        DataSource dataSource = Databases.h2();
        ShopSchema.create(dataSource);
        if (count > 0) {
            ShopSchema.fill(dataSource, firstId, count, firstId);
        }
        return dataSource;
    }

    @Test
    void everyTableArrivesEqualColumnByColumnInAnEmptyDatabase() throws Exception {
        DataSource source = shop(1, 40);
        DataSource target = shop(0, 0);
        Path archive = dir.resolve("shop.zip");

        ExportResult exported = portability(source).export(archive);
        ImportResult imported = portability(target).importArchive(archive, ImportOptions.replace());

        assertThat(exported.verified()).isTrue();
        assertThat(exported.totalRows()).isEqualTo(40 * 7);
        assertThat(imported.inserted()).isEqualTo(40 * 7);
        assertThat(imported.countMismatches()).isEmpty();
        assertThat(Databases.contents(target, TABLES)).isEqualTo(Databases.contents(source, TABLES));
    }

    @Test
    void replaceMakesANonEmptyTargetEqualTheArchive() throws Exception {
        DataSource source = shop(1, 20);
        DataSource target = shop(15, 30); // overlapping and extra keys, other values
        Path archive = dir.resolve("shop.zip");
        portability(source).export(archive);

        ImportResult result = portability(target).importArchive(archive, ImportOptions.replace());

        assertThat(result.deleted()).isEqualTo(30 * 7);
        assertThat(Databases.contents(target, TABLES)).isEqualTo(Databases.contents(source, TABLES));
    }

    @Test
    void mergeWithSkipKeepsExistingRowsAndAddsNewOnes() throws Exception {
        DataSource source = shop(1, 20);
        DataSource target = shop(1, 20);
        int removed;
        try (Connection c = target.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE customers SET name = 'changed in target' WHERE id <= 5");
            removed = s.executeUpdate("DELETE FROM documents WHERE customer_id > 10");
        }
        assertThat(removed).isPositive();
        Map<String, List<List<Object>>> before = Databases.contents(target, "customers", "id");
        Path archive = dir.resolve("shop.zip");
        portability(source).export(archive);

        ImportResult result = portability(target).importArchive(archive, ImportOptions.merge(ConflictPolicy.SKIP));

        assertThat(Databases.contents(target, "customers", "id")).isEqualTo(before);
        assertThat(Databases.contents(target, "documents", "id")).isEqualTo(Databases.contents(source, "documents",
                "id"));
        assertThat(result.tables()).filteredOn(t -> t.table().equals("documents")).singleElement()
                .satisfies(t -> {
                    assertThat(t.inserted()).isEqualTo(removed);
                    assertThat(t.skipped()).isEqualTo(20 - removed);
                });
        assertThat(result.tables()).filteredOn(t -> t.table().equals("customers")).singleElement()
                .satisfies(t -> assertThat(t.skipped()).isEqualTo(20));
    }
}
