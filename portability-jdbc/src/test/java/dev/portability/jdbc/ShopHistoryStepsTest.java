package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.migration.TableMigration;
import org.junit.jupiter.api.Test;

/** The steps of {@link ShopHistory} on single rows, without a database: the unit tests docs/migrations.md shows. */
class ShopHistoryStepsTest {

    // tag::unit-test[]
    /** The customers table as version 2 archives declare it. */
    private static final TableSchema CUSTOMERS_V2 = TableSchema.builder("customers")
            .column("id", LogicalType.integer(), false)
            .column("name", LogicalType.text(200), false)
            .column("email", LogicalType.text(200), true)
            .column("fax", LogicalType.text(40), true)
            .column("status", LogicalType.text(16), false)
            .primaryKey("id")
            .build();

    @Test
    void version3SplitsTheNameAtTheLastSpaceAndDropsTheFax() {
        TableMigration customers = ShopHistory.V2_TO_V3.table(CUSTOMERS_V2);

        Row migrated = customers.apply(Row.of(CUSTOMERS_V2, 7L, "Grace Brewster Hopper", null, "+1 555", "vip"));

        assertThat(customers.result().columnNames())
                .containsExactly("id", "first_name", "last_name", "email", "status");
        assertThat(migrated.values()).containsExactly(7L, "Grace Brewster", "Hopper", null, "vip");
    }

    @Test
    void aSingleWordNameBecomesAFirstNameWithAnEmptyLastName() {
        Row migrated = ShopHistory.V2_TO_V3.table(CUSTOMERS_V2)
                .apply(Row.of(CUSTOMERS_V2, 8L, "Cher", null, null, "active"));

        assertThat(migrated.get("first_name")).isEqualTo("Cher");
        assertThat(migrated.get("last_name")).isEqualTo("");
    }
    // end::unit-test[]
}
