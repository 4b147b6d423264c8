package dev.portability.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What PostgreSQL's catalog says about the types of one schema's columns, beyond JDBC metadata: domains and their
 * base types (also domains over domains and over arrays), arrays and their element types, enums, composite,
 * range and multirange types, each type's array delimiter and type modifier. Read once per discovery: one query
 * over {@code pg_type} (a few hundred rows) and one over the schema's columns.
 */
final class PostgresTypes {

    /**
     * A row of {@code pg_type}.
     *
     * @param oid the type's oid
     * @param name {@code typname}, e.g. {@code int4}, {@code _int4}, {@code rating}
     * @param schema the schema that holds it, e.g. {@code pg_catalog}
     * @param typtype {@code b} base, {@code c} composite, {@code d} domain, {@code e} enum, {@code p} pseudo,
     *     {@code r} range, {@code m} multirange
     * @param baseType for a domain, the type it is based on
     * @param domainTypmod for a domain, the type modifier it applies to its base type
     * @param element for an array type, its element type; 0 otherwise
     * @param delimiter the delimiter between elements of an array of this type ({@code ,}; {@code ;} for box)
     * @param baseName for a domain, its base type as {@code format_type} writes it, without a schema, e.g.
     *     {@code character varying(10)}; null otherwise
     * @param output the type's output function ({@code typoutput}), schema-qualified and quoted for SQL, e.g.
     *     {@code pg_catalog.inet_out}: what writes a value's canonical text
     */
    record Type(long oid, String name, String schema, char typtype, long baseType, int domainTypmod, long element,
            char delimiter, String baseName, String output) {

        boolean isDomain() {
            return typtype == 'd';
        }

        boolean isArray() {
            return element != 0;
        }
    }

    /**
     * A column's type as its values are: the column's own type (a domain, possibly), and what that resolves to.
     *
     * @param declared the column's own type
     * @param declaredName the column's own type as {@code format_type} writes it, without a schema, e.g.
     *     {@code numeric(10,2)}, {@code rating}, {@code mood[]}
     * @param declaredTypmod the column's type modifier ({@code atttypmod})
     * @param base the type the values have, domains resolved; for an array column, the array type
     * @param typmod the type modifier that applies to {@code base} (the innermost domain's, or the column's)
     * @param element for an array column, the element's type with domains resolved; else null
     * @param elementDeclared for an array column, the element type as the array type names it (may be a domain)
     */
    record ColumnType(Type declared, String declaredName, int declaredTypmod, Type base, int typmod, Type element,
            Type elementDeclared) {

        boolean isArray() {
            return element != null;
        }
    }

    private final Map<Long, Type> types;
    private final Map<String, ColumnType> columns;

    private PostgresTypes(Map<Long, Type> types, Map<String, ColumnType> columns) {
        this.types = types;
        this.columns = columns;
    }

    /** No catalog: every column is unknown (the dialect then falls back to JDBC metadata). */
    static final PostgresTypes NONE = new PostgresTypes(Map.of(), Map.of());

    /**
     * Reads the catalog.
     *
     * @param connection the connection
     * @param schema the schema whose tables' columns are read
     * @return the types
     * @throws SQLException if the catalog cannot be read
     */
    static PostgresTypes load(Connection connection, String schema) throws SQLException {
        Map<Long, Type> types = new HashMap<>();
        Map<Long, Long> elementOfArray = new HashMap<>();
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT t.oid, t.typname, n.nspname, t.typtype, "
                        + "t.typbasetype, t.typtypmod, t.typdelim, t.typarray, CASE WHEN t.typtype = 'd' THEN "
                        + "pg_catalog.format_type(t.typbasetype, t.typtypmod) END, pg_catalog.quote_ident(pn.nspname) "
                        + "|| '.' || pg_catalog.quote_ident(p.proname) FROM pg_catalog.pg_type t "
                        + "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
                        + "LEFT JOIN pg_catalog.pg_proc p ON p.oid = t.typoutput "
                        + "LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace")) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                long array = rs.getLong(8);
                if (array != 0) {
                    elementOfArray.put(array, oid);
                }
                rows.add(new Object[] {oid, rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                    rs.getInt(6), rs.getString(7), rs.getString(9), rs.getString(10)});
            }
        }
        for (Object[] row : rows) {
            long oid = (Long) row[0];
            String typtype = (String) row[3];
            String delimiter = (String) row[6];
            types.put(oid, new Type(oid, (String) row[1], (String) row[2],
                    typtype == null || typtype.isEmpty() ? 'b' : typtype.charAt(0), (Long) row[4], (Integer) row[5],
                    elementOfArray.getOrDefault(oid, 0L),
                    delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0),
                    row[7] == null ? null : unqualified((String) row[7]), (String) row[8]));
        }
        Map<String, ColumnType> columns = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.relname, a.attname, a.atttypid, "
                + "a.atttypmod, pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? "
                + "AND c.relkind IN ('r', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Type declared = types.get(rs.getLong(3));
                    if (declared != null) {
                        columns.put(Dialect.Hints.key(rs.getString(1), rs.getString(2)),
                                resolve(types, declared, unqualified(rs.getString(5)), rs.getInt(4)));
                    }
                }
            }
        }
        return new PostgresTypes(types, columns);
    }

    private static ColumnType resolve(Map<Long, Type> types, Type declared, String declaredName, int typmod) {
        Type base = declared;
        int baseTypmod = typmod;
        for (int depth = 0; base.isDomain() && depth < 100; depth++) {
            baseTypmod = base.domainTypmod();
            Type next = types.get(base.baseType());
            if (next == null) {
                break;
            }
            base = next;
        }
        Type element = null;
        Type elementDeclared = null;
        if (base.isArray()) {
            elementDeclared = types.get(base.element());
            element = elementDeclared;
            for (int depth = 0; element != null && element.isDomain() && depth < 100; depth++) {
                int domainTypmod = element.domainTypmod();
                if (domainTypmod != -1) {
                    baseTypmod = domainTypmod;
                }
                element = types.get(element.baseType());
            }
        }
        return new ColumnType(declared, declaredName, typmod, base, baseTypmod, element, elementDeclared);
    }

    /**
     * A type name as {@code format_type} writes it, without the schema it qualifies names with when the type is not
     * on the search path: {@code public.citext} is {@code citext}, {@code "s"."My Type"[]} is {@code "My Type"[]}.
     *
     * @param formatted the name
     * @return the name without schema
     */
    static String unqualified(String formatted) {
        String first = identifier(formatted);
        if (first != null && formatted.length() > first.length() && formatted.charAt(first.length()) == '.') {
            return formatted.substring(first.length() + 1);
        }
        return formatted;
    }

    /** The identifier at the start of the text, quotes included; null if the text starts with none. */
    private static String identifier(String text) {
        if (text.startsWith("\"")) {
            int i = 1;
            while (i < text.length()) {
                if (text.charAt(i) == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i += 2;
                        continue;
                    }
                    return text.substring(0, i + 1);
                }
                i++;
            }
            return null;
        }
        int i = 0;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '$')) {
            i++;
        }
        return i == 0 ? null : text.substring(0, i);
    }

    /**
     * @param table the table's name in the database
     * @param column the column's name in the database
     * @return the column's type, or null if the catalog was not read for it
     */
    ColumnType column(String table, String column) {
        return columns.get(Dialect.Hints.key(table, column));
    }

    /**
     * @param oid a type's oid
     * @return the type, or null
     */
    Type type(long oid) {
        return types.get(oid);
    }
}
