package dev.portability.api;

import java.util.Objects;

/**
 * One column of a table: its name, logical type and whether it accepts NULL.
 *
 * @param name the column name, as the host's table names it (case-sensitive)
 * @param type the logical type
 * @param nullable whether the column accepts NULL
 */
public record Column(String name, LogicalType type, boolean nullable) {

    /**
     * Creates a column.
     *
     * @throws NullPointerException if name or type is null
     * @throws IllegalArgumentException if name is blank
     */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
    }

    /**
     * A column that accepts NULL.
     *
     * @param name the column name
     * @param type the logical type
     * @return the column
     */
    public static Column nullable(String name, LogicalType type) {
        return new Column(name, type, true);
    }

    /**
     * A column that refuses NULL.
     *
     * @param name the column name
     * @param type the logical type
     * @return the column
     */
    public static Column required(String name, LogicalType type) {
        return new Column(name, type, false);
    }

    @Override
    public String toString() {
        return name + " " + type + (nullable ? "" : " NOT NULL");
    }
}
