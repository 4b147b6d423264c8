package dev.portability.testkit;

import dev.portability.api.ForeignKey;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A small host schema for the testkit's own tests: customers, their orders, and an unkeyed event log. */
final class Shop {

    static final TableSchema CUSTOMERS = TableSchema.builder("customers")
            .column("id", LogicalType.integer(), false)
            .column("name", LogicalType.text(100), false)
            .column("email", LogicalType.text(), true)
            .column("balance", LogicalType.decimal(12, 2), true)
            .column("joined", LogicalType.timestampTz(), true)
            .primaryKey("id")
            .build();

    static final TableSchema ORDERS = TableSchema.builder("orders")
            .column("id", LogicalType.integer(), false)
            .column("customer_id", LogicalType.integer(), false)
            .column("placed", LogicalType.date(), false)
            .column("total", LogicalType.decimal(12, 2), true)
            .primaryKey("id")
            .foreignKey(ForeignKey.of("customer_id", "customers", "id"))
            .build();

    static final TableSchema EVENTS = TableSchema.builder("events")
            .column("message", LogicalType.text(), false)
            .column("level", LogicalType.integer(), true)
            .build();

    private Shop() {
    }

    static InMemoryStore emptyStore() {
        return InMemoryStore.of(CUSTOMERS, ORDERS, EVENTS);
    }

    static InMemoryStore filledStore() {
        InMemoryStore store = emptyStore();
        Stores.insert(store, rows());
        return store;
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(CUSTOMERS, 1L, "Ann", "ann@example.com", new BigDecimal("10.50"),
                OffsetDateTime.of(2024, 3, 31, 1, 59, 59, 0, ZoneOffset.ofHours(1))));
        rows.add(Row.of(CUSTOMERS, 2L, "Bob", null, null, null));
        rows.add(Row.of(CUSTOMERS, 3L, "Zoë 🌍", "", new BigDecimal("-0.01"), null));
        rows.add(Row.of(ORDERS, 10L, 1L, LocalDate.of(2024, 2, 29), new BigDecimal("99.99")));
        rows.add(Row.of(ORDERS, 11L, 3L, LocalDate.of(2024, 3, 1), null));
        rows.add(Row.of(EVENTS, "started", 1L));
        rows.add(Row.of(EVENTS, "started", 1L));
        return rows;
    }
}
