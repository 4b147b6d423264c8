package dev.portability.examples;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A small shop schema in an in-memory H2 database. */
final class SampleShop {

    private SampleShop() {
    }

    /**
     * Creates the database and fills it.
     *
     * @param name the in-memory database name
     * @param customers customers to create (each with two orders); 0 for an empty database
     * @return the data source
     * @throws SQLException if H2 fails
     */
    static DataSource create(String name, int customers) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customer (id BIGINT PRIMARY KEY, uid UUID NOT NULL, name VARCHAR(100) NOT NULL,"
                    + " email VARCHAR(200), since DATE)");
            s.execute("CREATE TABLE product (sku VARCHAR(20) PRIMARY KEY, title VARCHAR(200) NOT NULL,"
                    + " price DECIMAL(10,2) NOT NULL)");
            s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customer(id),"
                    + " placed TIMESTAMP WITH TIME ZONE NOT NULL, total DECIMAL(12,2))");
            s.execute("CREATE TABLE order_line (order_id BIGINT REFERENCES orders(id), line INT,"
                    + " sku VARCHAR(20) NOT NULL REFERENCES product(sku), qty INT NOT NULL, PRIMARY KEY (order_id, line))");
            if (customers > 0) {
                fill(c, customers);
            }
        }
        return ds;
    }

    private static void fill(Connection c, int customers) throws SQLException {
        Random random = new Random(42);
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO product VALUES (?,?,?)")) {
            for (int i = 1; i <= 100; i++) {
                p.setString(1, "SKU-" + i);
                p.setString(2, "Product " + i);
                p.setBigDecimal(3, BigDecimal.valueOf(100 + random.nextInt(10_000), 2));
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement cu = c.prepareStatement("INSERT INTO customer VALUES (?,?,?,?,?)");
                PreparedStatement o = c.prepareStatement("INSERT INTO orders VALUES (?,?,?,?)");
                PreparedStatement l = c.prepareStatement("INSERT INTO order_line VALUES (?,?,?,?)")) {
            for (long id = 1; id <= customers; id++) {
                cu.setLong(1, id);
                cu.setObject(2, new UUID(random.nextLong(), random.nextLong()));
                cu.setString(3, "Customer " + id);
                cu.setString(4, id % 10 == 0 ? null : "customer" + id + "@example.com");
                cu.setObject(5, LocalDate.of(2015, 1, 1).plusDays(id % 3000));
                cu.addBatch();
                for (int n = 0; n < 2; n++) {
                    long order = id * 2 + n;
                    o.setLong(1, order);
                    o.setLong(2, id);
                    o.setObject(3, OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)).plusMinutes(order));
                    o.setBigDecimal(4, BigDecimal.valueOf(random.nextInt(100_000), 2));
                    o.addBatch();
                    l.setLong(1, order);
                    l.setInt(2, 1);
                    l.setString(3, "SKU-" + (1 + random.nextInt(100)));
                    l.setInt(4, 1 + random.nextInt(5));
                    l.addBatch();
                }
            }
            cu.executeBatch();
            o.executeBatch();
            l.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
