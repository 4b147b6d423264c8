package dev.portability.api;

import java.util.List;
import java.util.OptionalLong;

/**
 * Row counts of the host's tables, taken in one consistent snapshot.
 *
 * @param tables one count per table, in foreign-key order (referenced tables first)
 */
public record Statistics(List<TableCount> tables) {

    /** Creates statistics; copies the list. */
    public Statistics {
        tables = List.copyOf(tables);
    }

    /** @return the total number of rows in all tables */
    public long totalRows() {
        return tables.stream().mapToLong(TableCount::rows).sum();
    }

    /**
     * The row count of one table.
     *
     * @param table the table name
     * @return its count, or empty if there is no such table
     */
    public OptionalLong rows(String table) {
        for (TableCount count : tables) {
            if (count.table().equals(table)) {
                return OptionalLong.of(count.rows());
            }
        }
        return OptionalLong.empty();
    }
}
