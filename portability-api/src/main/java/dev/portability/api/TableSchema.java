package dev.portability.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a table holds: its name, its columns in order, its primary key and its foreign keys.
 *
 * <p>Immutable. Build one with {@link #builder(String)}:
 *
 * <pre>{@code
 * TableSchema orders = TableSchema.builder("orders")
 *         .column("id", LogicalType.integer(), false)
 *         .column("customer_id", LogicalType.integer(), false)
 *         .column("total", LogicalType.decimal(12, 2), true)
 *         .primaryKey("id")
 *         .foreignKey(ForeignKey.of("customer_id", "customers", "id"))
 *         .build();
 * }</pre>
 */
public final class TableSchema {

    private final String name;
    private final List<Column> columns;
    private final List<String> primaryKey;
    private final List<ForeignKey> foreignKeys;
    private final Map<String, Integer> indexByName;
    private final int[] keyIndexes;

    private TableSchema(String name, List<Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.primaryKey = List.copyOf(primaryKey);
        this.foreignKeys = List.copyOf(foreignKeys);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (index.put(this.columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException(
                        "table " + name + " declares column " + this.columns.get(i).name() + " twice");
            }
        }
        this.indexByName = Collections.unmodifiableMap(index);
        this.keyIndexes = new int[this.primaryKey.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keyIndexes.length; i++) {
            String keyColumn = this.primaryKey.get(i);
            Integer at = index.get(keyColumn);
            if (at == null) {
                throw new IllegalArgumentException("primary key column " + keyColumn + " of table " + name
                        + " is not one of its columns " + columnNames());
            }
            if (!seen.add(keyColumn)) {
                throw new IllegalArgumentException("primary key of table " + name + " names " + keyColumn + " twice");
            }
            keyIndexes[i] = at;
        }
        for (ForeignKey fk : this.foreignKeys) {
            for (String column : fk.columns()) {
                if (!index.containsKey(column)) {
                    throw new IllegalArgumentException("foreign key column " + column + " of table " + name
                            + " is not one of its columns " + columnNames());
                }
            }
        }
    }

    /**
     * Starts a schema for the named table.
     *
     * @param name the table name, as the host names it
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the table name */
    public String name() {
        return name;
    }

    /** @return the columns, in order */
    public List<Column> columns() {
        return columns;
    }

    /** @return the names of the columns, in order */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column column : columns) {
            names.add(column.name());
        }
        return names;
    }

    /** @return the primary key column names, in key order; empty if the table has no primary key */
    public List<String> primaryKey() {
        return primaryKey;
    }

    /** @return whether the table has a primary key */
    public boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }

    /** @return the foreign keys of this table */
    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /** @return the names of the tables this table references, without duplicates, self-references included */
    public Set<String> referencedTables() {
        Set<String> tables = new java.util.LinkedHashSet<>();
        for (ForeignKey fk : foreignKeys) {
            tables.add(fk.referencedTable());
        }
        return Collections.unmodifiableSet(tables);
    }

    /**
     * The position of a column.
     *
     * @param column the column name
     * @return its index in {@link #columns()}, or -1 if the table has no such column
     */
    public int indexOf(String column) {
        Integer at = indexByName.get(column);
        return at == null ? -1 : at;
    }

    /**
     * A column by name.
     *
     * @param column the column name
     * @return the column, if the table has it
     */
    public Optional<Column> column(String column) {
        int at = indexOf(column);
        return at < 0 ? Optional.empty() : Optional.of(columns.get(at));
    }

    /**
     * The primary key of a row of this table.
     *
     * @param row a row of this table
     * @return its key
     * @throws IllegalStateException if the table has no primary key
     */
    public Key keyOf(Row row) {
        if (keyIndexes.length == 0) {
            throw new IllegalStateException("table " + name + " has no primary key");
        }
        Object[] values = new Object[keyIndexes.length];
        for (int i = 0; i < keyIndexes.length; i++) {
            values[i] = row.get(keyIndexes[i]);
        }
        return Key.of(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSchema other
                && name.equals(other.name)
                && columns.equals(other.columns)
                && primaryKey.equals(other.primaryKey)
                && foreignKeys.equals(other.foreignKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, columns, primaryKey, foreignKeys);
    }

    @Override
    public String toString() {
        return name + columns + (primaryKey.isEmpty() ? "" : " PRIMARY KEY " + primaryKey);
    }

    /** Builds a {@link TableSchema}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final List<String> primaryKey = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("table name must not be blank");
            }
            this.name = name;
        }

        /**
         * Adds a column.
         *
         * @param column the column
         * @return this builder
         */
        public Builder column(Column column) {
            columns.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        /**
         * Adds a column.
         *
         * @param name the column name
         * @param type its logical type
         * @param nullable whether it accepts NULL
         * @return this builder
         */
        public Builder column(String name, LogicalType type, boolean nullable) {
            return column(new Column(name, type, nullable));
        }

        /**
         * Sets the primary key.
         *
         * @param columns the key columns, in key order
         * @return this builder
         */
        public Builder primaryKey(String... columns) {
            return primaryKey(List.of(columns));
        }

        /**
         * Sets the primary key.
         *
         * @param columns the key columns, in key order
         * @return this builder
         */
        public Builder primaryKey(List<String> columns) {
            primaryKey.clear();
            primaryKey.addAll(columns);
            return this;
        }

        /**
         * Adds a foreign key.
         *
         * @param foreignKey the foreign key
         * @return this builder
         */
        public Builder foreignKey(ForeignKey foreignKey) {
            foreignKeys.add(Objects.requireNonNull(foreignKey, "foreignKey"));
            return this;
        }

        /**
         * Builds the schema.
         *
         * @return the immutable schema
         * @throws IllegalArgumentException if the table has no columns, a column twice, or a key or foreign key
         *     names a column it does not have
         */
        public TableSchema build() {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("table " + name + " needs at least one column");
            }
            return new TableSchema(name, columns, primaryKey, foreignKeys);
        }
    }
}
