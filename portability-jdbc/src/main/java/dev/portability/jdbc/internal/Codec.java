package dev.portability.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one column's values as their canonical Java values (see {@link dev.portability.api.LogicalType}) and binds
 * canonical values to statement parameters. Chosen once per column by the {@link Dialect} at discovery, so that
 * the mapping of a type and the way its values travel are decided in one place.
 */
public interface Codec {

    /**
     * Reads a value.
     *
     * @param rs the result set, on a row
     * @param index the 1-based column index
     * @return the canonical value, or null for SQL NULL
     * @throws SQLException if the driver fails
     * @throws BadValueException if the stored value has no canonical form (e.g. an oid that names no large object)
     */
    Object read(ResultSet rs, int index) throws SQLException;

    /**
     * Binds a value.
     *
     * @param ps the statement
     * @param index the 1-based parameter index
     * @param value the canonical value, or null for SQL NULL
     * @throws SQLException if the driver fails
     * @throws BadValueException if the database cannot hold the value (e.g. NaN in a MariaDB DOUBLE)
     */
    void bind(PreparedStatement ps, int index, Object value) throws SQLException;

    /**
     * The SQL text that selects this column, e.g. a cast where the database's own rendering would lose
     * precision.
     *
     * @param quotedColumn the quoted column name
     * @return the select-list expression
     */
    default String select(String quotedColumn) {
        return quotedColumn;
    }

    /**
     * Why this column cannot hold a value exactly, checked before the value is bound or bulk-loaded; the value is
     * then refused ({@link BadValueException}, naming table, key and column, and the import rolls back) instead
     * of being stored as something else.
     *
     * <p>The default refuses what only some databases hold, anywhere in the value: {@link dev.portability.api.Infinity}
     * (PostgreSQL's infinite dates and timestamps), {@link dev.portability.api.NativeValue} (a MariaDB zero date
     * or {@code TIME} beyond 24 hours, a PostgreSQL numeric {@code NaN}), arrays of several dimensions (nested
     * lists) and {@link dev.portability.api.BoundedArray}s. A codec that holds some of them overrides this, e.g. with
     * {@link Codecs#refusal(Object, boolean, String, boolean, boolean)} or
     * {@link Codecs#refusalWith(Object, boolean, java.util.function.Function, boolean, boolean)}.
     *
     * @param value a canonical non-null value
     * @return the reason, e.g. "the value infinity has no equal in this column's type ...", or null when the
     *     column holds it
     */
    default String refusal(Object value) {
        return Codecs.refusal(value, false, null, false, false);
    }

    /**
     * Why this column cannot hold a value exactly by the column's own rules, beyond its type's
     * ({@link #refusal(Object)}): the {@link Limit}s its {@link Dialect} added at discovery
     * ({@link Dialect#withLimits}), such as an integer range, a character set or the fractional digits of seconds
     * it keeps. Checked after {@link #refusal(Object)}, with the same consequence. None by default.
     *
     * @param value a canonical non-null value that {@link #refusal(Object)} accepts
     * @return the reason, naming the column's type and its limit, or null when the column holds the value
     */
    default String limitRefusal(Object value) {
        return null;
    }

    /** @return the SQL text of this column's parameter: {@code ?}, or {@code ?} wrapped where the database needs it */
    default String parameter() {
        return "?";
    }
}
