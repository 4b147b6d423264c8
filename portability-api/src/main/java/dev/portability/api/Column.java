package dev.portability.api;

import java.util.Objects;

/**
 * One column of a table: its name, logical type, whether it accepts NULL, and what it is in its own database.
 *
 * @param name the column name, as the host's table names it (case-sensitive)
 * @param type the logical type
 * @param nullable whether the column accepts NULL
 * @param nativeType what the column is in its own database, or null where the store does not say (stores other
 *     than databases)
 */
public record Column(String name, LogicalType type, boolean nullable, NativeType nativeType) {

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
     * Creates a column without a native type.
     *
     * @param name the column name
     * @param type the logical type
     * @param nullable whether the column accepts NULL
     * @throws NullPointerException if name or type is null
     * @throws IllegalArgumentException if name is blank
     */
    public Column(String name, LogicalType type, boolean nullable) {
        this(name, type, nullable, null);
    }

    /**
     * A copy of this column with its native type.
     *
     * @param nativeType what the column is in its own database, or null
     * @return the copy
     */
    public Column withNativeType(NativeType nativeType) {
        return new Column(name, type, nullable, nativeType);
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
