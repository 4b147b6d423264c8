package dev.portability.jdbc;

import dev.portability.jdbc.TestDatabase.Kind;
import dev.portability.jdbc.TypeCatalog.Col;
import dev.portability.jdbc.TypeCatalog.Fixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A catalogue table's values as the database itself prints them, read with plain SQL: what a user would compare
 * after an import, independent of how the adapters or the driver read values. MariaDB: {@code HEX(column)} for
 * binary, bit and spatial types, {@code CAST(column AS CHAR)} for the rest ({@code FLOAT} through
 * {@code DOUBLE}, whose text would round it to six digits); H2: {@code RAWTOHEX(column)} for binary types (H2
 * casts bytes to text as UTF-8), {@code CAST(column AS VARCHAR)} for the rest; PostgreSQL: {@code CAST(column AS
 * text)} (the driver cannot read a numeric array holding {@code NaN}).
 */
final class TextForms {

    private static final Pattern MARIADB_HEX = Pattern.compile(
            "^(BINARY|VARBINARY|TINYBLOB|BLOB|MEDIUMBLOB|LONGBLOB|BIT|GEOMETRY|POINT|LINESTRING|POLYGON|MULTIPOINT"
                    + "|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\\b");
    private static final Pattern H2_BINARY = Pattern.compile("^(BINARY|VARBINARY|BLOB)\\b");

    private TextForms() {
    }

    /**
     * @param kind the database
     * @param column a catalogue column
     * @return the select expression of its text form, or null where this comparison is not made for the kind
     */
    static String expression(Kind kind, Col column) {
        String ddl = column.ddl().toUpperCase(Locale.ROOT);
        String name = column.name();
        return switch (kind) {
            case MARIADB -> MARIADB_HEX.matcher(ddl).find() ? "HEX(" + name + ")"
                    : ddl.startsWith("FLOAT") ? "CAST(CAST(" + name + " AS DOUBLE) AS CHAR)"
                    : "CAST(" + name + " AS CHAR)";
            case H2 -> H2_BINARY.matcher(ddl).find() && !ddl.contains("ARRAY") ? "RAWTOHEX(" + name + ")"
                    : "CAST(" + name + " AS VARCHAR)";
            case POSTGRESQL -> "CAST(" + name + " AS text)";
        };
    }

    /**
     * @param kind the database
     * @param dataSource the database
     * @param fixture the catalogue
     * @return one line per row, id first, each column as {@code name=text} ({@code name=NULL} for SQL NULL)
     */
    static List<String> of(Kind kind, DataSource dataSource, Fixture fixture) throws SQLException {
        StringJoiner select = new StringJoiner(", ", "SELECT id, ", " FROM types ORDER BY id");
        List<Col> columns = new ArrayList<>();
        for (Col column : fixture.columns()) {
            String expression = expression(kind, column);
            if (expression != null) {
                select.add(expression);
                columns.add(column);
            }
        }
        List<String> rows = new ArrayList<>();
        if (columns.isEmpty()) {
            return rows;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(select.toString())) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder("id=").append(rs.getLong(1));
                for (int i = 0; i < columns.size(); i++) {
                    String text = rs.getString(i + 2);
                    row.append(", ").append(columns.get(i).name()).append('=')
                            .append(text == null ? "NULL" : "'" + text + "'");
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /**
     * @return the lines of {@code actual} that differ from {@code expected}, values cut to 100 characters, so that
     *     a failure does not print the 10 MB rows
     */
    static List<String> differences(List<String> actual, List<String> expected) {
        List<String> differences = new ArrayList<>();
        if (actual.size() != expected.size()) {
            differences.add(actual.size() + " rows instead of " + expected.size());
        }
        for (int r = 0; r < Math.min(actual.size(), expected.size()); r++) {
            String[] a = actual.get(r).split(", (?=c_)");
            String[] e = expected.get(r).split(", (?=c_)");
            for (int c = 0; c < Math.max(a.length, e.length); c++) {
                String av = c < a.length ? a[c] : "(missing)";
                String ev = c < e.length ? e[c] : "(missing)";
                if (!av.equals(ev)) {
                    differences.add("row " + (r + 1) + ": " + cut(av) + " instead of " + cut(ev));
                }
            }
        }
        return differences;
    }

    private static String cut(String text) {
        return text.length() > 100 ? text.substring(0, 97) + "... (" + text.length() + " chars)" : text;
    }
}
