package dev.portability.api.migration;

import dev.portability.api.Column;
import dev.portability.api.ForeignKey;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The changes of the {@link Migration.Builder} vocabulary. */
final class Changes {

    private Changes() {
    }

    /** Renders a value for a description: strings quoted, cut at 40 characters. */
    static String show(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return value instanceof String ? "'" + text + "'" : text;
    }

    static final class RenameTable extends Change {
        private final String table;
        private final String newName;

        RenameTable(String table, String newName) {
            this.table = table;
            this.newName = newName;
        }

        @Override
        String describe() {
            return "rename table " + table + " to " + newName;
        }

        @Override
        TableMigration table(TableSchema t) {
            if (t.name().equals(newName) && !newName.equals(table)) {
                throw misfit(null, "the archive already holds a table named " + newName);
            }
            List<ForeignKey> keys = mapKeys(t.foreignKeys(), fk -> fk.referencedTable().equals(table)
                    ? new ForeignKey(fk.columns(), newName, fk.referencedColumns()) : fk);
            if (t.name().equals(table)) {
                return TableMigration.reshape(schema(newName, t.columns(), t.primaryKey(), keys));
            }
            return keys.equals(t.foreignKeys()) ? null
                    : TableMigration.reshape(schema(t.name(), t.columns(), t.primaryKey(), keys));
        }
    }

    static final class DropTable extends Change {
        private final String table;

        DropTable(String table) {
            this.table = table;
        }

        @Override
        String describe() {
            return "drop table " + table;
        }

        @Override
        TableMigration table(TableSchema t) {
            if (t.name().equals(table)) {
                return TableMigration.drop();
            }
            return referencing(t, fk -> fk.referencedTable().equals(table) ? null : fk);
        }
    }

    static final class AddTable extends Change {
        private final TableSchema added;

        AddTable(TableSchema added) {
            this.added = added;
        }

        @Override
        String describe() {
            return "add table " + added.name() + " (archives of older versions hold no rows for it)";
        }

        @Override
        TableMigration table(TableSchema t) {
            if (t.name().equals(added.name())) {
                throw misfit(null, "the archive already holds a table named " + added.name());
            }
            return null;
        }
    }

    static final class RenameColumn extends Change {
        private final String table;
        private final String column;
        private final String newName;

        RenameColumn(String table, String column, String newName) {
            this.table = table;
            this.column = column;
            this.newName = newName;
        }

        @Override
        String describe() {
            return "rename column " + table + "." + column + " to " + newName;
        }

        @Override
        TableMigration table(TableSchema t) {
            UnaryOperator<ForeignKey> references = fk -> fk.referencedTable().equals(table)
                    ? new ForeignKey(fk.columns(), table, replace(fk.referencedColumns(), column, newName)) : fk;
            if (!t.name().equals(table)) {
                return referencing(t, references);
            }
            int at = require(t, column);
            requireAbsent(t, newName, column);
            List<Column> columns = new ArrayList<>(t.columns());
            Column old = columns.get(at);
            columns.set(at, new Column(newName, old.type(), old.nullable(), old.nativeType()));
            List<ForeignKey> keys = mapKeys(t.foreignKeys(), fk -> references.apply(
                    new ForeignKey(replace(fk.columns(), column, newName), fk.referencedTable(),
                            fk.referencedColumns())));
            return TableMigration.reshape(withColumns(t, columns, replace(t.primaryKey(), column, newName), keys));
        }
    }

    static final class AddColumn extends Change {
        private final String table;
        private final Column column;
        private final Function<Row, ?> value;
        private final String how;

        AddColumn(String table, Column column, Function<Row, ?> value, String how) {
            this.table = table;
            this.column = column;
            this.value = value;
            this.how = how;
        }

        @Override
        String describe() {
            return "add column " + table + "." + column + " " + how;
        }

        @Override
        TableMigration table(TableSchema t) {
            if (!t.name().equals(table)) {
                return null;
            }
            requireAbsent(t, column.name(), null);
            List<Column> columns = new ArrayList<>(t.columns());
            columns.add(column);
            TableSchema result = withColumns(t, columns, t.primaryKey(), t.foreignKeys());
            int n = columns.size();
            return TableMigration.of(result, row -> {
                Object[] values = Arrays.copyOf(row.values(), n);
                try {
                    values[n - 1] = value.apply(row);
                } catch (RuntimeException e) {
                    throw failed(column.name(), e);
                }
                return Row.of(result, values);
            });
        }
    }

    static final class DropColumn extends Change {
        private final String table;
        private final String column;

        DropColumn(String table, String column) {
            this.table = table;
            this.column = column;
        }

        @Override
        String describe() {
            return "drop column " + table + "." + column;
        }

        @Override
        TableMigration table(TableSchema t) {
            UnaryOperator<ForeignKey> references = fk -> fk.referencedTable().equals(table)
                    && fk.referencedColumns().contains(column) ? null : fk;
            if (!t.name().equals(table)) {
                return referencing(t, references);
            }
            int at = require(t, column);
            List<Column> columns = new ArrayList<>(t.columns());
            columns.remove(at);
            if (columns.isEmpty()) {
                throw misfit(column, "it is the only column of table " + table + "; drop the table instead");
            }
            List<String> key = new ArrayList<>(t.primaryKey());
            key.remove(column);
            List<ForeignKey> keys = mapKeys(t.foreignKeys(),
                    fk -> fk.columns().contains(column) ? null : references.apply(fk));
            TableSchema result = withColumns(t, columns, key, keys);
            return TableMigration.of(result, row -> Row.of(result, remove(row.values(), at)));
        }
    }

    static final class ChangeType extends Change {
        private final String table;
        private final String column;
        private final LogicalType type;
        private final Function<Object, ?> conversion;

        ChangeType(String table, String column, LogicalType type, Function<Object, ?> conversion) {
            this.table = table;
            this.column = column;
            this.type = type;
            this.conversion = conversion;
        }

        @Override
        String describe() {
            return "change the type of " + table + "." + column + " to " + type;
        }

        @Override
        TableMigration table(TableSchema t) {
            if (!t.name().equals(table)) {
                return null;
            }
            int at = require(t, column);
            List<Column> columns = new ArrayList<>(t.columns());
            // the column still comes from its database: its native values stay its engine's where the type holds them
            columns.set(at, new Column(column, type, columns.get(at).nullable(), columns.get(at).nativeType()));
            TableSchema result = withColumns(t, columns, t.primaryKey(), t.foreignKeys());
            return TableMigration.of(result, row -> {
                Object[] values = row.values();
                if (values[at] != null) {
                    try {
                        values[at] = conversion.apply(values[at]);
                    } catch (RuntimeException e) {
                        throw failed(column, e);
                    }
                }
                return Row.of(result, values);
            });
        }
    }

    static final class SplitColumn extends Change {
        private final String table;
        private final String column;
        private final List<Column> into;
        private final Function<Object, ? extends List<?>> split;

        SplitColumn(String table, String column, List<Column> into, Function<Object, ? extends List<?>> split) {
            this.table = table;
            this.column = column;
            this.into = into;
            this.split = split;
        }

        @Override
        String describe() {
            List<String> names = new ArrayList<>();
            into.forEach(c -> names.add(c.name()));
            return "split column " + table + "." + column + " into " + String.join(", ", names);
        }

        @Override
        TableMigration table(TableSchema t) {
            UnaryOperator<ForeignKey> references = fk -> fk.referencedTable().equals(table)
                    && fk.referencedColumns().contains(column) ? null : fk;
            if (!t.name().equals(table)) {
                return referencing(t, references);
            }
            int at = require(t, column);
            requireNotKey(t, column);
            for (Column c : into) {
                requireAbsent(t, c.name(), column);
            }
            List<Column> columns = new ArrayList<>(t.columns());
            columns.remove(at);
            columns.addAll(at, into);
            List<ForeignKey> keys = mapKeys(t.foreignKeys(),
                    fk -> fk.columns().contains(column) ? null : references.apply(fk));
            TableSchema result = withColumns(t, columns, t.primaryKey(), keys);
            int width = into.size();
            return TableMigration.of(result, row -> {
                Object[] values = row.values();
                List<?> parts;
                try {
                    parts = split.apply(values[at]);
                } catch (RuntimeException e) {
                    throw failed(column, e);
                }
                if (parts == null || parts.size() != width) {
                    throw new MigrationException(column, describe() + ": the function returned "
                            + (parts == null ? "null" : parts.size() + (parts.size() == 1 ? " value" : " values")) + " for " + width + " columns");
                }
                Object[] out = new Object[values.length - 1 + width];
                System.arraycopy(values, 0, out, 0, at);
                for (int i = 0; i < width; i++) {
                    out[at + i] = parts.get(i);
                }
                System.arraycopy(values, at + 1, out, at + width, values.length - at - 1);
                return Row.of(result, out);
            });
        }
    }

    static final class MergeColumns extends Change {
        private final String table;
        private final List<String> columns;
        private final Column into;
        private final Function<List<Object>, ?> merge;

        MergeColumns(String table, List<String> columns, Column into, Function<List<Object>, ?> merge) {
            this.table = table;
            this.columns = columns;
            this.into = into;
            this.merge = merge;
        }

        @Override
        String describe() {
            return "merge columns " + table + "." + String.join(", " + table + ".", columns) + " into "
                    + into.name();
        }

        @Override
        TableMigration table(TableSchema t) {
            UnaryOperator<ForeignKey> references = fk -> {
                if (fk.referencedTable().equals(table)) {
                    for (String c : columns) {
                        if (fk.referencedColumns().contains(c)) {
                            return null;
                        }
                    }
                }
                return fk;
            };
            if (!t.name().equals(table)) {
                return referencing(t, references);
            }
            int[] indexes = new int[columns.size()];
            boolean[] merged = new boolean[t.columns().size()];
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = require(t, columns.get(i));
                requireNotKey(t, columns.get(i));
                merged[indexes[i]] = true;
            }
            if (!columns.contains(into.name())) {
                requireAbsent(t, into.name(), null);
            }
            int position = Arrays.stream(indexes).min().orElseThrow();
            List<Column> out = new ArrayList<>();
            for (int i = 0; i < merged.length; i++) {
                if (i == position) {
                    out.add(into);
                } else if (!merged[i]) {
                    out.add(t.columns().get(i));
                }
            }
            List<ForeignKey> keys = mapKeys(t.foreignKeys(), fk -> {
                for (String c : columns) {
                    if (fk.columns().contains(c)) {
                        return null;
                    }
                }
                return references.apply(fk);
            });
            TableSchema result = withColumns(t, out, t.primaryKey(), keys);
            return TableMigration.of(result, row -> {
                Object[] values = row.values();
                Object[] parts = new Object[indexes.length];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = values[indexes[i]];
                }
                Object value;
                try {
                    value = merge.apply(Collections.unmodifiableList(Arrays.asList(parts)));
                } catch (RuntimeException e) {
                    throw failed(into.name(), e);
                }
                Object[] next = new Object[out.size()];
                int j = 0;
                for (int i = 0; i < values.length; i++) {
                    if (i == position) {
                        next[j++] = value;
                    } else if (!merged[i]) {
                        next[j++] = values[i];
                    }
                }
                return Row.of(result, next);
            });
        }
    }

    static final class TransformRows extends Change {
        private final String table;
        private final UnaryOperator<Row> transform;

        TransformRows(String table, UnaryOperator<Row> transform) {
            this.table = table;
            this.transform = transform;
        }

        @Override
        String describe() {
            return "transform the rows of " + table;
        }

        @Override
        TableMigration table(TableSchema t) {
            if (!t.name().equals(table)) {
                return null;
            }
            return TableMigration.of(t, row -> {
                Row out;
                try {
                    out = transform.apply(row);
                } catch (RuntimeException e) {
                    throw failed(null, e);
                }
                if (out == null) {
                    throw new MigrationException(null, describe() + ": the function returned null; drop rows with "
                            + "dropRows");
                }
                if (out.schema() != t && !out.schema().equals(t)) {
                    throw new MigrationException(null, describe() + ": the function returned a row of "
                            + out.schema() + ", not of the table it was given; use Row.with(column, value)");
                }
                return out;
            });
        }
    }

    static final class DropRows extends Change {
        private final String table;
        private final Predicate<Row> predicate;

        DropRows(String table, Predicate<Row> predicate) {
            this.table = table;
            this.predicate = predicate;
        }

        @Override
        String describe() {
            return "drop the rows of " + table + " that match a condition";
        }

        @Override
        TableMigration table(TableSchema t) {
            if (!t.name().equals(table)) {
                return null;
            }
            return TableMigration.of(t, row -> {
                try {
                    return predicate.test(row) ? null : row;
                } catch (RuntimeException e) {
                    throw failed(null, e);
                }
            });
        }
    }

    static final class Custom extends Change {
        private final String description;
        private final Function<TableSchema, TableMigration> change;

        Custom(String description, Function<TableSchema, TableMigration> change) {
            this.description = description;
            this.change = change;
        }

        @Override
        String describe() {
            return description;
        }

        @Override
        TableMigration table(TableSchema t) {
            TableMigration migration;
            try {
                migration = change.apply(t);
            } catch (RuntimeException e) {
                throw failed(null, e);
            }
            if (migration == null) {
                return null;
            }
            return new TableMigration() {
                @Override
                public TableSchema result() {
                    return migration.result();
                }

                @Override
                public Row apply(Row row) {
                    try {
                        return migration.apply(row);
                    } catch (RuntimeException e) {
                        throw failed(null, e);
                    }
                }
            };
        }
    }
}
