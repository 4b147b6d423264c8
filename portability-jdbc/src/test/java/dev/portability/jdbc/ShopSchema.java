package dev.portability.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A six-table H2 schema that exercises every logical type, foreign keys, a composite key, a self-reference and
 * nullable columns, filled with deterministic rows including edge values.
 */
final class ShopSchema {

    static final String[] DDL = {
        "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL, email VARCHAR(200), "
                + "note CLOB, balance DECIMAL(12,2), vip BOOLEAN, created TIMESTAMP WITH TIME ZONE, uid UUID, "
                + "birth DATE)",
        "CREATE TABLE employees (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                + "manager_id INT REFERENCES employees(id))",
        "CREATE TABLE products (sku VARCHAR(40) PRIMARY KEY, title VARCHAR(200) NOT NULL, "
                + "price DECIMAL(10,2) NOT NULL, weight DOUBLE PRECISION, image VARBINARY(1000), attrs JSON, "
                + "tags VARCHAR(50) ARRAY)",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id), "
                + "sold_by INT REFERENCES employees(id), placed_at TIMESTAMP NOT NULL, ship_time TIME, "
                + "total DECIMAL(14,4))",
        "CREATE TABLE order_lines (order_id BIGINT REFERENCES orders(id), line_no INT, "
                + "sku VARCHAR(40) NOT NULL REFERENCES products(sku), qty SMALLINT NOT NULL, big_number BIGINT, "
                + "ratio REAL, PRIMARY KEY (order_id, line_no))",
        "CREATE TABLE documents (id UUID PRIMARY KEY, customer_id BIGINT REFERENCES customers(id), body CLOB, "
                + "data BLOB, tiny TINYINT)"
    };

    /** One megabyte of non-ASCII text. */
    static final String LONG_TEXT = "Grüße 🌍 日本語 ".repeat(1024 * 1024 / 16);

    private ShopSchema() {
    }

    static void create(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
    }

    /**
     * Fills the tables with rows whose keys start at {@code firstId}.
     *
     * @param dataSource the database
     * @param firstId the first key of each table
     * @param count rows per table
     * @param seed the random seed
     */
    static void fill(DataSource dataSource, int firstId, int count, long seed) throws SQLException {
        Random random = new Random(seed);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < count; i++) {
                    long id = firstId + i;
                    ps.setLong(1, id);
                    ps.setString(2, i % 7 == 0 ? "Zoë Ñandú 🌍 #" + id : "Customer " + id);
                    ps.setString(3, i % 5 == 0 ? null : i % 5 == 1 ? "" : "c" + id + "@example.com");
                    ps.setString(4, i == 0 ? LONG_TEXT : i % 3 == 0 ? null : "note\nwith \"quotes\" and \t tab");
                    ps.setBigDecimal(5, i % 4 == 0 ? null : new BigDecimal(random.nextInt(2_000_000_000) - 1_000_000_000)
                            .movePointLeft(2));
                    ps.setObject(6, i % 3 == 0 ? null : i % 2 == 0);
                    ps.setObject(7, OffsetDateTime.of(2020 + i % 5, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60,
                            i * 1000, ZoneOffset.ofHoursMinutes(i % 2 == 0 ? 5 : -8, i % 2 == 0 ? 30 : 0)));
                    ps.setObject(8, new UUID(random.nextLong(), random.nextLong()));
                    ps.setObject(9, i % 6 == 0 ? null : LocalDate.of(1900 + i % 150, 2, i % 2 == 0 ? 28 : 1));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO employees VALUES (?,?,?)")) {
                // the manager has the highest id: in key order the self-reference points forward
                for (int i = count - 1; i >= 0; i--) {
                    int id = firstId + i;
                    ps.setInt(1, id);
                    ps.setString(2, "Employee " + id);
                    ps.setObject(3, i < count - 1 && i % 3 != 2 ? Integer.valueOf(firstId + count - 1) : null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO products VALUES (?,?,?,?,?,? FORMAT JSON,?)")) {
                for (int i = 0; i < count; i++) {
                    ps.setString(1, "SKU-" + (firstId + i));
                    ps.setString(2, i % 2 == 0 ? "Widget ü" : "");
                    ps.setBigDecimal(3, new BigDecimal("99999999.99").subtract(BigDecimal.valueOf(i)));
                    ps.setObject(4, switch (i % 6) {
                        case 0 -> null;
                        case 1 -> -0.0d;
                        case 2 -> Double.MAX_VALUE;
                        case 3 -> Double.MIN_VALUE;
                        case 4 -> 1.0 / 3;
                        default -> -123456.789e10;
                    });
                    byte[] image = new byte[i % 4 == 0 ? 0 : 64];
                    random.nextBytes(image);
                    if (image.length > 0) {
                        image[0] = 0;
                    }
                    ps.setBytes(5, i % 5 == 0 ? null : image);
                    ps.setString(6, i % 3 == 0 ? null : "{\"color\":\"red\",\"sizes\":[1,2.5,null],\"n\":{\"x\":true}}");
                    ps.setArray(7, i % 4 == 0 ? null : c.createArrayOf("VARCHAR",
                            i % 4 == 1 ? new Object[0] : new Object[] {"a", null, "ü"}));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?,?,?,?,?,?)")) {
                for (int i = 0; i < count; i++) {
                    ps.setLong(1, firstId + i);
                    ps.setLong(2, firstId + random.nextInt(count));
                    ps.setObject(3, i % 4 == 0 ? null : Integer.valueOf(firstId + random.nextInt(count)));
                    ps.setObject(4, LocalDateTime.of(2024, 3, 31, 2, 30).plusMinutes(i * 37L).plusNanos(i * 1000L));
                    ps.setObject(5, i % 2 == 0 ? null : LocalTime.of(i % 24, 59, 59, 999_999_000));
                    ps.setBigDecimal(6, new BigDecimal("-9999999999.9999").add(BigDecimal.valueOf(i, 4)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO order_lines VALUES (?,?,?,?,?,?)")) {
                for (int i = 0; i < count; i++) {
                    for (int line = 1; line <= 2; line++) {
                        ps.setLong(1, firstId + i);
                        ps.setInt(2, line);
                        ps.setString(3, "SKU-" + (firstId + random.nextInt(count)));
                        ps.setShort(4, (short) (line == 1 ? Short.MAX_VALUE : Short.MIN_VALUE));
                        ps.setObject(5, i % 3 == 0 ? null : i % 3 == 1 ? Long.MAX_VALUE : Long.MIN_VALUE);
                        ps.setObject(6, i % 2 == 0 ? null : Float.valueOf(1.1f * i));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO documents VALUES (?,?,?,?,?)")) {
                for (int i = 0; i < count; i++) {
                    ps.setObject(1, new UUID(firstId, i));
                    ps.setObject(2, i % 2 == 0 ? null : Long.valueOf(firstId + i));
                    ps.setString(3, i % 3 == 0 ? "" : "body " + i);
                    ps.setBytes(4, i % 3 == 1 ? null : ("\0\0data " + i).getBytes(StandardCharsets.UTF_8));
                    ps.setObject(5, i % 2 == 0 ? null : Byte.valueOf((byte) (i % 2 == 1 ? -128 : 127)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
