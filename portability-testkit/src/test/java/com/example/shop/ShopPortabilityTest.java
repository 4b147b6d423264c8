package com.example.shop;

import dev.portability.api.ErrorCode;
import dev.portability.api.ForeignKey;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.DataStore;
import dev.portability.core.Portability;
import dev.portability.testkit.ArchiveAssertions;
import dev.portability.testkit.ArchiveBuilder;
import dev.portability.testkit.BrokenArchive;
import dev.portability.testkit.DataGenerator;
import dev.portability.testkit.PortabilityExtension;
import dev.portability.testkit.Stores;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How a host tests its export and import with the testkit: the example of docs/testing.md. */
class ShopPortabilityTest {

    static final TableSchema CUSTOMERS = TableSchema.builder("customers")
            .column("id", LogicalType.integer(), false)
            .column("name", LogicalType.text(200), false)
            .column("email", LogicalType.text(), true)
            .primaryKey("id")
            .build();

    static final TableSchema ORDERS = TableSchema.builder("orders")
            .column("id", LogicalType.integer(), false)
            .column("customer_id", LogicalType.integer(), false)
            .column("total", LogicalType.decimal(12, 2), true)
            .primaryKey("id")
            .foreignKey(ForeignKey.of("customer_id", "customers", "id"))
            .build();

    /** A fresh store per test, filled with two rows; a real host passes its own store factory to forStores. */
    @RegisterExtension
    static PortabilityExtension shop = PortabilityExtension.inMemory(CUSTOMERS, ORDERS)
            .withApplication("shop")
            .withSchemaVersion(2)
            .withRows(Row.of(CUSTOMERS, 1L, "Ann", "ann@example.com"),
                    Row.of(ORDERS, 10L, 1L, new BigDecimal("9.99")));

    @Test
    void everyTableSurvivesAnExportAndAnImport() {
        shop.assertRoundTrip();
    }

    @Test
    void edgeValuesSurviveToo(DataStore<?> store) {
        Stores.insert(store, DataGenerator.seeded(42).rows(CUSTOMERS, 100).stream()
                .filter(row -> !row.get("id").equals(1L))
                .toList());

        shop.assertRoundTrip();
    }

    @ParameterizedTest
    @EnumSource(BrokenArchive.class)
    void damagedUploadsAreRefused(BrokenArchive damage, Portability portability, @TempDir Path dir) {
        Path valid = dir.resolve("valid.zip");
        portability.export(valid);

        Path broken = damage.applyTo(valid, dir.resolve("broken.zip"));

        ArchiveAssertions.assertRefused(portability, broken, damage.expectedCode());
    }

    @Test
    void anArchiveOfSchemaVersion1NeedsAMigration(Portability portability, @TempDir Path dir) {
        TableSchema customersV1 = TableSchema.builder("customers")
                .column("id", LogicalType.integer(), false)
                .column("first_name", LogicalType.text(), false)
                .column("last_name", LogicalType.text(), false)
                .primaryKey("id")
                .build();
        Path v1 = ArchiveBuilder.forApplication("shop").schemaVersion(1)
                .table(customersV1).row(1L, "Ann", "Smith").row(2L, "Bob", "Jones")
                .writeTo(dir.resolve("shop-v1.zip"));

        ArchiveAssertions.assertRefused(portability, v1, ErrorCode.MIGRATION_MISSING);
    }
}
