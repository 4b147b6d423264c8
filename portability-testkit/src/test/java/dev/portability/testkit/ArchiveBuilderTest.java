package dev.portability.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ArchiveInfo;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.core.Portability;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveBuilderTest {

    private static final TableSchema CUSTOMERS_V2 = TableSchema.builder("customers")
            .column("id", LogicalType.integer(), false)
            .column("full_name", LogicalType.text(), false)
            .primaryKey("id")
            .build();

    @TempDir
    Path dir;

    @Test
    void writesTheApplicationSchemaVersionTablesAndRowsDeclaredInCode() {
        Path archive = ArchiveBuilder.forApplication("shop").schemaVersion(2)
                .table(CUSTOMERS_V2).row(1L, "Ann Smith").row(2L, "Bob Jones")
                .writeTo(dir.resolve("shop-v2.zip"));
        InMemoryStore target = InMemoryStore.of(CUSTOMERS_V2);
        Portability v2 = Portability.builder().application("shop").schemaVersion(2).store(target).build();

        ArchiveInfo info = v2.inspect(archive);
        v2.importArchive(archive, ImportOptions.replace());

        assertThat(info.application()).isEqualTo("shop");
        assertThat(info.schemaVersion()).isEqualTo(2);
        assertThat(info.tables()).singleElement().satisfies(t -> {
            assertThat(t.schema()).isEqualTo(CUSTOMERS_V2);
            assertThat(t.rows()).isEqualTo(2);
        });
        assertThat(Stores.rows(target, "customers")).containsExactly(Row.of(CUSTOMERS_V2, 1L, "Ann Smith"),
                Row.of(CUSTOMERS_V2, 2L, "Bob Jones"));
    }

    @Test
    void anArchiveOfAnOlderVersionNeedsMigrationsAndOneOfANewerVersionIsRefused() {
        Path archive = ArchiveBuilder.forApplication("shop").schemaVersion(2)
                .table(CUSTOMERS_V2).row(1L, "Ann Smith")
                .writeTo(dir.resolve("shop-v2.zip"));

        ArchiveAssertions.assertRefused(Portability.builder().application("shop").schemaVersion(3)
                .store(InMemoryStore.of(CUSTOMERS_V2)).build(), archive, ErrorCode.MIGRATION_MISSING);
        ArchiveAssertions.assertRefused(Portability.builder().application("shop").schemaVersion(1)
                .store(InMemoryStore.of(CUSTOMERS_V2)).build(), archive, ErrorCode.ARCHIVE_TOO_NEW);
    }

    @Test
    void generatedRowsOfEveryTableGoIntoTheirTables() {
        Path archive = ArchiveBuilder.forApplication("shop")
                .rows(DataGenerator.seeded(7).rows(Shop.CUSTOMERS, 50))
                .rows(DataGenerator.seeded(8).rows(Shop.EVENTS, 5))
                .writeTo(dir.resolve("generated.zip"));

        ArchiveInfo info = Portability.builder().application("shop").store(Shop.emptyStore()).build()
                .inspect(archive);

        assertThat(info.table("customers").orElseThrow().rows()).isEqualTo(50);
        assertThat(info.table("events").orElseThrow().rows()).isEqualTo(5);
    }

    @Test
    void aValueThatDoesNotFitItsColumnIsRefusedNamingTheColumn() {
        ArchiveBuilder builder = ArchiveBuilder.forApplication("shop").table(Shop.CUSTOMERS)
                .row(1L, "Ann", null, new BigDecimal("1.234"), null);

        assertThatThrownBy(() -> builder.writeTo(dir.resolve("bad.zip")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table customers")
                .hasMessageContaining("column balance");
    }

    @Test
    void rowsBeforeAnyTableAreAMistake() {
        assertThatThrownBy(() -> ArchiveBuilder.forApplication("shop").row(1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("add a table");
    }
}
