package dev.portability.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Test databases and full-content snapshots read with plain JDBC, independent of the adapters under test. */
final class Databases {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Databases() {
    }

    /** @return a fresh, empty in-memory H2 database that lives until the JVM exits */
    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:test" + COUNTER.incrementAndGet() + "_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /**
     * Every row of every listed table, ordered by the given columns, with values rendered comparably.
     *
     * @param dataSource the database
     * @param tablesAndOrder pairs of table name and ORDER BY clause
     * @return table name to rows
     */
    static Map<String, List<List<Object>>> contents(DataSource dataSource, String... tablesAndOrder)
            throws SQLException {
        Map<String, List<List<Object>>> contents = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (int t = 0; t < tablesAndOrder.length; t += 2) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + tablesAndOrder[t] + " ORDER BY "
                        + tablesAndOrder[t + 1])) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.add(md.getColumnName(i) + "=" + render(rs.getObject(i)));
                        }
                        rows.add(row);
                    }
                }
                contents.put(tablesAndOrder[t], rows);
            }
        }
        return contents;
    }

    private static Object render(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Blob blob) {
            return "0x" + HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof Array array) {
            return Arrays.deepToString((Object[]) array.getArray());
        }
        if (value instanceof Double d) {
            return Double.doubleToRawLongBits(d) + "/" + d;
        }
        if (value instanceof Float f) {
            return Float.floatToRawIntBits(f) + "/" + f;
        }
        return value == null ? "NULL" : value.getClass().getSimpleName() + ":" + value;
    }
}
