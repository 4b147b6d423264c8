package dev.portability.jdbc;

import dev.portability.api.Column;
import dev.portability.api.LogicalType;
import dev.portability.api.migration.Migration;
import dev.portability.core.Portability;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The example of docs/migrations.md: a shop whose data schema went through three versions, and the two migration
 * steps that carry its archives forward. The doc includes the tagged regions of this file verbatim
 * ({@code MigrationsDocTest} checks that it still does).
 */
final class ShopHistory {

    // tag::schemas[]
    /** Version 1: clients and their orders. */
    static final String[] V1 = {
        "CREATE TABLE clients (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL, email VARCHAR(200), "
                + "fax VARCHAR(40))",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, client_id BIGINT NOT NULL REFERENCES clients(id), "
                + "total DECIMAL(12,2) NOT NULL, placed_at TIMESTAMP NOT NULL)"
    };

    /** Version 2: clients became customers, who now have a status; orders.client_id became customer_id. */
    static final String[] V2 = {
        "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL, email VARCHAR(200), "
                + "fax VARCHAR(40), status VARCHAR(16) NOT NULL)",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id), "
                + "total DECIMAL(12,2) NOT NULL, placed_at TIMESTAMP NOT NULL)"
    };

    /** Version 3: a customer's name is split into first and last name; nobody sends faxes any more. */
    static final String[] V3 = {
        "CREATE TABLE customers (id BIGINT PRIMARY KEY, first_name VARCHAR(100) NOT NULL, "
                + "last_name VARCHAR(100) NOT NULL, email VARCHAR(200), status VARCHAR(16) NOT NULL)",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id), "
                + "total DECIMAL(12,2) NOT NULL, placed_at TIMESTAMP NOT NULL)"
    };
    // end::schemas[]

    // tag::steps[]
    /** 1 -> 2: rename a table and a column, add a column whose value in old archives is 'active'. */
    static final Migration V1_TO_V2 = Migration.from(1).to(2)
            .renameTable("clients", "customers")
            .renameColumn("orders", "client_id", "customer_id")
            .addColumn("customers", Column.required("status", LogicalType.text(16)), "active")
            .build();

    /** 2 -> 3: split name into first_name and last_name, drop fax. */
    static final Migration V2_TO_V3 = Migration.from(2).to(3)
            .splitColumn("customers", "name",
                    List.of(Column.required("first_name", LogicalType.text(100)),
                            Column.required("last_name", LogicalType.text(100))),
                    name -> splitName((String) name))
            .dropColumn("customers", "fax")
            .build();

    /**
     * Splits a full name at its last space: "Grace Brewster Hopper" becomes "Grace Brewster" and "Hopper". A
     * single word is a first name with an empty last name (version 3 requires both).
     */
    static List<String> splitName(String name) {
        String trimmed = name.strip();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? List.of(trimmed, "")
                : List.of(trimmed.substring(0, space).strip(), trimmed.substring(space + 1));
    }
    // end::steps[]

    private ShopHistory() {
    }

    // tag::portability[]
    /** The application at version 3, which imports archives of versions 1, 2 and 3. */
    static Portability current(DataSource dataSource) {
        return Portability.builder()
                .application("shop")
                .schemaVersion(3)
                .migrations(V1_TO_V2, V2_TO_V3)
                .store(JdbcStore.discover(dataSource))
                .build();
    }
    // end::portability[]

    /**
     * The application as it was at an older version (no steps: it only ever read its own archives).
     *
     * @param dataSource a database holding that version's schema
     * @param version the version
     * @return the old application's Portability
     */
    static Portability atVersion(DataSource dataSource, int version) {
        return Portability.builder().application("shop").schemaVersion(version)
                .store(JdbcStore.discover(dataSource)).build();
    }

    /**
     * Creates a version's tables.
     *
     * @param dataSource the database
     * @param ddl {@link #V1}, {@link #V2} or {@link #V3}
     */
    static void create(DataSource dataSource, String... ddl) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : ddl) {
                s.execute(statement);
            }
        }
    }
}
