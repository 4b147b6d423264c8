package dev.portability.api.migration;

import dev.portability.api.Column;
import dev.portability.api.ConfigurationException;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One step of a host application's data schema history: how the tables and rows of an archive written at schema
 * version {@link #fromVersion()} become those of version {@link #toVersion()}.
 *
 * <pre>{@code
 * Migration v1ToV2 = Migration.from(1).to(2)
 *         .renameTable("clients", "customers")
 *         .addColumn("customers", Column.required("status", LogicalType.text(16)), "active")
 *         .build();
 * Portability portability = Portability.builder().application("shop").schemaVersion(2)
 *         .migrations(v1ToV2).store(store).build();
 * }</pre>
 *
 * <p>Write steps with the {@link #from(int)} vocabulary; implement this interface directly only for what the
 * vocabulary cannot say (the builder's {@link Builder#custom(String, Function)} takes a plain
 * {@link TableMigration} for one-off changes, too). Steps name tables and columns as the host's schema had them
 * at {@link #fromVersion()}; a step that names a table the archive does not hold leaves it alone, since an
 * archive may hold a selection of tables.
 *
 * <p>A step must be deterministic and free of side effects: an archive is read more than once (validation,
 * preview, import) and each pass must produce the same rows.
 */
public interface Migration {

    /**
     * Starts a step from a schema version; name the version it leads to with {@link Builder#to(int)}.
     *
     * @param version the schema version the step starts from, 0 or more
     * @return a builder
     * @throws ConfigurationException if {@code version} is negative
     */
    static Builder from(int version) {
        return new Builder(version);
    }

    /** @return the schema version this step migrates from */
    int fromVersion();

    /** @return the schema version this step migrates to, above {@link #fromVersion()} */
    int toVersion();

    /**
     * Describes what the step does, for validation reports, previews and error messages.
     *
     * @return e.g. {@code rename table clients to customers; add column customers.status}
     */
    default String description() {
        return getClass().getSimpleName();
    }

    /**
     * Plans the migration of one table of an archive, before any of its rows is read.
     *
     * @param table the table as it stands at {@link #fromVersion()} (after the earlier steps of the chain)
     * @return how the table and its rows change, or null when this step leaves the table as it is
     * @throws MigrationException if the step does not fit the table (e.g. it renames a column the table lacks)
     */
    TableMigration table(TableSchema table);

    /**
     * Builds a {@link Migration} from a small vocabulary of changes, applied in the order they are added: each
     * change sees the tables as the changes before it left them (rename a table, then add a column to it under
     * its new name). Arguments are checked as they are given; {@link #build()} returns an immutable step.
     */
    final class Builder {
        private final int from;
        private int to = -1;
        private final List<Change> changes = new ArrayList<>();

        private Builder(int from) {
            if (from < 0) {
                throw new ConfigurationException("Migration.from: the version must be 0 or more, was " + from);
            }
            this.from = from;
        }

        /**
         * Sets the schema version the step leads to: usually {@code from + 1}, higher to skip versions whose
         * data did not change.
         *
         * @param version the version, above the one given to {@link Migration#from(int)}
         * @return this builder
         * @throws ConfigurationException if {@code version} is not above the starting version
         */
        public Builder to(int version) {
            if (version <= from) {
                throw new ConfigurationException("Migration.from(" + from + ").to: the version must be above "
                        + from + ", was " + version);
            }
            this.to = version;
            return this;
        }

        /**
         * Renames a table. Foreign keys of other tables that reference it follow the new name.
         *
         * @param table the current name
         * @param newName the new name
         * @return this builder
         */
        public Builder renameTable(String table, String newName) {
            return add(new Changes.RenameTable(name(table, "table"), name(newName, "newName")));
        }

        /**
         * Drops a table: none of its rows is imported.
         *
         * @param table the table
         * @return this builder
         */
        public Builder dropTable(String table) {
            return add(new Changes.DropTable(name(table, "table")));
        }

        /**
         * Declares a table that is new in this version. Archives of older versions hold no rows for it, so an
         * import leaves it as it is (REPLACE replaces the tables the archive holds); an archive that already holds
         * a table of that name is refused.
         *
         * @param table the new table
         * @return this builder
         */
        public Builder addTable(TableSchema table) {
            return add(new Changes.AddTable(Objects.requireNonNull(table, "table")));
        }

        /**
         * Renames a column. The primary key and foreign keys (of this table and of those that reference it)
         * follow the new name.
         *
         * @param table the table
         * @param column the current column name
         * @param newName the new name
         * @return this builder
         */
        public Builder renameColumn(String table, String column, String newName) {
            return add(new Changes.RenameColumn(name(table, "table"), name(column, "column"),
                    name(newName, "newName")));
        }

        /**
         * Adds a column, after the existing ones, holding the same value in every row.
         *
         * @param table the table
         * @param column the new column
         * @param value its value in every row, a canonical Java value of the column's type (see
         *     {@link LogicalType}); null only if the column accepts NULL
         * @return this builder
         * @throws ConfigurationException if {@code value} is null and the column is NOT NULL
         */
        public Builder addColumn(String table, Column column, Object value) {
            Objects.requireNonNull(column, "column");
            if (value == null && !column.nullable()) {
                throw new ConfigurationException(where() + ": addColumn(" + table + ", "
                        + column + ", null): the column is NOT NULL, so its value cannot be null");
            }
            return add(new Changes.AddColumn(name(table, "table"), column, row -> value,
                    "(" + (value == null ? "NULL" : Changes.show(value)) + " in every row)"));
        }

        /**
         * Adds a column, after the existing ones, whose value is computed from each row.
         *
         * @param table the table
         * @param column the new column
         * @param value computes the column's value (a canonical Java value of its type, or null) from a row of
         *     the table as it is before this change
         * @return this builder
         */
        public Builder addComputedColumn(String table, Column column, Function<Row, ?> value) {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(value, "value");
            return add(new Changes.AddColumn(name(table, "table"), column, value, "(computed from each row)"));
        }

        /**
         * Drops a column. It leaves the primary key, and foreign keys that use it are dropped.
         *
         * @param table the table
         * @param column the column
         * @return this builder
         */
        public Builder dropColumn(String table, String column) {
            return add(new Changes.DropColumn(name(table, "table"), name(column, "column")));
        }

        /**
         * Changes the type of a column, converting every non-null value (NULL stays NULL; nullability is kept).
         *
         * @param table the table
         * @param column the column
         * @param type the new type
         * @param conversion converts a non-null value of the old type to a canonical value of the new one (or
         *     null, if the column accepts NULL)
         * @return this builder
         */
        public Builder changeType(String table, String column, LogicalType type, Function<Object, ?> conversion) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(conversion, "conversion");
            return add(new Changes.ChangeType(name(table, "table"), name(column, "column"), type, conversion));
        }

        /**
         * Splits one column into several, which take its place. Example: a full name into first and last name.
         *
         * @param table the table
         * @param column the column to split; it must not be part of the primary key
         * @param into the new columns, in order (their names may reuse {@code column}'s)
         * @param split maps the column's value (possibly null) to one value per new column, in order
         * @return this builder
         */
        public Builder splitColumn(String table, String column, List<Column> into,
                Function<Object, ? extends List<?>> split) {
            List<Column> columns = List.copyOf(into);
            if (columns.isEmpty()) {
                throw new ConfigurationException(where() + ": splitColumn(" + table
                        + ", " + column + "): into is empty; name at least one new column");
            }
            requireDistinct(columns, "splitColumn");
            Objects.requireNonNull(split, "split");
            return add(new Changes.SplitColumn(name(table, "table"), name(column, "column"), columns, split));
        }

        /**
         * Merges several columns into one, which takes the place of the first of them. Example: first and last
         * name into a full name.
         *
         * @param table the table
         * @param columns the columns to merge, none of them part of the primary key
         * @param into the new column (its name may reuse one of {@code columns})
         * @param merge maps the values of {@code columns} (in that order, possibly null) to the new column's value
         * @return this builder
         */
        public Builder mergeColumns(String table, List<String> columns, Column into,
                Function<List<Object>, ?> merge) {
            List<String> merged = List.copyOf(columns);
            if (merged.isEmpty() || new HashSet<>(merged).size() != merged.size()) {
                throw new ConfigurationException(where() + ": mergeColumns(" + table
                        + ", " + merged + "): name at least one column, each once");
            }
            Objects.requireNonNull(into, "into");
            Objects.requireNonNull(merge, "merge");
            return add(new Changes.MergeColumns(name(table, "table"), merged, into, merge));
        }

        /**
         * Changes the values of rows, keeping the table's columns. Example: fill a column from another where it
         * is NULL, {@code row -> row.get("nickname") != null ? row : row.with("nickname", row.get("name"))}.
         *
         * @param table the table
         * @param transform maps a row to a row of the same table (use {@link Row#with(String, Object)})
         * @return this builder
         */
        public Builder transformRows(String table, UnaryOperator<Row> transform) {
            return add(new Changes.TransformRows(name(table, "table"), Objects.requireNonNull(transform,
                    "transform")));
        }

        /**
         * Drops the rows of a table that match a predicate: they are not imported.
         *
         * @param table the table
         * @param predicate true for the rows to drop
         * @return this builder
         */
        public Builder dropRows(String table, Predicate<Row> predicate) {
            return add(new Changes.DropRows(name(table, "table"), Objects.requireNonNull(predicate,
                    "predicate")));
        }

        /**
         * Adds a change the other methods do not cover: {@code change} is asked for every table of the archive
         * (as the earlier changes left it) and returns how that table and its rows change, or null to leave it.
         *
         * @param description what the change does, for reports and messages
         * @param change plans the change of one table
         * @return this builder
         */
        public Builder custom(String description, Function<TableSchema, TableMigration> change) {
            return add(new Changes.Custom(name(description, "description"), Objects.requireNonNull(change,
                    "change")));
        }

        /**
         * Builds the step.
         *
         * @return the immutable step
         * @throws ConfigurationException if {@link #to(int)} was not called
         */
        public Migration build() {
            if (to < 0) {
                throw new ConfigurationException("Migration.from(" + from + "): the target version is not set; "
                        + "call to(" + (from + 1) + ") (or the version the step leads to)");
            }
            return new BuiltMigration(from, to, changes);
        }

        private Builder add(Change change) {
            changes.add(change);
            return this;
        }

        private String name(String value, String argument) {
            Objects.requireNonNull(value, argument);
            if (value.isBlank()) {
                throw new ConfigurationException(where() + ": " + argument + " must not be blank");
            }
            return value;
        }

        private String where() {
            return "Migration.from(" + from + ")";
        }

        private void requireDistinct(List<Column> columns, String method) {
            Set<String> names = new HashSet<>();
            for (Column column : columns) {
                if (!names.add(column.name())) {
                    throw new ConfigurationException(where() + ": " + method + " names column "
                            + column.name() + " twice");
                }
            }
        }
    }
}
