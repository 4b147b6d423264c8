package dev.portability.api;

import java.util.Objects;

/**
 * Where a generator of a column's values stands: a sequence (a PostgreSQL {@code serial}, a sequence a column's
 * default draws from), an identity column, or a MariaDB/MySQL {@code AUTO_INCREMENT} counter. An export records one
 * per generated column, in the archive's manifest; an import moves the target's generator of the same column to
 * the further, in its direction, of where it stands and where the archive's stood: never backwards, so that the
 * target does not hand out again a value the source had handed out (the values of rows deleted before the export
 * included).
 *
 * @param table the table
 * @param column the column whose values it generates
 * @param ascending whether it counts upwards (a positive increment) or downwards
 * @param next the next value it would hand out
 */
public record GeneratorPosition(String table, String column, boolean ascending, long next) {

    /** Creates a position. */
    public GeneratorPosition {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    /**
     * The further of two next values, in a direction.
     *
     * @param ascending whether the generator counts upwards
     * @param a a next value
     * @param b another
     * @return the larger for an ascending generator, the smaller for a descending one
     */
    public static long further(boolean ascending, long a, long b) {
        return ascending ? Math.max(a, b) : Math.min(a, b);
    }

    /** @return e.g. {@code orders.id: next 1015, ascending} */
    @Override
    public String toString() {
        return table + "." + column + ": next " + next + (ascending ? ", ascending" : ", descending");
    }
}
