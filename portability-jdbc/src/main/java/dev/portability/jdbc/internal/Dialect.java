package dev.portability.jdbc.internal;

import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import dev.portability.jdbc.JdbcDialect;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What differs between databases: identifier quoting, type mapping, reading and binding values, upserts.
 * One subclass per {@link JdbcDialect}; the base holds what standard JDBC does everywhere.
 */
public abstract class Dialect {

    /**
     * The dialect of a kind.
     *
     * @param kind the database kind
     * @return its dialect
     */
    public static Dialect of(JdbcDialect kind) {
        return switch (kind) {
            case H2 -> new H2Dialect();
            case POSTGRESQL -> new PostgresDialect();
            case MARIADB -> new MariaDbDialect();
        };
    }

    /**
     * Picks the dialect from the connection's metadata.
     *
     * @param connection a connection
     * @return the kind, or null if the database is none we know
     * @throws SQLException if the metadata cannot be read
     */
    public static JdbcDialect detect(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return JdbcDialect.H2;
        }
        if (product.contains("postgres")) {
            return JdbcDialect.POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return JdbcDialect.MARIADB;
        }
        return null;
    }

    /** @return the kind of this dialect */
    public abstract JdbcDialect kind();

    /**
     * Quotes an identifier that discovery found.
     *
     * @param identifier the identifier as the database names it
     * @return the quoted identifier
     */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** @return the JDBC isolation level of a READ unit of work: a consistent snapshot */
    public int snapshotIsolation() {
        return Connection.TRANSACTION_REPEATABLE_READ;
    }

    /** @return the number of rows fetched per round trip when streaming a table */
    public int fetchSize() {
        return 1000;
    }

    /**
     * Maps a column's database type to a logical type.
     *
     * @param sqlType the JDBC type code
     * @param typeName the database's type name
     * @param size the column size (precision or length)
     * @param scale the decimal digits
     * @return the logical type, or null if the type cannot be carried
     */
    public LogicalType map(int sqlType, String typeName, int size, int scale) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        switch (sqlType) {
            case Types.BOOLEAN:
            case Types.BIT:
                return size <= 1 ? LogicalType.bool() : null;
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                return LogicalType.integer();
            case Types.DECIMAL:
            case Types.NUMERIC:
                return size > 0 && size <= LogicalType.MAX_DECIMAL_PRECISION && scale <= size
                        ? LogicalType.decimal(size, scale) : LogicalType.decimal();
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return LogicalType.float64();
            case Types.CHAR:
            case Types.NCHAR:
            case Types.VARCHAR:
            case Types.NVARCHAR:
            case Types.LONGVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
            case Types.NCLOB:
                return size > 0 && size < Integer.MAX_VALUE && sqlType != Types.CLOB && sqlType != Types.NCLOB
                        && !name.contains("text") ? LogicalType.text(size) : LogicalType.text();
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return size > 0 && size < Integer.MAX_VALUE && sqlType != Types.BLOB ? LogicalType.binary(size)
                        : LogicalType.binary();
            case Types.DATE:
                return LogicalType.date();
            case Types.TIME:
                return LogicalType.time();
            case Types.TIMESTAMP:
                return LogicalType.timestamp();
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return LogicalType.timestampTz();
            default:
                return null;
        }
    }

    /**
     * Reads a column of the current row as its canonical Java value.
     *
     * @param rs the result set
     * @param index the 1-based column index
     * @param column the column
     * @return the value, or null for SQL NULL
     * @throws SQLException if reading fails
     */
    public Object read(ResultSet rs, int index, JdbcColumn column) throws SQLException {
        LogicalType type = column.column().type();
        return switch (type.kind()) {
            case BOOLEAN -> nullable(rs, rs.getBoolean(index));
            case INTEGER -> nullable(rs, rs.getLong(index));
            case DECIMAL -> rs.getBigDecimal(index);
            case DOUBLE -> nullable(rs, rs.getDouble(index));
            case TEXT, JSON -> rs.getString(index);
            case BINARY -> rs.getBytes(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TIMESTAMP_TZ -> rs.getObject(index, OffsetDateTime.class);
            case UUID -> readUuid(rs, index);
            case ARRAY -> readArray(rs.getArray(index), type.elementType().orElseThrow());
        };
    }

    private static Object nullable(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    /**
     * Reads a UUID column.
     *
     * @param rs the result set
     * @param index the column
     * @return the UUID, or null
     * @throws SQLException if reading fails
     */
    protected Object readUuid(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, UUID.class);
    }

    /**
     * Converts a JDBC array to a list of canonical element values.
     *
     * @param array the array, or null
     * @param element the element type
     * @return the list, or null
     * @throws SQLException if reading fails
     */
    protected Object readArray(Array array, LogicalType element) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            Object[] items = (Object[]) array.getArray();
            List<Object> values = new ArrayList<>(items.length);
            for (Object item : items) {
                values.add(item == null ? null : element(item, element));
            }
            return Collections.unmodifiableList(values);
        } finally {
            array.free();
        }
    }

    /**
     * Converts one array element as the driver returns it to its canonical value.
     *
     * @param item the driver's value
     * @param element the element type
     * @return the canonical value
     */
    protected Object element(Object item, LogicalType element) {
        return switch (element.kind()) {
            case INTEGER -> ((Number) item).longValue();
            case DOUBLE -> ((Number) item).doubleValue();
            case DECIMAL -> item instanceof BigDecimal d ? d : new BigDecimal(item.toString());
            case DATE -> item instanceof java.sql.Date d ? d.toLocalDate() : item;
            case TIMESTAMP -> item instanceof java.sql.Timestamp t ? t.toLocalDateTime() : item;
            case TEXT, JSON -> item.toString();
            default -> item;
        };
    }

    /**
     * Binds a value to a statement parameter.
     *
     * @param ps the statement
     * @param index the 1-based parameter index
     * @param value the canonical value, or null
     * @param column the column
     * @throws SQLException if binding fails
     */
    public void bind(PreparedStatement ps, int index, Object value, JdbcColumn column) throws SQLException {
        Kind kind = column.column().type().kind();
        if (value == null) {
            ps.setNull(index, column.sqlType());
            return;
        }
        switch (kind) {
            case BOOLEAN -> ps.setBoolean(index, (Boolean) value);
            case INTEGER -> ps.setLong(index, (Long) value);
            case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
            case DOUBLE -> ps.setDouble(index, (Double) value);
            case TEXT, JSON -> ps.setString(index, (String) value);
            case BINARY -> ps.setBytes(index, (byte[]) value);
            case ARRAY -> ps.setArray(index, createArray(ps.getConnection(), column, (List<?>) value));
            default -> ps.setObject(index, value);
        }
    }

    /**
     * Creates a JDBC array for an ARRAY column.
     *
     * @param connection the connection
     * @param column the column
     * @param values the elements
     * @return the array
     * @throws SQLException if the driver refuses
     */
    protected Array createArray(Connection connection, JdbcColumn column, List<?> values) throws SQLException {
        return connection.createArrayOf(elementTypeName(column), values.toArray());
    }

    /**
     * The database's element type name of an ARRAY column, for {@link Connection#createArrayOf}.
     *
     * @param column the column
     * @return the element type name
     */
    protected String elementTypeName(JdbcColumn column) {
        return column.typeName().replaceFirst("(?i)\\s*array.*$", "");
    }

    /**
     * The SQL text of a parameter for a column: {@code ?}, or a cast where the database needs one (JSON).
     *
     * @param column the column
     * @return the parameter text
     */
    public String parameter(JdbcColumn column) {
        return "?";
    }

    /**
     * Maps a scalar type by its database name alone, for the elements of arrays.
     *
     * @param name the type name, any case, e.g. {@code int4}, {@code CHARACTER VARYING}, {@code timestamptz}
     * @return the logical type, or null if unknown
     */
    protected static LogicalType mapName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").trim();
        return switch (n) {
            case "int", "int2", "int4", "int8", "integer", "smallint", "bigint", "tinyint", "serial", "bigserial" ->
                    LogicalType.integer();
            case "numeric", "decimal", "dec" -> LogicalType.decimal();
            case "float4", "float8", "real", "double", "double precision", "float", "decfloat" ->
                    LogicalType.float64();
            case "text", "varchar", "character varying", "char", "character", "bpchar", "clob",
                    "character large object", "citext", "name" -> LogicalType.text();
            case "bytea", "binary", "varbinary", "binary varying", "blob", "binary large object" ->
                    LogicalType.binary();
            case "bool", "boolean" -> LogicalType.bool();
            case "date" -> LogicalType.date();
            case "time", "time without time zone" -> LogicalType.time();
            case "timestamp", "timestamp without time zone" -> LogicalType.timestamp();
            case "timestamptz", "timestamp with time zone" -> LogicalType.timestampTz();
            case "uuid" -> LogicalType.uuid();
            case "json", "jsonb" -> LogicalType.json();
            default -> null;
        };
    }
}
