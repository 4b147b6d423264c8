package dev.portability.web;

import dev.portability.api.spi.DataStore;
import dev.portability.core.Portability;
import dev.portability.jdbc.JdbcStore;
import dev.portability.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A small shop in SQL that H2 and PostgreSQL accept: customers, their orders (a foreign key), and notes, a table
 * the import tests leave out to check that it stays as it was.
 */
final class WebShop {

    private WebShop() {
    }

    /**
     * @param kind the database
     * @param customers customers 1..n, orders 1..2n, notes 1..3
     * @return the filled database
     */
    static TestDatabase create(TestDatabase.Kind kind, int customers) {
        TestDatabase db = TestDatabase.create(kind);
        db.execute("CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id), "
                        + "total DECIMAL(10,2) NOT NULL)",
                "CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(200))");
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers VALUES (?, ?)")) {
                for (long id = 1; id <= customers; id++) {
                    ps.setLong(1, id);
                    ps.setString(2, "Customer " + id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?)")) {
                for (long id = 1; id <= 2L * customers; id++) {
                    ps.setLong(1, id);
                    ps.setLong(2, 1 + (id - 1) % customers);
                    ps.setBigDecimal(3, new java.math.BigDecimal(id + ".25"));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO notes VALUES (1, 'first'), (2, 'second'), (3, 'third')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db;
    }

    /** @return the library over the database, application "shop", schema version 1 */
    static Portability portability(TestDatabase db) {
        return portability(JdbcStore.discover(db.dataSource()));
    }

    static Portability portability(DataStore<?> store) {
        return Portability.builder().application("shop").schemaVersion(1).store(store).build();
    }

    /** @return every row of a table, by id, each value as text */
    static List<List<String>> rows(TestDatabase db, String table) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
