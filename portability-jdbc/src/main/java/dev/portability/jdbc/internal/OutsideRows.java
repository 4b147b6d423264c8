package dev.portability.jdbc.internal;

import dev.portability.api.Key;
import dev.portability.api.OutsideChange;
import dev.portability.api.OutsideChange.Action;
import dev.portability.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Foreign keys that reach into an imported table from outside the import: which tables reference a table (at
 * discovery), and what deleting some rows of imported tables would do to rows outside the import. The second
 * follows {@code ON DELETE CASCADE} transitively through outside tables, counts each outside row once per action,
 * and reads every table that references another through standard JDBC metadata ({@code getExportedKeys}; on
 * PostgreSQL its catalogue, where a key that references a partition counts for the partitioned table), so tables
 * the store does not export and tables of other schemas count too.
 */
public final class OutsideRows {

    /** Most rows named in one statement. */
    private static final int ROWS_PER_QUERY = 500;

    private final Connection connection;
    private final Dialect dialect;
    private final DatabaseMetaData meta;
    private final boolean folds;
    private final String ownCatalog;
    private final String ownSchema;
    private final Map<String, List<Reference>> references = new HashMap<>();
    private final Map<String, List<String>> primaryKeys = new HashMap<>();
    private final Map<String, String> fromClauses = new HashMap<>();

    private OutsideRows(Connection connection, Dialect dialect, String ownCatalog, String ownSchema)
            throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.meta = connection.getMetaData();
        this.folds = meta.storesUpperCaseIdentifiers();
        this.ownCatalog = ownCatalog;
        this.ownSchema = ownSchema;
    }

    /**
     * A table as the database knows it.
     *
     * @param catalog its catalog (MariaDB: database)
     * @param schema its schema, or null (MariaDB)
     * @param name its name
     */
    record TableRef(String catalog, String schema, String name) {
        String id() {
            return catalog + "\u0000" + schema + "\u0000" + name;
        }
    }

    /** A foreign key of {@code child} whose columns reference {@code referenced} columns, with its delete rule. */
    private record Reference(TableRef child, List<String> columns, List<String> referenced, Action action) {
    }

    /**
     * Names the tables that reference a table with a foreign key, as {@link dev.portability.api.spi.TableAdapter
     * #referencingTables()} says: by their logical name in the same schema, schema-qualified otherwise.
     *
     * @param connection a connection
     * @param dialect the dialect
     * @param catalog the catalog discovery reads
     * @param schema the schema discovery reads (null on MariaDB)
     * @param sqlName the table's name in the database
     * @return the names
     * @throws SQLException if the metadata cannot be read
     */
    public static Set<String> referencing(Connection connection, Dialect dialect, String catalog, String schema,
            String sqlName) throws SQLException {
        OutsideRows rows = new OutsideRows(connection, dialect, catalog, schema);
        Set<String> names = new LinkedHashSet<>();
        for (Reference reference : rows.references(rows.normalized(catalog, schema, sqlName))) {
            names.add(rows.display(reference.child()));
        }
        return names;
    }

    /**
     * Names the tables that reference each of a schema's tables, as {@link #referencing} does for one, with one
     * catalogue query for the whole schema on PostgreSQL, else one metadata query per table: a query per table
     * costs a round trip and, on PostgreSQL, a scan of the catalogue's foreign keys each, which dominates the
     * discovery of a schema of thousands of tables.
     *
     * @param connection a connection
     * @param dialect the dialect
     * @param catalog the catalog discovery reads
     * @param schema the schema discovery reads (null on MariaDB)
     * @param sqlNames the tables' names in the database
     * @return per table name, the names of the tables that reference it (none: an empty set)
     * @throws SQLException if the metadata cannot be read
     */
    public static Map<String, Set<String>> referencing(Connection connection, Dialect dialect, String catalog,
            String schema, java.util.Collection<String> sqlNames) throws SQLException {
        Map<String, Set<String>> byTable = new LinkedHashMap<>();
        if (dialect.kind() != JdbcDialect.POSTGRESQL || schema == null) {
            for (String sqlName : sqlNames) {
                byTable.put(sqlName, referencing(connection, dialect, catalog, schema, sqlName));
            }
            return byTable;
        }
        OutsideRows rows = new OutsideRows(connection, dialect, catalog, schema);
        Set<String> wanted = new HashSet<>(sqlNames);
        sqlNames.forEach(name -> byTable.put(name, new LinkedHashSet<>()));
        try (PreparedStatement ps = connection.prepareStatement(POSTGRES_SCHEMA_REFERENCES)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(rs.getString(1))) {
                        byTable.get(rs.getString(1)).add(rows.display(rows.normalized(null, rs.getString(2),
                                rs.getString(3))));
                    }
                }
            }
        }
        return byTable;
    }

    /**
     * Says what deleting rows of imported tables would do to rows outside the import.
     *
     * @param connection the unit of work's connection
     * @param dialect the dialect
     * @param imported the imported tables by name
     * @param deleted per imported table, the keys of the rows to delete
     * @return one change per outside table, action and imported table, in the order found
     * @throws SQLException if the database refuses
     */
    public static List<OutsideChange> of(Connection connection, Dialect dialect, Map<String, JdbcTable> imported,
            Map<String, List<Key>> deleted) throws SQLException {
        if (deleted.isEmpty()) {
            return List.of();
        }
        JdbcTable any = imported.values().iterator().next();
        String catalog = dialect.kind() == JdbcDialect.MARIADB ? any.sqlSchema() : connection.getCatalog();
        String schema = dialect.kind() == JdbcDialect.MARIADB ? null : any.sqlSchema();
        return new OutsideRows(connection, dialect, catalog, schema).changes(imported, deleted);
    }

    private List<OutsideChange> changes(Map<String, JdbcTable> imported, Map<String, List<Key>> deleted)
            throws SQLException {
        Set<String> importedIds = new HashSet<>();
        for (JdbcTable table : imported.values()) {
            importedIds.add(ref(table).id());
        }
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        // each outside row counted once per action, whichever imported table leads to it
        Map<String, Set<List<Object>>> seen = new HashMap<>();
        for (Map.Entry<String, List<Key>> entry : deleted.entrySet()) {
            JdbcTable table = imported.get(entry.getKey());
            Deque<Pending> queue = new ArrayDeque<>();
            List<Key> keys = entry.getValue();
            for (int from = 0; from < keys.size(); from += ROWS_PER_QUERY) {
                List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + ROWS_PER_QUERY));
                queue.add(new Pending(ref(table), table.from(), table.keyIn(chunk.size()), ps -> table.bindKeys(ps,
                        chunk)));
            }
            while (!queue.isEmpty()) {
                Pending parent = queue.poll();
                for (Reference reference : references(parent.table())) {
                    if (importedIds.contains(reference.child().id())) {
                        continue; // an imported table: its rows are the archive's, written before this delete
                    }
                    follow(parent, reference, entry.getKey(), counts, seen, queue);
                }
            }
        }
        List<OutsideChange> changes = new ArrayList<>();
        counts.forEach((key, rows) -> changes.add(new OutsideChange(key.get(0), Action.valueOf(key.get(1)), rows,
                key.get(2))));
        return changes;
    }

    /** Rows of a table about to be deleted: the table, and the condition (with its parameters) that selects them. */
    private record Pending(TableRef table, String from, String condition, Binder binder) {
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void follow(Pending parent, Reference reference, String importedTable, Map<List<String>, Long> counts,
            Map<String, Set<List<Object>>> seen, Deque<Pending> queue) throws SQLException {
        TableRef child = reference.child();
        List<String> key = primaryKey(child);
        StringJoiner selected = new StringJoiner(", ");
        (key.isEmpty() ? List.of("1") : key).forEach(c -> selected.add(key.isEmpty() ? c : dialect.quote(c)));
        String sql = "SELECT " + selected + " FROM " + from(child) + " WHERE " + tuple(reference.columns())
                + " IN (SELECT " + list(reference.referenced()) + " FROM " + parent.from() + " WHERE "
                + parent.condition() + ")";
        List<List<Object>> fresh = new ArrayList<>();
        long keyless = 0;
        Set<List<Object>> known = seen.computeIfAbsent(child.id() + "\u0000" + reference.action(),
                k -> new HashSet<>());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            parent.binder().bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (key.isEmpty()) {
                        keyless++;
                        continue;
                    }
                    List<Object> values = new ArrayList<>(key.size());
                    for (int i = 1; i <= key.size(); i++) {
                        Object value = rs.getObject(i);
                        values.add(value instanceof byte[] bytes ? new Bytes(bytes) : value);
                    }
                    if (known.add(values)) {
                        fresh.add(values);
                    }
                }
            }
        }
        long changed = key.isEmpty() ? keyless : fresh.size();
        if (changed == 0) {
            return;
        }
        counts.merge(List.of(display(child), reference.action().name(), importedTable), changed, Long::sum);
        if (reference.action() != Action.DELETE || key.isEmpty()) {
            return;
        }
        String from = from(child);
        for (int start = 0; start < fresh.size(); start += ROWS_PER_QUERY) {
            List<List<Object>> chunk = fresh.subList(start, Math.min(fresh.size(), start + ROWS_PER_QUERY));
            StringJoiner in = new StringJoiner(", ", tuple(key) + " IN (", ")");
            String one = key.size() == 1 ? "?" : "(" + "?, ".repeat(key.size() - 1) + "?)";
            chunk.forEach(row -> in.add(one));
            queue.add(new Pending(child, from, in.toString(), ps -> {
                int p = 1;
                for (List<Object> row : chunk) {
                    for (Object value : row) {
                        ps.setObject(p++, value instanceof Bytes bytes ? bytes.value : value);
                    }
                }
            }));
        }
    }

    /** A byte array compared by content. */
    private record Bytes(byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }
    }

    private String tuple(List<String> columns) {
        return columns.size() == 1 ? dialect.quote(columns.get(0)) : "(" + list(columns) + ")";
    }

    private String list(List<String> columns) {
        StringJoiner out = new StringJoiner(", ");
        columns.forEach(c -> out.add(dialect.quote(c)));
        return out.toString();
    }

    private TableRef ref(JdbcTable table) {
        return normalized(table.sqlSchema(), table.sqlSchema(), table.sqlName());
    }

    /** A table by database (MariaDB) or schema (H2, PostgreSQL: one database per connection), and name. */
    private TableRef normalized(String catalog, String schema, String name) {
        return dialect.kind() == JdbcDialect.MARIADB ? new TableRef(catalog, null, name)
                : new TableRef(null, schema, name);
    }

    /** The foreign keys that reference a table, with their delete rules. */
    private List<Reference> references(TableRef table) throws SQLException {
        List<Reference> cached = references.get(table.id());
        if (cached != null) {
            return cached;
        }
        if (dialect.kind() == JdbcDialect.POSTGRESQL) {
            List<Reference> found = postgresReferences(table);
            references.put(table.id(), found);
            return found;
        }
        Map<String, TreeMap<Integer, String[]>> parts = new LinkedHashMap<>();
        Map<String, Object[]> heads = new HashMap<>();
        try (ResultSet rs = meta.getExportedKeys(table.catalog(), table.schema(), table.name())) {
            while (rs.next()) {
                TableRef child = normalized(rs.getString("FKTABLE_CAT"), rs.getString("FKTABLE_SCHEM"),
                        rs.getString("FKTABLE_NAME"));
                String id = child.id() + "\u0000" + rs.getString("FK_NAME");
                parts.computeIfAbsent(id, k -> new TreeMap<>()).put(rs.getInt("KEY_SEQ"), new String[] {
                    rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
                heads.putIfAbsent(id, new Object[] {child, rs.getShort("DELETE_RULE")});
            }
        }
        List<Reference> found = new ArrayList<>();
        parts.forEach((id, columns) -> {
            List<String> own = new ArrayList<>();
            List<String> referenced = new ArrayList<>();
            columns.values().forEach(pair -> {
                own.add(pair[0]);
                referenced.add(pair[1]);
            });
            Object[] head = heads.get(id);
            found.add(new Reference((TableRef) head[0], own, referenced, action((Short) head[1])));
        });
        references.put(table.id(), found);
        return found;
    }

    /**
     * PostgreSQL's foreign keys that reference a table or one of its partitions, each once: a key declared on a
     * partitioned table is also stored on each of its partitions, and a key that references a partitioned table
     * once per partition of it (PostgreSQL documentation, "pg_constraint": {@code conparentid}); JDBC's
     * {@code getExportedKeys} lists those copies, and leaves out keys that reference a partition itself. Columns are
     * named in key order.
     */
    private static final String POSTGRES_REFERENCES = "SELECT fn.nspname, fc.relname, c.confdeltype::text, "
            + "(SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i) "
            + "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n), "
            + "(SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(n, i) "
            + "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) "
            + "FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class fc ON fc.oid = c.conrelid "
            + "JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace "
            + "WHERE c.contype = 'f' AND c.conparentid = 0 AND (c.confrelid = CAST(? AS regclass) OR c.confrelid IN "
            + "(SELECT relid FROM pg_catalog.pg_partition_tree(CAST(? AS regclass)))) "
            + "ORDER BY fn.nspname, fc.relname, c.conname";

    /**
     * As {@link #POSTGRES_REFERENCES}, for every table of a schema at once: the referenced table (a partition's
     * partitioned table, for a key that references a partition), and the referencing table's schema and name.
     */
    private static final String POSTGRES_SCHEMA_REFERENCES = "SELECT rc.relname, fn.nspname, fc.relname "
            + "FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class fc ON fc.oid = c.conrelid "
            + "JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace JOIN pg_catalog.pg_class rc ON "
            + "rc.oid = COALESCE(pg_catalog.pg_partition_root(c.confrelid), c.confrelid) "
            + "JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
            + "WHERE c.contype = 'f' AND c.conparentid = 0 AND rn.nspname = ? "
            + "ORDER BY rc.relname, fn.nspname, fc.relname, c.conname";

    private List<Reference> postgresReferences(TableRef table) throws SQLException {
        List<Reference> found = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(POSTGRES_REFERENCES)) {
            String name = dialect.quote(table.schema()) + "." + dialect.quote(table.name());
            ps.setString(1, name);
            ps.setString(2, name); // a table in no partition tree has none: pg_partition_tree lists nothing
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Action action = switch (rs.getString(3)) {
                        case "c" -> Action.DELETE;
                        case "n" -> Action.SET_NULL;
                        case "d" -> Action.SET_DEFAULT;
                        default -> Action.BLOCK; // a: NO ACTION, r: RESTRICT
                    };
                    found.add(new Reference(normalized(null, rs.getString(1), rs.getString(2)),
                            List.of((String[]) rs.getArray(4).getArray()), List.of((String[]) rs.getArray(5)
                            .getArray()), action));
                }
            }
        }
        return found;
    }

    private static Action action(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> Action.DELETE;
            case DatabaseMetaData.importedKeySetNull -> Action.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault -> Action.SET_DEFAULT;
            default -> Action.BLOCK; // RESTRICT, NO ACTION
        };
    }

    private List<String> primaryKey(TableRef table) throws SQLException {
        List<String> cached = primaryKeys.get(table.id());
        if (cached != null) {
            return cached;
        }
        TreeMap<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(table.catalog(), table.schema(), table.name())) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        List<String> columns = List.copyOf(key.values());
        primaryKeys.put(table.id(), columns);
        return columns;
    }

    /** The table as a FROM clause: qualified, and with {@code ONLY} for a PostgreSQL table that is not partitioned. */
    private String from(TableRef table) throws SQLException {
        String cached = fromClauses.get(table.id());
        if (cached != null) {
            return cached;
        }
        String qualified = (table.schema() != null ? dialect.quote(table.schema()) + "."
                : table.catalog() != null ? dialect.quote(table.catalog()) + "." : "") + dialect.quote(table.name());
        String from = qualified;
        if (dialect.kind() == JdbcDialect.POSTGRESQL) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT relkind::text FROM pg_catalog.pg_class "
                    + "WHERE oid = CAST(? AS regclass)")) {
                ps.setString(1, qualified);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && "r".equals(rs.getString(1))) {
                        from = "ONLY " + qualified;
                    }
                }
            }
        }
        fromClauses.put(table.id(), from);
        return from;
    }

    /** A table's name for messages: its logical name in the store's own schema, qualified otherwise. */
    private String display(TableRef table) {
        String name = folds && table.name().equals(table.name().toUpperCase(Locale.ROOT))
                ? table.name().toLowerCase(Locale.ROOT) : table.name();
        boolean own = dialect.kind() == JdbcDialect.MARIADB ? Objects.equals(table.catalog(), ownCatalog)
                : Objects.equals(table.schema(), ownSchema);
        if (own) {
            return name;
        }
        String qualifier = dialect.kind() == JdbcDialect.MARIADB ? table.catalog() : table.schema();
        return qualifier + "." + name;
    }
}
