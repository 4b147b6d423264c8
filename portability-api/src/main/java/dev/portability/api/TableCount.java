package dev.portability.api;

/**
 * The number of rows of one table.
 *
 * @param table the table name
 * @param rows the number of rows
 */
public record TableCount(String table, long rows) {
}
