package dev.portability.testkit;

import dev.portability.api.Key;

/**
 * One way in which the content of a store differs from what was expected: a value of a column, a missing or
 * unexpected row, a missing table. Values are rendered for reading (text quoted and cut, binary in hex).
 *
 * @param table the table
 * @param key the row's primary key, or null for a table without one or a difference of the whole table
 * @param column the column, or null when the whole row or table differs
 * @param expected what was expected, rendered, e.g. {@code 'Bob'}, {@code NULL}, {@code a row}
 * @param actual what was found, rendered the same way
 */
public record Difference(String table, Key key, String column, String expected, String actual) {

    /** @return e.g. {@code table customers, key 2, column name: expected 'Bob' but was 'B0b'} */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("table ").append(table);
        if (key != null) {
            out.append(", key ").append(key);
        }
        if (column != null) {
            out.append(", column ").append(column);
        }
        return out.append(": expected ").append(expected).append(" but was ").append(actual).toString();
    }
}
