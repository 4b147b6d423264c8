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

    /**
     * The differences between two {@link #contents} results, one line each, with long values cut: safe to print
     * where a plain equality assertion would format megabytes.
     *
     * @param actual the contents found
     * @param expected the contents expected
     * @return the differences; empty if the contents are equal
     */
    static List<String> differences(Map<String, List<List<Object>>> actual,
            Map<String, List<List<Object>>> expected) {
        List<String> differences = new ArrayList<>();
        if (!actual.keySet().equals(expected.keySet())) {
            differences.add("tables " + actual.keySet() + " instead of " + expected.keySet());
            return differences;
        }
        for (String table : expected.keySet()) {
            List<List<Object>> a = actual.get(table);
            List<List<Object>> e = expected.get(table);
            if (a.size() != e.size()) {
                differences.add(table + ": " + a.size() + " rows instead of " + e.size());
            }
            for (int r = 0; r < Math.min(a.size(), e.size()); r++) {
                for (int c = 0; c < Math.max(a.get(r).size(), e.get(r).size()); c++) {
                    Object av = c < a.get(r).size() ? a.get(r).get(c) : "(missing)";
                    Object ev = c < e.get(r).size() ? e.get(r).get(c) : "(missing)";
                    if (!av.equals(ev)) {
                        differences.add(table + " row " + (r + 1) + ": " + cut(av) + " instead of " + cut(ev));
                    }
                }
            }
        }
        return differences;
    }

    private static String cut(Object value) {
        String text = String.valueOf(value);
        return text.length() > 100 ? text.substring(0, 97) + "... (" + text.length() + " chars)" : text;
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
