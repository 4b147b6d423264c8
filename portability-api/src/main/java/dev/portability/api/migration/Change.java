package dev.portability.api.migration;

import dev.portability.api.Column;
import dev.portability.api.ForeignKey;
import dev.portability.api.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** One change of a built {@link Migration}, with the schema helpers the changes share. */
abstract class Change {

    /** @return what the change does, naming its table and columns */
    abstract String describe();

    /**
     * @param table the table as the earlier changes left it
     * @return how it changes, or null if this change leaves it alone
     * @throws MigrationException if the change does not fit the table
     */
    abstract TableMigration table(TableSchema table);

    MigrationException misfit(String column, String what) {
        return new MigrationException(column, describe() + ": " + what);
    }

    MigrationException failed(String column, RuntimeException e) {
        if (e instanceof MigrationException m) {
            return m;
        }
        return new MigrationException(column, describe() + ": the function threw " + e, e);
    }

    int require(TableSchema table, String column) {
        int at = table.indexOf(column);
        if (at < 0) {
            throw misfit(column, "table " + table.name() + " has no column " + column + "; its columns are "
                    + table.columnNames());
        }
        return at;
    }

    void requireAbsent(TableSchema table, String column, String ignoring) {
        if (table.indexOf(column) >= 0 && !column.equals(ignoring)) {
            throw misfit(column, "table " + table.name() + " already has a column " + column);
        }
    }

    void requireNotKey(TableSchema table, String column) {
        if (table.primaryKey().contains(column)) {
            throw misfit(column, "column " + column + " is part of the primary key " + table.primaryKey()
                    + " of table " + table.name() + "; this change cannot apply to key columns");
        }
    }

    TableSchema schema(String name, List<Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys) {
        TableSchema.Builder builder = TableSchema.builder(name).primaryKey(primaryKey);
        columns.forEach(builder::column);
        foreignKeys.forEach(builder::foreignKey);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new MigrationException(null, describe() + ": the table it produces is invalid: " + e.getMessage(),
                    e);
        }
    }

    TableSchema withColumns(TableSchema table, List<Column> columns, List<String> primaryKey,
            List<ForeignKey> foreignKeys) {
        return schema(table.name(), columns, primaryKey, foreignKeys);
    }

    /**
     * Maps the foreign keys of a table.
     *
     * @param foreignKeys the foreign keys
     * @param map returns the new foreign key, the same one, or null to drop it
     * @return the mapped list
     */
    static List<ForeignKey> mapKeys(List<ForeignKey> foreignKeys, UnaryOperator<ForeignKey> map) {
        List<ForeignKey> out = new ArrayList<>(foreignKeys.size());
        for (ForeignKey fk : foreignKeys) {
            ForeignKey mapped = map.apply(fk);
            if (mapped != null) {
                out.add(mapped);
            }
        }
        return out;
    }

    /**
     * The change of a table that only its foreign keys see (they reference a table or column that changes).
     *
     * @param table the table
     * @param map maps each foreign key, to null to drop it
     * @return the reshaping, or null if no foreign key changes
     */
    TableMigration referencing(TableSchema table, UnaryOperator<ForeignKey> map) {
        List<ForeignKey> keys = mapKeys(table.foreignKeys(), map);
        if (keys.equals(table.foreignKeys())) {
            return null;
        }
        return TableMigration.reshape(schema(table.name(), table.columns(), table.primaryKey(), keys));
    }

    static List<String> replace(List<String> names, String from, String to) {
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(name.equals(from) ? to : name);
        }
        return out;
    }

    static Object[] remove(Object[] values, int at) {
        Object[] out = new Object[values.length - 1];
        System.arraycopy(values, 0, out, 0, at);
        System.arraycopy(values, at + 1, out, at, values.length - at - 1);
        return out;
    }
}
