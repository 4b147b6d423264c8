package dev.portability.core;

import dev.portability.api.ForeignKey;
import dev.portability.api.LogicalType;
import dev.portability.api.TableSchema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A two-table host schema with a few rows, built in code. */
final class Fixtures {

    static final TableSchema CUSTOMERS = TableSchema.builder("customers")
            .column("id", LogicalType.integer(), false)
            .column("name", LogicalType.text(50), false)
            .column("balance", LogicalType.decimal(10, 2), true)
            .column("born", LogicalType.date(), true)
            .primaryKey("id")
            .build();

    static final TableSchema ORDERS = TableSchema.builder("orders")
            .column("id", LogicalType.integer(), false)
            .column("customer_id", LogicalType.integer(), false)
            .column("total", LogicalType.decimal(12, 2), false)
            .column("placed", LogicalType.timestampTz(), true)
            .primaryKey("id")
            .foreignKey(ForeignKey.of("customer_id", "customers", "id"))
            .build();

    private Fixtures() {
    }

    /** @return a store holding customers 1..n and one order per customer */
    static MemoryStore shop(int n) {
        MemoryStore store = new MemoryStore(CUSTOMERS, ORDERS);
        for (long id = 1; id <= n; id++) {
            store.put("customers", new Object[] {id, "Customer " + id, BigDecimal.valueOf(id * 100 + 5, 2), null});
            store.put("orders", new Object[] {id * 10, id, BigDecimal.valueOf(id, 1).setScale(2),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1))});
        }
        return store;
    }

    static Portability portability(MemoryStore store) {
        return Portability.builder().application("shop").schemaVersion(1).store(store).build();
    }
}
