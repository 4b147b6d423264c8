package dev.portability.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a table: a value per column of its {@link TableSchema}, in column order.
 *
 * <p>Values use the canonical Java types listed in {@link LogicalType}; {@code null} is SQL NULL. A row is
 * immutable as long as nobody modifies the {@code byte[]} or {@code List} values it holds: treat them as
 * read-only.
 */
public final class Row {

    private final TableSchema schema;
    private final Object[] values;

    private Row(TableSchema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    /**
     * A row of the given table.
     *
     * @param schema the table the row belongs to
     * @param values one value per column, in column order
     * @return the row
     * @throws IllegalArgumentException if the number of values differs from the number of columns
     */
    public static Row of(TableSchema schema, Object... values) {
        Objects.requireNonNull(schema, "schema");
        if (values.length != schema.columns().size()) {
            throw new IllegalArgumentException("table " + schema.name() + " has " + schema.columns().size()
                    + " columns but the row has " + values.length + " values");
        }
        return new Row(schema, values.clone());
    }

    /** @return the table this row belongs to */
    public TableSchema schema() {
        return schema;
    }

    /** @return the number of values, equal to the number of columns */
    public int size() {
        return values.length;
    }

    /**
     * A value by position.
     *
     * @param index the column index
     * @return the value, or null for SQL NULL
     */
    public Object get(int index) {
        return values[index];
    }

    /**
     * A value by column name.
     *
     * @param column the column name
     * @return the value, or null for SQL NULL
     * @throws IllegalArgumentException if the table has no such column
     */
    public Object get(String column) {
        return values[requireIndex(column)];
    }

    /**
     * A copy of this row with one value replaced.
     *
     * @param column the column name
     * @param value the new value
     * @return the new row
     * @throws IllegalArgumentException if the table has no such column
     */
    public Row with(String column, Object value) {
        Object[] copy = values.clone();
        copy[requireIndex(column)] = value;
        return new Row(schema, copy);
    }

    /** @return a copy of the values, in column order */
    public Object[] values() {
        return values.clone();
    }

    private int requireIndex(String column) {
        int at = schema.indexOf(column);
        if (at < 0) {
            throw new IllegalArgumentException(
                    "table " + schema.name() + " has no column " + column + "; it has " + schema.columnNames());
        }
        return at;
    }

    /** Rows are equal when they belong to equal tables and hold equal values ({@code byte[]} by content). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Row other && schema.equals(other.schema) && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * schema.name().hashCode() + Arrays.deepHashCode(values);
    }

    /** @return the table name and the column names, without values (rows may hold secrets) */
    @Override
    public String toString() {
        return "Row[" + schema.name() + " " + schema.columnNames() + "]";
    }
}
