package dev.portability.jdbc;

import dev.portability.jdbc.TestDatabase.Kind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Two tables of portable types, the same logical schema on every database: {@code accounts} (every portable type,
 * a self-reference) and {@code entries} (a foreign key to accounts). Values stay inside what all three databases
 * hold: no NaN, infinity or -0.0 (MariaDB), no NUL character (PostgreSQL), TIMESTAMP WITH TIME ZONE between 1970
 * and 2038 (MariaDB's TIMESTAMP), dates from year 1000, RFC 4122 UUIDs (MariaDB). Some JSON values are the JSON
 * literal null, which every database holds apart from SQL NULL.
 */
final class PortableSchema {

    private PortableSchema() {
    }

    static String[] ddl(Kind kind) {
        String bigint = "BIGINT";
        String decimal = kind == Kind.H2 ? "NUMERIC(38,10)" : kind == Kind.POSTGRESQL ? "numeric(38,10)" : "DECIMAL(38,10)";
        String dbl = kind == Kind.MARIADB ? "DOUBLE" : "DOUBLE PRECISION";
        String text = switch (kind) {
            case POSTGRESQL -> "text";
            case MARIADB -> "LONGTEXT";
            case H2 -> "CLOB";
        };
        String bytes = switch (kind) {
            case POSTGRESQL -> "bytea";
            case MARIADB -> "LONGBLOB";
            case H2 -> "BLOB";
        };
        String timestamp = kind == Kind.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)";
        String timestampTz = switch (kind) {
            case POSTGRESQL -> "timestamptz";
            case MARIADB -> "TIMESTAMP(6) NULL";
            case H2 -> "TIMESTAMP(6) WITH TIME ZONE";
        };
        String json = kind == Kind.POSTGRESQL ? "jsonb" : "JSON";
        // MariaDB's BOOLEAN is TINYINT(1), an INTEGER; BIT(1) is its BOOLEAN
        String bool = kind == Kind.MARIADB ? "BIT(1)" : "BOOLEAN";
        return new String[] {
            "CREATE TABLE accounts (id " + bigint + " PRIMARY KEY, small SMALLINT, amount " + decimal + ", ratio "
                    + dbl + ", name VARCHAR(100) NOT NULL, note " + text + ", data " + bytes + ", active " + bool + ", "
                    + "born DATE, wakes TIME(6), created " + timestamp + ", stamped " + timestampTz + ", uid UUID, "
                    + "attrs " + json + ", parent_id " + bigint + ")",
            "ALTER TABLE accounts ADD FOREIGN KEY (parent_id) REFERENCES accounts(id)",
            "CREATE TABLE entries (id " + bigint + " PRIMARY KEY, account_id " + bigint + " NOT NULL, booked DATE, "
                    + "amount DECIMAL(12,2), FOREIGN KEY (account_id) REFERENCES accounts(id))"};
    }

    /**
     * Fills the tables with plain JDBC.
     *
     * @param kind the database
     * @param ds its data source
     * @param accounts the number of accounts (entries: three per account)
     */
    static void fill(Kind kind, DataSource ds, int accounts) throws SQLException {
        Random random = new Random(accounts);
        try (Connection c = ds.getConnection()) {
            if (kind == Kind.MARIADB) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET time_zone = '+00:00'");
                }
            }
            c.setAutoCommit(false);
            String json = kind == Kind.H2 ? "? FORMAT JSON" : "?";
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,"
                    + json + ",?)")) {
                for (int i = 0; i < accounts; i++) {
                    ps.setLong(1, i + 1L);
                    ps.setObject(2, i % 7 == 0 ? null : (short) (i * 37 % 65536 - 32768), Types.SMALLINT);
                    ps.setBigDecimal(3, i % 5 == 0 ? null : BigDecimal.valueOf(random.nextLong(), 10)
                            .add(new BigDecimal("1234567890123456789")));
                    ps.setObject(4, i % 6 == 0 ? null : switch (i % 4) {
                        case 0 -> Double.MAX_VALUE;
                        case 1 -> -Double.MIN_NORMAL;
                        case 2 -> 1.0 / 3;
                        default -> random.nextGaussian() * 1e12;
                    }, Types.DOUBLE);
                    ps.setString(5, i % 3 == 0 ? "Zoë 🌍 " + i : "account " + i);
                    ps.setString(6, i % 4 == 0 ? null : i % 4 == 1 ? "" : "note with \"quotes\", tabs\t and ü\n" + i);
                    byte[] data = new byte[i % 9 * 7];
                    random.nextBytes(data);
                    ps.setBytes(7, i % 5 == 1 ? null : data);
                    ps.setObject(8, i % 3 == 2 ? null : i % 2 == 0, Types.BOOLEAN);
                    ps.setObject(9, i % 8 == 0 ? null : LocalDate.of(1000 + i * 53 % 9000, 1 + i % 12, 1 + i % 28));
                    ps.setObject(10, i % 2 == 0 ? null : LocalTime.of(i % 24, i % 60, i % 60, i % 1000 * 1000));
                    ps.setObject(11, LocalDateTime.of(2024, 3, 31, 2, 30).plusMinutes(i * 97L).plusNanos(i * 1000L));
                    OffsetDateTime stamped = OffsetDateTime.of(1971 + i % 60, 1 + i % 12, 1 + i % 28, i % 24, 0, 0,
                            i * 1000, ZoneOffset.UTC);
                    if (i % 10 == 0) {
                        ps.setNull(12, Types.TIMESTAMP);
                    } else if (kind == Kind.MARIADB) {
                        ps.setObject(12, stamped.toLocalDateTime());
                    } else {
                        ps.setObject(12, stamped);
                    }
                    // an RFC 4122 UUID: MariaDB refuses some other 128-bit values (see docs/jdbc-types.md)
                    UUID uid = UUID.nameUUIDFromBytes(("account " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    if (kind == Kind.MARIADB) {
                        ps.setString(13, uid.toString());
                    } else {
                        ps.setObject(13, uid);
                    }
                    String attrs = i % 4 == 3 ? null : i % 11 == 5 ? "null" // the JSON literal null, not SQL NULL
                            : "{\"n\":" + i + ",\"tags\":[\"a\",\"ü\"],\"nested\":{\"ok\":" + (i % 2 == 0) + "}}";
                    if (kind == Kind.POSTGRESQL) {
                        ps.setObject(14, attrs, Types.OTHER);
                    } else {
                        ps.setString(14, attrs);
                    }
                    ps.setObject(15, null, Types.BIGINT);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET parent_id = ? WHERE id = ?")) {
                for (int i = 0; i < accounts; i++) {
                    if (i % 3 != 0) {
                        ps.setLong(1, (i * 7L) % accounts + 1);
                        ps.setLong(2, i + 1L);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO entries VALUES (?,?,?,?)")) {
                for (int i = 0; i < accounts * 3; i++) {
                    ps.setLong(1, i + 1L);
                    ps.setLong(2, i % accounts + 1L);
                    ps.setObject(3, LocalDate.of(2024, 1, 1).plusDays(i));
                    ps.setBigDecimal(4, BigDecimal.valueOf(i * 1001L - 50_000, 2));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
