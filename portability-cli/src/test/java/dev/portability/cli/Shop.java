package dev.portability.cli;

import dev.portability.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A two-table schema with a foreign key, written in SQL that H2, PostgreSQL and MariaDB all accept. */
final class Shop {

    static final int CUSTOMERS = 30;
    static final int ORDERS = 60;

    private Shop() {
    }

    /** Creates the tables and fills them: customers 1..30, orders 1..60. */
    static void create(TestDatabase db) {
        db.execute("CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200))",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id), "
                        + "total DECIMAL(10,2) NOT NULL, placed_at TIMESTAMP NOT NULL)");
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers VALUES (?,?,?)")) {
                for (int id = 1; id <= CUSTOMERS; id++) {
                    ps.setLong(1, id);
                    ps.setString(2, "Customer " + id);
                    ps.setString(3, id % 3 == 0 ? null : "c" + id + "@example.com");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?,?,?,?)")) {
                for (int id = 1; id <= ORDERS; id++) {
                    ps.setLong(1, id);
                    ps.setLong(2, 1 + id % CUSTOMERS);
                    ps.setBigDecimal(3, new java.math.BigDecimal(id + ".50"));
                    ps.setObject(4, LocalDateTime.of(2024, 5, 1, 12, 0).plusHours(id));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(TestDatabase db, String table) {
        return longs(db, "SELECT COUNT(*) FROM " + table).get(0);
    }

    static List<Long> longs(TestDatabase db, String sql) {
        List<Long> values = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    static String string(TestDatabase db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
