package dev.portability.api;

import java.util.List;
import java.util.Objects;

/**
 * A reference from some columns of a table to the key of another (or the same) table. The import writes
 * referenced tables first and deletes referencing tables first; cycles are allowed.
 *
 * @param columns the referencing columns of this table, in order
 * @param referencedTable the name of the referenced table (may be this table: a self-reference)
 * @param referencedColumns the referenced columns, in the same order as {@code columns}
 */
public record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns) {

    /**
     * Creates a foreign key.
     *
     * @throws IllegalArgumentException if the column lists are empty or differ in length
     */
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key to " + referencedTable
                    + " needs the same, non-zero number of columns on both sides, was " + columns + " -> "
                    + referencedColumns);
        }
    }

    /**
     * A single-column foreign key.
     *
     * @param column the referencing column
     * @param referencedTable the referenced table
     * @param referencedColumn the referenced column
     * @return the foreign key
     */
    public static ForeignKey of(String column, String referencedTable, String referencedColumn) {
        return new ForeignKey(List.of(column), referencedTable, List.of(referencedColumn));
    }
}
