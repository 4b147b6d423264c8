package dev.portability.jdbc.internal;

import dev.portability.api.Column;
import dev.portability.api.ColumnException;
import dev.portability.api.ConfigurationException;
import dev.portability.api.ErrorCode;
import dev.portability.api.ForeignKey;
import dev.portability.api.TableSchema;
import dev.portability.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads tables, columns, primary keys and foreign keys from JDBC metadata and builds one {@link JdbcTable} per
 * base table. Names the database folds to upper case (H2) are given in lower case, so that an archive moves
 * between databases that fold differently.
 */
public final class Discovery {

    /** Tables of schema-migration tools, left out unless included by name. */
    public static final Set<String> MIGRATION_TOOL_TABLES =
            Set.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE", "PARTITIONED TABLE");

    /** PostgreSQL's foreign tables: discovered only when {@code include} names them. */
    private static final String FOREIGN_TABLE = "FOREIGN TABLE";

    /**
     * What to discover.
     *
     * @param schema the schema, or null for the connection's current one
     * @param include glob patterns of table names to take (empty: all)
     * @param exclude glob patterns of table names to leave out
     * @param dialect the forced dialect, or null to detect it
     * @param primaryKeys primary keys declared by the host, by table
     * @param skippedColumns columns to leave out, by table
     * @param skipUnsupported whether a column of a type we cannot carry is skipped (true) or an error (false)
     */
    public record Settings(String schema, List<String> include, List<String> exclude, JdbcDialect dialect,
            Map<String, List<String>> primaryKeys, Map<String, Set<String>> skippedColumns,
            boolean skipUnsupported) {
    }

    /**
     * The discovered tables.
     *
     * @param dialect the dialect in use
     * @param tables the tables
     */
    public record Result(Dialect dialect, List<JdbcTable> tables) {
    }

    private Discovery() {
    }

    /**
     * Discovers the tables.
     *
     * @param connection a connection
     * @param settings what to discover
     * @return the tables
     * @throws SQLException if metadata cannot be read
     * @throws ColumnException if a column's type cannot be carried ({@link ErrorCode#UNSUPPORTED_COLUMN})
     * @throws ConfigurationException if a setting names an unknown table or column
     */
    public static Result discover(Connection connection, Settings settings) throws SQLException {
        JdbcDialect kind = settings.dialect() != null ? settings.dialect() : Dialect.detect(connection);
        if (kind == null) {
            throw new ConfigurationException("dialect: database '" + connection.getMetaData()
                    .getDatabaseProductName() + "' is not one we know (H2, PostgreSQL, MariaDB, MySQL); force "
                    + "the closest one with dialect(...)");
        }
        Dialect dialect = Dialect.of(kind);
        DatabaseMetaData meta = connection.getMetaData();
        boolean folds = meta.storesUpperCaseIdentifiers();
        String catalog;
        String schema;
        if (kind == JdbcDialect.MARIADB) {
            catalog = settings.schema() != null ? settings.schema() : connection.getCatalog();
            schema = null;
        } else {
            catalog = connection.getCatalog();
            schema = settings.schema() != null ? settings.schema() : connection.getSchema();
        }
        Dialect.Hints hints = dialect.hints(connection, catalog, schema);
        Map<String, String> sqlNameByLogical = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(catalog, schema == null ? null : escape(meta, schema), "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String sqlName = rs.getString("TABLE_NAME");
                boolean foreign = FOREIGN_TABLE.equalsIgnoreCase(type);
                if (type == null || !TABLE_TYPES.contains(type.toUpperCase(Locale.ROOT)) && !foreign
                        || hints.excludedTables().contains(sqlName)) {
                    continue;
                }
                String logical = logical(sqlName, folds);
                if (foreign && !settings.include().contains(logical)) {
                    continue; // like pg_dump, foreign tables only when named (and then they cannot roll back)
                }
                if (selected(logical, settings)) {
                    sqlNameByLogical.put(logical, sqlName);
                }
            }
        }
        requireKnown(settings.primaryKeys().keySet(), sqlNameByLogical.keySet(), "primaryKey");
        requireKnown(settings.skippedColumns().keySet(), sqlNameByLogical.keySet(), "skipColumn");

        String qualifier = schema != null ? dialect.quote(schema) + "." : catalog != null
                && kind == JdbcDialect.MARIADB ? dialect.quote(catalog) + "." : "";
        List<JdbcTable> tables = new ArrayList<>();
        Map<String, Map<String, JdbcColumn>> columnsByTable = new HashMap<>();
        Map<String, TableSchema.Builder> builders = new LinkedHashMap<>();
        Map<String, List<JdbcColumn>> columnLists = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String>> primaryKeys = kind == JdbcDialect.POSTGRESQL && schema != null
                ? primaryKeys(meta, catalog, schema, folds) : null;
        for (Map.Entry<String, String> entry : sqlNameByLogical.entrySet()) {
            String logical = entry.getKey();
            String sqlName = entry.getValue();
            TableSchema.Builder builder = TableSchema.builder(logical);
            List<JdbcColumn> columns = columns(meta, dialect, hints, catalog, schema, logical, sqlName, folds,
                    settings);
            Map<String, JdbcColumn> byName = new HashMap<>();
            for (JdbcColumn column : columns) {
                builder.column(column.column());
                byName.put(column.column().name(), column);
            }
            builder.primaryKey(primaryKey(meta, catalog, schema, logical, sqlName, folds, settings, byName,
                    primaryKeys));
            builders.put(logical, builder);
            columnLists.put(logical, columns);
            columnsByTable.put(logical, byName);
        }
        Map<String, List<ForeignKey>> foreignKeys = new HashMap<>();
        Map<String, Set<ForeignKey>> deferrable = new HashMap<>();
        for (Map.Entry<String, String> entry : sqlNameByLogical.entrySet()) {
            Set<ForeignKey> deferrableKeys = new java.util.HashSet<>();
            List<ForeignKey> fks = foreignKeys(meta, catalog, schema, entry.getValue(), folds,
                    columnsByTable, columnsByTable.get(entry.getKey()), deferrableKeys);
            deferrable.put(entry.getKey(), deferrableKeys);
            fks.forEach(builders.get(entry.getKey())::foreignKey);
            foreignKeys.put(entry.getKey(), fks);
        }
        for (Map.Entry<String, TableSchema.Builder> entry : builders.entrySet()) {
            String logical = entry.getKey();
            String sqlName = sqlNameByLogical.get(logical);
            JdbcTable table = new JdbcTable(entry.getValue().build(), dialect, schema != null ? schema : catalog,
                    sqlName, qualifier + dialect.quote(sqlName), columnLists.get(logical));
            table.deferrableForeignKeys(deferrable.get(logical));
            tables.add(table);
        }
        Dialect.Storage storage = dialect.storage(connection, catalog, schema);
        Map<String, Set<String>> referencing = OutsideRows.referencing(connection, dialect, catalog, schema,
                sqlNameByLogical.values());
        for (JdbcTable table : tables) {
            table.traits(storage.only(table.sqlName()), storage.nonTransactional().get(table.sqlName()),
                    referencing.get(table.sqlName()));
        }
        return new Result(dialect, tables);
    }

    private static String escape(DatabaseMetaData meta, String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static String logical(String sqlName, boolean folds) {
        return folds && sqlName.equals(sqlName.toUpperCase(Locale.ROOT)) ? sqlName.toLowerCase(Locale.ROOT)
                : sqlName;
    }

    private static boolean selected(String table, Settings settings) {
        String lower = table.toLowerCase(Locale.ROOT);
        boolean includedByName = false;
        if (!settings.include().isEmpty()) {
            for (String pattern : settings.include()) {
                if (glob(pattern).matcher(table).matches()) {
                    includedByName = !pattern.contains("*") && !pattern.contains("?");
                    break;
                }
            }
            if (settings.include().stream().noneMatch(p -> glob(p).matcher(table).matches())) {
                return false;
            }
        }
        if (MIGRATION_TOOL_TABLES.contains(lower) && !includedByName) {
            return false;
        }
        return settings.exclude().stream().noneMatch(p -> glob(p).matcher(table).matches());
    }

    /**
     * A case-insensitive glob: {@code *} any characters, {@code ?} one character.
     *
     * @param pattern the glob
     * @return the regular expression
     */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static void requireKnown(Set<String> named, Set<String> tables, String setting) {
        for (String table : named) {
            if (!tables.contains(table)) {
                throw new ConfigurationException(setting + ": no discovered table is named '" + table
                        + "'; discovered tables are " + tables);
            }
        }
    }

    private static List<JdbcColumn> columns(DatabaseMetaData meta, Dialect dialect, Dialect.Hints hints,
            String catalog, String schema, String table, String sqlTable, boolean folds, Settings settings)
            throws SQLException {
        Set<String> skipped = settings.skippedColumns().getOrDefault(table, Set.of());
        TreeMap<Integer, JdbcColumn> columns = new TreeMap<>();
        Set<String> seen = new java.util.LinkedHashSet<>();
        try (ResultSet rs = meta.getColumns(catalog, schema == null ? null : escape(meta, schema),
                escape(meta, sqlTable), "%")) {
            while (rs.next()) {
                String sqlName = rs.getString("COLUMN_NAME");
                String name = logical(sqlName, folds);
                seen.add(name);
                if (skipped.contains(name)) {
                    continue;
                }
                if (yes(rs, "IS_GENERATEDCOLUMN")) {
                    continue; // computed from other columns: neither exported nor written
                }
                Dialect.ColumnInfo info = new Dialect.ColumnInfo(table, sqlTable, name, sqlName,
                        rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS"), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        rs.getString("COLUMN_DEF"), yes(rs, "IS_AUTOINCREMENT"));
                Dialect.Mapping mapping = dialect.map(info, hints);
                if (mapping == null) {
                    if (settings.skipUnsupported()) {
                        continue;
                    }
                    String why = dialect.whyNotCarried(info);
                    throw new ColumnException(ErrorCode.UNSUPPORTED_COLUMN, table, name, "table " + table
                            + ", column " + name + ": type '" + info.typeName() + "' (JDBC type " + info.sqlType()
                            + ") cannot be carried by an archive" + (why == null ? "." : ": " + why + "."),
                            "Leave the column out with skipColumn(\"" + table + "\", \"" + name + "\"), the table "
                            + "with exclude(\"" + table + "\"), or every such column with skipUnsupportedColumns(). "
                            + "docs/jdbc-types.md lists the types that can be carried.", null);
                }
                boolean always = hints.alwaysIdentity().contains(Dialect.Hints.key(sqlTable, sqlName));
                columns.put(rs.getInt("ORDINAL_POSITION"), new JdbcColumn(
                        new Column(name, mapping.type(), info.nullable(), dialect.nativeType(info, hints)), sqlName,
                        info.typeName(), dialect.withLimits(info, hints, mapping), info.autoIncrement() || always,
                        always, info.defaultValue()));
            }
        }
        for (String column : skipped) {
            if (!seen.contains(column)) {
                throw new ConfigurationException("skipColumn: table " + table + " has no column '" + column
                        + "'; its columns are " + seen);
            }
        }
        if (columns.isEmpty()) {
            throw new ConfigurationException("table " + table + " has no column that can be exported; exclude "
                    + "it with exclude(\"" + table + "\")");
        }
        return new ArrayList<>(columns.values());
    }

    private static boolean yes(ResultSet rs, String column) {
        try {
            return "YES".equalsIgnoreCase(rs.getString(column));
        } catch (SQLException e) {
            return false; // a driver without this column
        }
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String catalog, String schema, String table,
            String sqlTable, boolean folds, Settings settings, Map<String, JdbcColumn> columns,
            Map<String, TreeMap<Integer, String>> schemaKeys) throws SQLException {
        List<String> declared = settings.primaryKeys().get(table);
        if (declared != null) {
            for (String column : declared) {
                if (!columns.containsKey(column)) {
                    throw new ConfigurationException("primaryKey: table " + table + " has no column '" + column
                            + "'; its columns are " + columns.keySet());
                }
            }
            return declared;
        }
        TreeMap<Integer, String> key = new TreeMap<>();
        if (schemaKeys != null) {
            key = schemaKeys.getOrDefault(sqlTable, key);
        } else {
            try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, sqlTable)) {
                while (rs.next()) {
                    key.put(rs.getInt("KEY_SEQ"), logical(rs.getString("COLUMN_NAME"), folds));
                }
            }
        }
        List<String> names = new ArrayList<>(key.values());
        return columns.keySet().containsAll(names) ? names : List.of();
    }

    /**
     * The primary keys of every table of a schema with one metadata query (PostgreSQL's driver takes a null table
     * as every table): one query per table costs a round trip each, which adds up over thousands of tables.
     */
    private static Map<String, TreeMap<Integer, String>> primaryKeys(DatabaseMetaData meta, String catalog,
            String schema, boolean folds) throws SQLException {
        Map<String, TreeMap<Integer, String>> keys = new HashMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, null)) {
            while (rs.next()) {
                if (schema.equals(rs.getString("TABLE_SCHEM"))) {
                    keys.computeIfAbsent(rs.getString("TABLE_NAME"), t -> new TreeMap<>())
                            .put(rs.getInt("KEY_SEQ"), logical(rs.getString("COLUMN_NAME"), folds));
                }
            }
        }
        return keys;
    }

    private static List<ForeignKey> foreignKeys(DatabaseMetaData meta, String catalog, String schema,
            String sqlTable, boolean folds, Map<String, Map<String, JdbcColumn>> tables,
            Map<String, JdbcColumn> own, Set<ForeignKey> deferrable) throws SQLException {
        Map<String, TreeMap<Integer, String[]>> byName = new LinkedHashMap<>();
        Set<String> deferrableNames = new java.util.HashSet<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, sqlTable)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME") + "/" + rs.getString("PKTABLE_NAME");
                if (rs.getShort("DEFERRABILITY") != DatabaseMetaData.importedKeyNotDeferrable) {
                    deferrableNames.add(name);
                }
                byName.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getInt("KEY_SEQ"), new String[] {
                    logical(rs.getString("FKCOLUMN_NAME"), folds), logical(rs.getString("PKTABLE_NAME"), folds),
                    logical(rs.getString("PKCOLUMN_NAME"), folds)});
            }
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, String[]>> named : byName.entrySet()) {
            TreeMap<Integer, String[]> parts = named.getValue();
            List<String> columns = new ArrayList<>();
            List<String> referenced = new ArrayList<>();
            String referencedTable = null;
            for (String[] part : parts.values()) {
                columns.add(part[0]);
                referencedTable = part[1];
                referenced.add(part[2]);
            }
            if (tables.containsKey(referencedTable) && own.keySet().containsAll(columns)) {
                ForeignKey fk = new ForeignKey(columns, referencedTable, referenced);
                fks.add(fk);
                if (deferrableNames.contains(named.getKey())) {
                    deferrable.add(fk); // DEFERRABLE (PostgreSQL): checked at commit, see Dialect#beginWrite
                }
            }
        }
        return fks;
    }
}
