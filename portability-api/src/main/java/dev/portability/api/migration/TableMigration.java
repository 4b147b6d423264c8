package dev.portability.api.migration;

import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How one table and its rows change in a migration step: the plain interface behind every step, for anything
 * the {@link Migration.Builder} vocabulary does not cover.
 *
 * <p>A step returns one per table it changes ({@link Migration#table(TableSchema)}); Portability then passes every
 * row of that table through {@link #apply(Row)}, one at a time, while the archive streams. Every row returned is
 * checked against {@link #result()}: its values against the column types, and NULL against NOT NULL.
 *
 * <pre>{@code
 * TableMigration lowerCaseEmails = TableMigration.of(table,
 *         row -> row.with("email", row.get("email") == null ? null
 *                 : ((String) row.get("email")).toLowerCase(Locale.ROOT)));
 * }</pre>
 *
 * <p>Implementations must be deterministic and free of side effects: the same archive is read more than once
 * (validation, preview, import), and every pass must produce the same rows.
 */
public interface TableMigration {

    /**
     * The table after the step: its name, columns, primary key and foreign keys.
     *
     * @return the table after the step, or null when the step drops the table (its rows are then not read)
     */
    TableSchema result();

    /**
     * Migrates one row.
     *
     * @param row a row of the table as it was before the step
     * @return the row after the step, a row of {@link #result()}; or null to drop the row
     * @throws MigrationException (or any other runtime exception) if the row cannot be migrated; Portability
     *     reports it with the step, table, row and column and imports nothing
     */
    Row apply(Row row);

    /**
     * A migration that maps rows with a function.
     *
     * @param result the table after the step
     * @param rows maps a row before the step to a row of {@code result}, or to null to drop it
     * @return the migration
     */
    static TableMigration of(TableSchema result, UnaryOperator<Row> rows) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(rows, "rows");
        return new TableMigration() {
            @Override
            public TableSchema result() {
                return result;
            }

            @Override
            public Row apply(Row row) {
                return rows.apply(row);
            }
        };
    }

    /**
     * A migration that renames or restructures a table without changing its values: each row's values are taken
     * as they are, in column order, as a row of {@code result}.
     *
     * @param result the table after the step, with as many columns as before, in the same order
     * @return the migration
     */
    static TableMigration reshape(TableSchema result) {
        return of(result, row -> Row.of(result, row.values()));
    }

    /**
     * A migration that drops the table: none of its rows is imported.
     *
     * @return the migration
     */
    static TableMigration drop() {
        return new TableMigration() {
            @Override
            public TableSchema result() {
                return null;
            }

            @Override
            public Row apply(Row row) {
                return null;
            }
        };
    }
}
