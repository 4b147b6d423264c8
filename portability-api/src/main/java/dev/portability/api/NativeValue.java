package dev.portability.api;

import java.util.Objects;

/**
 * A value that a store holds in a column of a portable type but that has no value of that type, carried in the
 * engine's own text form so that it is kept exactly instead of being turned into NULL or refused: a MariaDB zero
 * date {@code 0000-00-00} or {@code 2024-00-15} (stored under a non-strict {@code sql_mode}), a zero
 * {@code DATETIME} or {@code TIMESTAMP}, a MariaDB {@code TIME} of {@code 838:59:59} or {@code -01:00:00}.
 *
 * <p>Allowed as a value of {@link LogicalType.Kind#DATE}, {@link LogicalType.Kind#TIME},
 * {@link LogicalType.Kind#TIMESTAMP} and {@link LogicalType.Kind#TIMESTAMP_TZ} columns. Only a store of the same
 * engine whose column can hold it accepts it; every other target refuses it before anything is written, naming
 * table, key and column.
 *
 * @param engine the engine that stored it, lower case as in {@link LogicalType#nativeType(String, String)}, e.g.
 *     {@code mariadb}
 * @param text the value as the engine writes it, e.g. {@code 0000-00-00 00:00:00}
 */
public record NativeValue(String engine, String text) {

    /**
     * Creates a native value.
     *
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if the engine is blank or not lower case
     */
    public NativeValue {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(text, "text");
        if (engine.isBlank() || !engine.equals(engine.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("a native value's engine is a lower-case name, was '" + engine + "'");
        }
    }

    /** @return the engine and the text, e.g. {@code mariadb '0000-00-00'} */
    @Override
    public String toString() {
        return engine + " '" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "'";
    }
}
