package dev.portability.jdbc.internal;

import dev.portability.api.ColumnException;
import dev.portability.api.ErrorCode;
import dev.portability.api.ForeignKey;
import dev.portability.api.GeneratorPosition;
import dev.portability.api.Key;
import dev.portability.api.LogicalType.Kind;
import dev.portability.api.PortabilityException;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.AbstractTableAdapter;
import dev.portability.api.spi.ValueRefusal;
import dev.portability.jdbc.JdbcUnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The adapter of one discovered table. All SQL text is built once, from identifiers that discovery found, each
 * quoted by the dialect; values only ever travel as statement parameters, through each column's {@link Codec}.
 */
public final class JdbcTable extends AbstractTableAdapter<JdbcUnitOfWork> {

    /** Most keys looked up in one statement. */
    private static final int KEYS_PER_QUERY = 500;

    /**
     * The most rows one JDBC batch of single-row INSERTs sends: an import batch of 10,000 rows in one
     * {@code executeBatch} made MariaDB Connector/J build one bulk message of all of them, 30% more client CPU than
     * sending it in batches of 1,000 (docs/performance.md).
     */
    private static final int ROWS_PER_EXECUTE = 1000;

    private final Dialect dialect;
    private final String sqlSchema;
    private final String sqlName;
    private final String qualifiedName;
    private final List<JdbcColumn> columns;
    private final int[] keyIndexes;
    private final int[] updatedIndexes;
    private String select;
    private final String insertPrefix;
    private final String rowParameters;
    private final String insertOne;
    private final int rowsPerInsert;
    private final String insertMany;
    private String update;
    /** Sets the text key columns of a row found by its key: see {@link #update}. */
    private String keySpelling;
    private final boolean largeValues;
    private final String selected;
    private final List<JdbcColumn> identities = new ArrayList<>();
    /** The most bytes a row may take as sent, or 0: see {@link Dialect#maxRowBytes}. */
    private final long maxRowBytes;
    /** Whether writes run with foreign-key checks off: see {@link #writeWithoutForeignKeyChecks}. */
    private boolean uncheckedWrites;
    /** Whether to try the dialect's bulk load; turned off once a connection cannot use it. */
    private volatile boolean bulkLoadable = true;
    /** Pairs of referenced table and the UPDATE that clears the references to it: see {@link #cyclicReference}. */
    private final List<String[]> cyclicReferences = new ArrayList<>();
    /** Foreign keys declared DEFERRABLE, which a WRITE unit of work defers to commit (PostgreSQL). */
    private Set<ForeignKey> deferrable = Set.of();
    /** How the database compares this table's keys; read from the catalog on first use. */
    private volatile Dialect.KeyComparison keyComparison;
    /**
     * The table as reading, counting, updating and deleting statements name it: {@code ONLY} before a PostgreSQL
     * table, whose inheritance children are tables of their own (see {@link #traits}).
     */
    private String from;
    /** The storage that cannot roll back, or null: see {@link #nonTransactionalEngine()}. */
    private String nonTransactional;
    /** The tables that reference this one, by name: see {@link #referencingTables()}. */
    private Set<String> referencing = Set.of();
    /** Finds the import session of a unit of work: see {@link ImportSession}. */
    private Function<JdbcUnitOfWork, ImportSession> sessions = work -> null;

    /**
     * @param schema the logical table
     * @param dialect the dialect
     * @param sqlSchema the schema (H2, PostgreSQL) or database (MariaDB) that holds the table
     * @param sqlName the table's name in the database
     * @param qualifiedName the quoted, schema-qualified table name
     * @param columns the columns, in the order of {@code schema}
     */
    public JdbcTable(TableSchema schema, Dialect dialect, String sqlSchema, String sqlName, String qualifiedName,
            List<JdbcColumn> columns) {
        super(schema);
        this.dialect = dialect;
        this.sqlSchema = sqlSchema;
        this.sqlName = sqlName;
        this.qualifiedName = qualifiedName;
        this.from = qualifiedName;
        this.columns = List.copyOf(columns);
        this.keyIndexes = new int[schema.primaryKey().size()];
        for (int i = 0; i < keyIndexes.length; i++) {
            keyIndexes[i] = schema.indexOf(schema.primaryKey().get(i));
        }
        List<Integer> updated = new ArrayList<>();
        boolean overriding = false;
        boolean large = false;
        for (int i = 0; i < columns.size(); i++) {
            JdbcColumn column = columns.get(i);
            boolean key = schema.primaryKey().contains(column.column().name());
            if (!key && !column.alwaysGenerated()) {
                updated.add(i); // a GENERATED ALWAYS identity can only be set to DEFAULT by an UPDATE
            }
            overriding |= column.alwaysGenerated();
            if (column.identity()) {
                identities.add(column);
            }
            Kind kind = column.column().type().kind();
            large |= (kind == Kind.TEXT || kind == Kind.BINARY) && column.column().type().maxLength().isEmpty()
                    || kind == Kind.JSON || kind == Kind.ARRAY || kind == Kind.NATIVE;
        }
        this.updatedIndexes = updated.stream().mapToInt(Integer::intValue).toArray();
        this.largeValues = large;

        StringJoiner names = new StringJoiner(", ");
        StringJoiner selected = new StringJoiner(", ");
        StringJoiner params = new StringJoiner(", ", "(", ")");
        for (JdbcColumn column : columns) {
            names.add(quoted(column));
            selected.add(column.codec().select(quoted(column)));
            params.add(column.codec().parameter());
        }
        this.selected = selected.toString();
        this.insertPrefix = "INSERT INTO " + qualifiedName + " (" + names + ")"
                + (overriding ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES ";
        this.rowParameters = params.toString();
        this.insertOne = insertPrefix + rowParameters;
        this.rowsPerInsert = dialect.rowsPerInsert(columns.size());
        this.insertMany = rowsPerInsert > 1 ? insert(rowsPerInsert) : null;
        this.maxRowBytes = dialect.maxRowBytes();
        statements();
    }

    /** Builds the statements that name the table by {@link #from}. */
    private void statements() {
        StringBuilder sql = new StringBuilder("SELECT ").append(selected).append(" FROM ").append(from);
        if (keyIndexes.length > 0) {
            StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
            for (int k : keyIndexes) {
                order.add(quoted(columns.get(k)));
            }
            sql.append(order);
        }
        this.select = sql.toString();
        if (keyIndexes.length > 0 && updatedIndexes.length > 0) {
            StringJoiner set = new StringJoiner(", ");
            for (int i : updatedIndexes) {
                set.add(quoted(columns.get(i)) + " = " + columns.get(i).codec().parameter());
            }
            this.update = "UPDATE " + from + " SET " + set + " WHERE " + keyCondition();
        } else {
            this.update = null;
        }
        StringJoiner spelling = new StringJoiner(", ");
        for (int k : keyIndexes) {
            if (columns.get(k).column().type().kind() == Kind.TEXT) {
                spelling.add(quoted(columns.get(k)) + " = " + columns.get(k).codec().parameter());
            }
        }
        this.keySpelling = spelling.length() == 0 ? null
                : "UPDATE " + from + " SET " + spelling + " WHERE " + keyCondition();
    }

    /**
     * Sets what discovery found beyond columns and keys.
     *
     * @param only whether statements other than inserts name the table with {@code ONLY} (a PostgreSQL table that
     *     is not partitioned: its inheritance children, if any, are tables of their own)
     * @param nonTransactionalEngine the storage when it cannot roll back (MyISAM, a foreign table), or null
     * @param referencingTables the tables that reference this one with a foreign key (other schemas' qualified)
     */
    public void traits(boolean only, String nonTransactionalEngine, Set<String> referencingTables) {
        this.from = only ? "ONLY " + qualifiedName : qualifiedName;
        this.nonTransactional = nonTransactionalEngine;
        this.referencing = Set.copyOf(referencingTables);
        statements();
    }

    /**
     * Sets how to find the {@link ImportSession} of a unit of work (the store keeps it on the unit).
     *
     * @param lookup the lookup; returns null for a unit without one
     */
    public void sessions(Function<JdbcUnitOfWork, ImportSession> lookup) {
        this.sessions = lookup;
    }

    /** @return the table as statements other than inserts name it ({@code ONLY ...} where that applies) */
    public String from() {
        return from;
    }

    @Override
    public Optional<String> nonTransactionalEngine() {
        return Optional.ofNullable(nonTransactional);
    }

    @Override
    public Set<String> referencingTables() {
        return referencing;
    }

    private String insert(int rows) {
        StringBuilder sql = new StringBuilder(insertPrefix.length() + rows * (rowParameters.length() + 2));
        sql.append(insertPrefix);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(rowParameters);
        }
        return sql.toString();
    }

    /**
     * Declares a foreign key of this table, all of whose columns accept NULL, that references a table of the same
     * foreign-key cycle (or this table): before a REPLACE that deletes both tables, its columns are set to NULL
     * so that the rows of the cycle can be deleted in any order.
     *
     * @param referencedTable the referenced table's logical name
     * @param referencing the referencing columns
     */
    public void cyclicReference(String referencedTable, List<JdbcColumn> referencing) {
        StringJoiner set = new StringJoiner(", ");
        StringJoiner notNull = new StringJoiner(" OR ");
        for (JdbcColumn column : referencing) {
            set.add(quoted(column) + " = NULL");
            notNull.add(quoted(column) + " IS NOT NULL");
        }
        cyclicReferences.add(new String[] {referencedTable,
            "UPDATE " + from + " SET " + set + " WHERE " + notNull});
    }

    /**
     * Declares that this table takes part in a foreign-key cycle whose columns refuse NULL, on a database that
     * cannot defer constraints but can switch checks off inside a transaction (MariaDB): its inserts, updates and
     * deletes run without foreign-key checks, and {@link #afterImport} checks every foreign key from and to it
     * before the import commits.
     */
    public void writeWithoutForeignKeyChecks() {
        this.uncheckedWrites = true;
    }

    /**
     * Declares which of this table's foreign keys are {@code DEFERRABLE}: checked when the import commits (see
     * {@link Dialect#beginWrite}), not as each row is written.
     *
     * @param foreignKeys some of {@code schema().foreignKeys()}
     */
    public void deferrableForeignKeys(Set<ForeignKey> foreignKeys) {
        this.deferrable = Set.copyOf(foreignKeys);
    }

    /**
     * The database checks a foreign key as each statement ends unless it is {@code DEFERRABLE} (PostgreSQL defers
     * those to commit) or this table is written with checks switched off (MariaDB, see
     * {@link #writeWithoutForeignKeyChecks}). H2 has neither.
     */
    @Override
    public boolean checksImmediately(ForeignKey foreignKey) {
        return !uncheckedWrites && !deferrable.contains(foreignKey);
    }

    /** A statement run with foreign-key checks off when {@link #uncheckedWrites} says so. */
    @FunctionalInterface
    private interface Write<T> {
        T run() throws SQLException;
    }

    private <T> T write(Connection connection, Write<T> write) throws SQLException {
        if (!uncheckedWrites) {
            return write.run();
        }
        dialect.foreignKeyChecks(connection, false);
        try {
            return write.run();
        } finally {
            dialect.foreignKeyChecks(connection, true);
        }
    }

    private String quoted(JdbcColumn column) {
        return dialect.quote(column.sqlName());
    }

    private String keyCondition() {
        StringJoiner where = new StringJoiner(" AND ");
        for (int k : keyIndexes) {
            where.add(quoted(columns.get(k)) + " = " + columns.get(k).codec().parameter());
        }
        return where.toString();
    }

    /** @return the schema (H2, PostgreSQL) or database (MariaDB) that holds the table */
    public String sqlSchema() {
        return sqlSchema;
    }

    /** @return the table's name in the database */
    public String sqlName() {
        return sqlName;
    }

    /** @return the quoted, schema-qualified name */
    public String qualifiedName() {
        return qualifiedName;
    }

    /** @return the columns */
    public List<JdbcColumn> columns() {
        return columns;
    }

    @Override
    public long count(JdbcUnitOfWork work) {
        try (Statement statement = work.connection().createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            SqlErrors.refuseHiddenRows(schema().name(), e);
            throw SqlErrors.wrap("Counting the rows of table " + schema().name() + " failed", e);
        }
    }

    /**
     * Most tables counted by one query of {@link #count(Connection, List)}: PostgreSQL plans a query of 250
     * subqueries faster per table than one of 1,000 (2,000 tables: 0.5 s against 0.75 s on a new connection).
     */
    private static final int TABLES_PER_COUNT = 250;

    /**
     * Counts the rows of several tables with one query per {@value #TABLES_PER_COUNT} tables, inside a savepoint:
     * when a query fails, the transaction is back where it was before the call (PostgreSQL could run nothing more
     * in it otherwise), and the caller can count the tables one by one to find which one fails.
     *
     * @param connection the unit of work's connection
     * @param tables the tables, two or more
     * @return the rows of each table, by logical name, in the order given
     * @throws SQLException if a query fails
     */
    public static Map<String, Long> count(Connection connection, List<JdbcTable> tables) throws SQLException {
        java.sql.Savepoint savepoint = connection.setSavepoint();
        Map<String, Long> counts;
        try {
            counts = countRows(connection, tables);
        } catch (SQLException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException lost) {
                e.addSuppressed(lost);
            }
            throw e;
        }
        connection.releaseSavepoint(savepoint);
        return counts;
    }

    /**
     * Counts the rows of several tables with one query per {@value #TABLES_PER_COUNT} tables (PostgreSQL takes at
     * most 1,664 entries in a select list); without a savepoint of its own.
     *
     * @param connection the connection
     * @param tables the tables
     * @return the rows of each table, by logical name, in the order given
     * @throws SQLException if a query fails
     */
    static Map<String, Long> countRows(Connection connection, List<JdbcTable> tables) throws SQLException {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (int from = 0; from < tables.size(); from += TABLES_PER_COUNT) {
                List<JdbcTable> chunk = tables.subList(from, Math.min(tables.size(), from + TABLES_PER_COUNT));
                StringBuilder sql = new StringBuilder("SELECT ");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM ").append(chunk.get(i).from)
                            .append(')');
                }
                try (ResultSet rs = statement.executeQuery(sql.toString())) {
                    rs.next();
                    for (int i = 0; i < chunk.size(); i++) {
                        counts.put(chunk.get(i).schema().name(), rs.getLong(i + 1));
                    }
                }
            }
        }
        return counts;
    }

    @Override
    public void read(JdbcUnitOfWork work, Consumer<Row> sink) {
        TableSchema schema = schema();
        try (PreparedStatement ps = work.connection().prepareStatement(select, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(dialect.fetchSize(largeValues));
            try (ResultSet rs = ps.executeQuery()) {
                int n = columns.size();
                while (rs.next()) {
                    Object[] values = new Object[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = readValue(rs, i);
                    }
                    sink.accept(Row.of(schema, values));
                }
            }
        } catch (SQLException e) {
            SqlErrors.refuseHiddenRows(schema.name(), e);
            throw SqlErrors.wrap("Reading table " + schema.name() + " failed", e);
        }
    }

    private Object readValue(ResultSet rs, int i) throws SQLException {
        try {
            return columns.get(i).codec().read(rs, i + 1);
        } catch (BadValueException e) {
            String name = columns.get(i).column().name();
            throw new ColumnException(ErrorCode.INVALID_VALUE, schema().name(), name, "Reading table "
                    + schema().name() + ", column " + name + describeRow(rs) + " failed: " + e.getMessage() + ".",
                    "Change the value, or leave the column out with skipColumn(\"" + schema().name() + "\", \"" + name
                    + "\").", e);
        }
    }

    /** The key of the result set's current row, for a message; empty if it cannot be read. */
    private String describeRow(ResultSet rs) {
        if (keyIndexes.length == 0) {
            return "";
        }
        try {
            Object[] key = new Object[keyIndexes.length];
            for (int i = 0; i < keyIndexes.length; i++) {
                key[i] = columns.get(keyIndexes[i]).codec().read(rs, keyIndexes[i] + 1);
            }
            return ", row with key " + Key.of(key);
        } catch (SQLException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void insert(JdbcUnitOfWork work, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            write(work.connection(), () -> {
                insert(work.connection(), rows);
                return null;
            });
        } catch (SQLException e) {
            throw SqlErrors.writeFailure("Inserting into table " + schema().name() + " failed", schema().name(),
                    columns, e);
        }
        ImportSession session = sessions.apply(work);
        if (session != null && session.setsBackAfterInsert(schema().name())) {
            // a BEFORE INSERT trigger may have rewritten columns: put the archive's values back
            update(work, rows);
        }
    }

    private void insert(Connection connection, List<Row> rows) throws SQLException {
        if (bulkLoad(connection, rows)) {
            return;
        }
        int full = rowsPerInsert > 1 ? rows.size() / rowsPerInsert : 0;
        if (full > 0) {
            try (PreparedStatement ps = connection.prepareStatement(insertMany)) {
                for (int chunk = 0; chunk < full; chunk++) {
                    int p = 1;
                    for (Row row : rows.subList(chunk * rowsPerInsert, (chunk + 1) * rowsPerInsert)) {
                        p = bindAll(ps, p, row);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        List<Row> rest = rows.subList(full * rowsPerInsert, rows.size());
        if (rest.isEmpty()) {
            return;
        }
        if (rowsPerInsert > 1) {
            try (PreparedStatement ps = connection.prepareStatement(insert(rest.size()))) {
                int p = 1;
                for (Row row : rest) {
                    p = bindAll(ps, p, row);
                }
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = connection.prepareStatement(insertOne)) {
                int pending = 0;
                for (Row row : rest) {
                    bindAll(ps, 1, row);
                    ps.addBatch();
                    if (++pending == ROWS_PER_EXECUTE) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        }
    }

    /** Loads the rows through the dialect's bulk path; false if it has none on this connection. */
    private boolean bulkLoad(Connection connection, List<Row> rows) throws SQLException {
        if (!bulkLoadable) {
            return false;
        }
        try (Dialect.BulkLoad load = dialect.bulkLoad(connection, qualifiedName, columns)) {
            if (load == null) {
                bulkLoadable = false;
                return false;
            }
            for (Row row : rows) {
                try {
                    Object[] values = row.values();
                    for (int i = 0; i < values.length; i++) {
                        refuseWhatTheColumnCannotHold(i, values[i]);
                    }
                    load.add(values);
                } catch (BadValueException e) {
                    String column = e.column() < 0 ? "" : ", column " + columns.get(e.column()).column().name();
                    String key = keyIndexes.length == 0 ? "" : ", row with key " + schema().keyOf(row);
                    throw new PortabilityException(ErrorCode.INVALID_VALUE, "Writing table " + schema().name()
                            + column + key + " failed: " + e.getMessage() + ". Nothing was imported: every table is "
                            + "as it was before.", e);
                }
            }
            try {
                load.finish();
            } catch (Dialect.BulkLoadUnavailable e) {
                // refused before any row was stored (MariaDB's local infile switched off): statements instead
                dialect.bulkLoadUnavailable(e);
                bulkLoadable = false;
                return false;
            }
            return true;
        }
    }

    private int bindAll(PreparedStatement ps, int first, Row row) throws SQLException {
        int p = first;
        for (int i = 0; i < columns.size(); i++) {
            bind(ps, p++, row, i);
        }
        return p;
    }

    /**
     * Refuses a value the column cannot hold exactly (see {@link #refusal(int, Object)}).
     *
     * @throws BadValueException with the column's index and the reason
     */
    private void refuseWhatTheColumnCannotHold(int column, Object value) {
        String reason = refusal(column, value);
        if (reason != null) {
            throw new BadValueException(reason, column);
        }
    }

    /**
     * Why a column cannot hold a value exactly: its codec's {@link Codec#refusal(Object)}, then the column's own
     * rules, {@link Codec#limitRefusal(Object)} ({@link Dialect#withLimits}).
     *
     * @param column the column's index
     * @param value the value, or null
     * @return the reason, naming the column's type; null when the column holds the value
     */
    private String refusal(int column, Object value) {
        if (value == null) {
            return null;
        }
        JdbcColumn jdbcColumn = columns.get(column);
        String reason = jdbcColumn.codec().refusal(value);
        if (reason == null) {
            return jdbcColumn.codec().limitRefusal(value); // names the column's type and limit itself
        }
        return reason + " (the column's type is " + jdbcColumn.typeName() + ")";
    }

    /**
     * Every value the table cannot hold exactly, by the same rules its writes check before binding (see
     * {@link Dialect#withLimits}), and the row as a whole when it is larger than the database accepts in one
     * statement ({@link Dialect#maxRowBytes}, MariaDB's {@code max_allowed_packet}).
     */
    @Override
    public List<ValueRefusal> refusals(Row row) {
        List<ValueRefusal> found = null;
        for (int i = 0; i < columns.size(); i++) {
            String reason = refusal(i, row.get(i));
            if (reason != null) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(new ValueRefusal(columns.get(i).column().name(), reason));
            }
        }
        if (maxRowBytes > 0) {
            ValueRefusal tooLarge = tooLarge(row);
            if (tooLarge != null) {
                if (found == null) {
                    found = new ArrayList<>(1);
                }
                found.add(tooLarge);
            }
        }
        return found == null ? List.of() : found;
    }

    /** The row's refusal when it is larger than {@link #maxRowBytes}, naming the column that alone is; else null. */
    private ValueRefusal tooLarge(Row row) {
        long bound = insertOne.length();
        for (int i = 0; i < columns.size(); i++) {
            bound += RowSize.upperBound(row.get(i));
        }
        if (bound <= maxRowBytes) {
            return null;
        }
        long total = insertOne.length();
        int largest = -1;
        long largestBytes = 0;
        for (int i = 0; i < columns.size(); i++) {
            long bytes = RowSize.bytes(row.get(i));
            total += bytes;
            if (bytes > largestBytes) {
                largest = i;
                largestBytes = bytes;
            }
        }
        if (total <= maxRowBytes) {
            return null;
        }
        String limit = "more than the " + RowSize.show(maxRowBytes) + " the server accepts in one statement "
                + "(max_allowed_packet); raise max_allowed_packet on the server (SET GLOBAL max_allowed_packet, or in "
                + "its configuration file) to import it";
        if (largestBytes + insertOne.length() > maxRowBytes) {
            return new ValueRefusal(columns.get(largest).column().name(), "the value takes "
                    + RowSize.show(largestBytes) + " as sent to the database, " + limit);
        }
        return new ValueRefusal(null, "the row takes " + RowSize.show(total) + " as sent to the database, " + limit);
    }

    private void bind(PreparedStatement ps, int parameter, Row row, int column) throws SQLException {
        try {
            refuseWhatTheColumnCannotHold(column, row.get(column));
            try {
                columns.get(column).codec().bind(ps, parameter, row.get(column));
            } catch (java.time.DateTimeException | IllegalArgumentException | ClassCastException e) {
                // the driver's own conversion refused the value: a value the column cannot take, not a failure of
                // the database
                throw new BadValueException("the driver cannot convert the value for this column: " + e, column);
            }
        } catch (BadValueException e) {
            String key = keyIndexes.length == 0 ? "" : ", row with key " + schema().keyOf(row);
            throw new PortabilityException(ErrorCode.INVALID_VALUE, "Writing table " + schema().name()
                    + ", column " + columns.get(column).column().name() + key + " failed: " + e.getMessage()
                    + ". Nothing was imported: every table is as it was before.", e);
        }
    }

    /**
     * Sets the columns outside the key, then, where the database takes keys of other spellings for one (see
     * {@link Dialect#keyComparison}), the text key columns too, so that the row takes the archive's spelling. The
     * key's identity does not change (the database found the row by it), so references to the row stay valid;
     * MariaDB, which refuses to change a referenced key's spelling, runs that second statement with foreign-key
     * checks off.
     */
    @Override
    public void update(JdbcUnitOfWork work, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            if (update != null) { // null: every column is part of the key
                try (PreparedStatement ps = work.connection().prepareStatement(update)) {
                    for (Row row : rows) {
                        int p = 1;
                        for (int i : updatedIndexes) {
                            bind(ps, p++, row, i);
                        }
                        for (int k : keyIndexes) {
                            bind(ps, p++, row, k);
                        }
                        ps.addBatch();
                    }
                    write(work.connection(), ps::executeBatch);
                }
            }
            if (keySpelling != null && !keyComparison(work.connection()).byValue()) {
                updateKeySpelling(work.connection(), rows);
            }
        } catch (SQLException e) {
            throw SqlErrors.writeFailure("Updating table " + schema().name() + " failed", schema().name(), columns,
                    e);
        }
    }

    private void updateKeySpelling(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(keySpelling)) {
            for (Row row : rows) {
                int p = 1;
                for (int k : keyIndexes) {
                    if (columns.get(k).column().type().kind() == Kind.TEXT) {
                        bind(ps, p++, row, k);
                    }
                }
                for (int k : keyIndexes) {
                    bind(ps, p++, row, k);
                }
                ps.addBatch();
            }
            if (!dialect.switchesForeignKeyChecks() || uncheckedWrites) {
                write(connection, ps::executeBatch);
                return;
            }
            dialect.foreignKeyChecks(connection, false);
            try {
                ps.executeBatch();
            } finally {
                dialect.foreignKeyChecks(connection, true);
            }
        }
    }

    /**
     * Empties every deleted table at once where the dialect can inside the transaction (PostgreSQL's
     * {@code TRUNCATE}, see {@link Dialect#truncate}); otherwise sets this table's references to other deleted
     * tables of its foreign-key cycle to NULL, so that {@link #deleteAll} can delete the tables one by one.
     */
    @Override
    public void beforeDeleteAll(JdbcUnitOfWork work, Set<String> deletedTables) {
        ImportSession session = sessions.apply(work);
        if (session != null) {
            try {
                if (session.truncated(work.connection(), deletedTables)) {
                    return;
                }
            } catch (SQLException e) {
                throw SqlErrors.wrap("Emptying tables " + deletedTables + " failed", e);
            }
        }
        try (Statement statement = work.connection().createStatement()) {
            for (String[] reference : cyclicReferences) {
                if (deletedTables.contains(reference[0]) && deletedTables.contains(schema().name())) {
                    statement.executeUpdate(reference[1]);
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Clearing the cyclic references of table " + schema().name() + " before deleting "
                    + "its rows failed", e);
        }
    }

    @Override
    public long deleteAll(JdbcUnitOfWork work) {
        ImportSession session = sessions.apply(work);
        Long truncated = session == null ? null : session.truncatedRows(schema().name());
        if (truncated != null) {
            return truncated; // emptied with the other deleted tables by beforeDeleteAll
        }
        try (Statement statement = work.connection().createStatement()) {
            return write(work.connection(), () -> statement.executeLargeUpdate("DELETE FROM " + from));
        } catch (SQLException e) {
            throw SqlErrors.wrap("Deleting the rows of table " + schema().name() + " failed", e);
        }
    }

    /**
     * Keys the database compares by value are looked up with an {@code IN} list and matched in Java; keys it
     * compares its own way (see {@link Dialect#keyComparison}) are compared by the database itself, which answers
     * which of the given keys exist ({@link Dialect#existingKeysQuery}).
     */
    @Override
    public Set<Key> existingKeys(JdbcUnitOfWork work, List<Key> keys) {
        if (keyIndexes.length == 0) {
            throw new IllegalStateException("table " + schema().name() + " has no primary key");
        }
        Dialect.KeyComparison comparison = keyComparison(work.connection());
        Set<Key> found = new HashSet<>();
        if (comparison.byValue() && denseIntegerKeys(keys)) {
            lookUpRange(work.connection(), keys, found);
            return found;
        }
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            if (comparison.byValue()) {
                lookUp(work.connection(), chunk, found);
            } else {
                compareInDatabase(work.connection(), comparison, chunk, found);
            }
        }
        return found;
    }

    private Dialect.KeyComparison keyComparison(Connection connection) {
        Dialect.KeyComparison comparison = keyComparison;
        if (comparison == null) {
            try {
                comparison = dialect.keyComparison(connection, this);
            } catch (SQLException e) {
                throw SqlErrors.wrap("Reading how table " + schema().name() + " compares its keys failed", e);
            }
            keyComparison = comparison;
        }
        return comparison;
    }

    private void compareInDatabase(Connection connection, Dialect.KeyComparison comparison, List<Key> chunk,
            Set<Key> found) {
        List<String> keyColumns = new ArrayList<>();
        for (int k : keyIndexes) {
            keyColumns.add(quoted(columns.get(k)));
        }
        String sql = dialect.existingKeysQuery(from, keyColumns, comparison.parameters(), chunk.size());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bindKeys(ps, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(chunk.get(rs.getInt(1)));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Looking up keys in table " + schema().name() + " failed", e);
        }
    }

    /**
     * The database's collation key of each key column that has one ({@link Dialect.KeyComparison#collationKeys()},
     * e.g. MariaDB's {@code WEIGHT_STRING}), the value itself for the others; the keys themselves when no column
     * has one.
     */
    @Override
    public List<Key> collationKeys(JdbcUnitOfWork work, List<Key> keys) {
        if (keyIndexes.length == 0) {
            return keys;
        }
        Dialect.KeyComparison comparison = keyComparison(work.connection());
        if (!comparison.hasCollationKeys()) {
            return keys;
        }
        List<Integer> keyed = new ArrayList<>();
        for (int i = 0; i < keyIndexes.length; i++) {
            if (comparison.collationKeys().get(i) != null) {
                keyed.add(i);
            }
        }
        int perQuery = Math.max(1, KEYS_PER_QUERY / keyed.size());
        List<Key> result = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += perQuery) {
            List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + perQuery));
            StringJoiner select = new StringJoiner(", ", "SELECT ", "");
            for (int k = 0; k < chunk.size(); k++) {
                for (int i : keyed) {
                    select.add(comparison.collationKeys().get(i));
                }
            }
            try (PreparedStatement ps = work.connection().prepareStatement(select.toString())) {
                int p = 1;
                for (Key key : chunk) {
                    for (int i : keyed) {
                        columns.get(keyIndexes[i]).codec().bind(ps, p++, key.values().get(i));
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int c = 1;
                    for (Key key : chunk) {
                        Object[] values = key.values().toArray();
                        for (int i : keyed) {
                            values[i] = rs.getObject(c++);
                        }
                        result.add(Key.of(values));
                    }
                }
            } catch (SQLException e) {
                throw SqlErrors.wrap("Comparing keys of table " + schema().name() + " as the database does failed",
                        e);
            }
        }
        return result;
    }

    /**
     * Whether the keys are one integer column, strictly ascending (as an export writes them) and dense: spread over
     * less than twice as many values as there are keys. Then one range query finds the existing ones at the cost of
     * reading at most that many index entries, where a list of keys makes the database look up each.
     */
    private boolean denseIntegerKeys(List<Key> keys) {
        if (keyIndexes.length != 1 || keys.size() < 2
                || columns.get(keyIndexes[0]).column().type().kind() != Kind.INTEGER) {
            return false;
        }
        long previous = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (!(keys.get(i).values().get(0) instanceof Long value) || i > 0 && value <= previous) {
                return false;
            }
            previous = value;
        }
        long first = (Long) keys.get(0).values().get(0);
        return previous - first >= 0 && previous - first < 2L * keys.size();
    }

    /** Finds which of dense ascending integer keys exist, with one {@code BETWEEN} over their range. */
    private void lookUpRange(Connection connection, List<Key> keys, Set<Key> found) {
        JdbcColumn column = columns.get(keyIndexes[0]);
        String parameter = column.codec().parameter();
        String sql = "SELECT " + column.codec().select(quoted(column)) + " FROM " + from + " WHERE " + quoted(column)
                + " BETWEEN " + parameter + " AND " + parameter;
        Set<Key> wanted = new HashSet<>(keys);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bindKeys(ps, List.of(keys.get(0), keys.get(keys.size() - 1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Key key = Key.of(new Object[] {column.codec().read(rs, 1)});
                    if (wanted.contains(key)) {
                        found.add(key);
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Looking up keys in table " + schema().name() + " failed", e);
        }
    }

    private void lookUp(Connection connection, List<Key> chunk, Set<Key> found) {
        StringJoiner selectKeys = new StringJoiner(", ");
        for (int k : keyIndexes) {
            selectKeys.add(columns.get(k).codec().select(quoted(columns.get(k))));
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(selectKeys).append(" FROM ").append(from)
                .append(" WHERE ").append(keyIn(chunk.size()));
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            bindKeys(ps, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[keyIndexes.length];
                    for (int i = 0; i < keyIndexes.length; i++) {
                        values[i] = columns.get(keyIndexes[i]).codec().read(rs, i + 1);
                    }
                    found.add(Key.of(values));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Looking up keys in table " + schema().name() + " failed", e);
        }
    }

    /**
     * The condition that a row's key is one of {@code keys} keys, with parameters: {@code "id" IN (?, ?)}, or a
     * row-value IN for a composite key.
     *
     * @param keys the number of keys
     * @return the condition
     */
    public String keyIn(int keys) {
        StringBuilder sql = new StringBuilder();
        if (keyIndexes.length == 1) {
            JdbcColumn column = columns.get(keyIndexes[0]);
            StringJoiner in = new StringJoiner(", ", quoted(column) + " IN (", ")");
            for (int i = 0; i < keys; i++) {
                in.add(column.codec().parameter());
            }
            sql.append(in);
        } else {
            // a row-value IN, which all three databases answer from the primary-key index; a chain of
            // "(a = ? AND b = ?) OR ..." makes H2 scan the whole table for every batch
            StringJoiner keyColumns = new StringJoiner(", ", "(", ")");
            StringJoiner tuple = new StringJoiner(", ", "(", ")");
            for (int k : keyIndexes) {
                keyColumns.add(quoted(columns.get(k)));
                tuple.add(columns.get(k).codec().parameter());
            }
            StringJoiner in = new StringJoiner(", ", keyColumns + " IN (", ")");
            for (int i = 0; i < keys; i++) {
                in.add(tuple.toString());
            }
            sql.append(in);
        }
        return sql.toString();
    }

    /**
     * Binds keys to the parameters of {@link #keyIn}, from the first.
     *
     * @param ps the statement
     * @param keys the keys
     * @return the next parameter index
     * @throws SQLException if binding fails
     */
    public int bindKeys(PreparedStatement ps, List<Key> keys) throws SQLException {
        int p = 1;
        for (Key key : keys) {
            List<Object> values = key.values();
            for (int i = 0; i < keyIndexes.length; i++) {
                try {
                    refuseWhatTheColumnCannotHold(keyIndexes[i], values.get(i));
                } catch (BadValueException e) {
                    throw new PortabilityException(ErrorCode.INVALID_VALUE, "Key " + key + " of table "
                            + schema().name() + ", column " + columns.get(keyIndexes[i]).column().name()
                            + " cannot be looked up: " + e.getMessage()
                            + ". Nothing was imported: every table is as it was before.", e);
                }
                columns.get(keyIndexes[i]).codec().bind(ps, p++, values.get(i));
            }
        }
        return p;
    }

    @Override
    public void delete(JdbcUnitOfWork work, List<Key> keys) {
        if (keyIndexes.length == 0) {
            throw new IllegalStateException("table " + schema().name() + " has no primary key");
        }
        try {
            for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
                try (PreparedStatement ps = work.connection().prepareStatement("DELETE FROM " + this.from
                        + " WHERE " + keyIn(chunk.size()))) {
                    bindKeys(ps, chunk);
                    write(work.connection(), ps::executeLargeUpdate);
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Deleting rows of table " + schema().name() + " by key failed", e);
        }
    }

    /** Removes the rows that triggers of other imported tables added to this one (see {@link ImportSession}). */
    @Override
    public void beforeWrite(JdbcUnitOfWork work) {
        ImportSession session = sessions.apply(work);
        if (session == null) {
            return;
        }
        try {
            session.removeTriggerRows(work.connection(), this);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Removing the rows triggers added to table " + schema().name() + " failed", e);
        }
    }

    /**
     * Checks the foreign keys that writes without checks may have broken (see {@link #writeWithoutForeignKeyChecks}),
     * and moves the generators of identity, serial and AUTO_INCREMENT columns past the highest imported value.
     */
    @Override
    public void afterImport(JdbcUnitOfWork work) {
        if (uncheckedWrites) {
            try {
                ForeignKeyCheck.verify(work.connection(), dialect, this);
            } catch (SQLException e) {
                throw SqlErrors.wrap("Checking the foreign keys of table " + schema().name() + " failed", e);
            }
        }
        for (JdbcColumn column : identities) {
            if (column.column().type().kind() != Kind.INTEGER) {
                continue;
            }
            try {
                dialect.advanceIdentity(work.connection(), this, column);
            } catch (SQLException e) {
                throw SqlErrors.wrap("Moving the generator of column " + column.column().name() + " of table "
                        + schema().name() + " past the imported values failed", e);
            }
        }
    }

    /**
     * @param name a column's logical name
     * @return the column, or null if the table has none of that name
     */
    public JdbcColumn column(String name) {
        int at = schema().indexOf(name);
        return at < 0 ? null : columns.get(at);
    }

    /** The positions of the sequences, identities and AUTO_INCREMENT counters of this table's columns. */
    @Override
    public List<GeneratorPosition> generators(JdbcUnitOfWork work) {
        try {
            return dialect.generators(work.connection(), this);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Reading the generator positions of table " + schema().name() + " failed", e);
        }
    }

    @Override
    public void advanceGenerators(JdbcUnitOfWork work, List<GeneratorPosition> archived) {
        advance(work, archived, false);
    }

    @Override
    public void advanceGeneratorsAfterCommit(JdbcUnitOfWork work, List<GeneratorPosition> archived) {
        advance(work, archived, true);
    }

    private void advance(JdbcUnitOfWork work, List<GeneratorPosition> archived, boolean committed) {
        if (archived.isEmpty()) {
            return;
        }
        try {
            dialect.advanceGenerators(work.connection(), this, archived, committed);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Moving the generators of table " + schema().name() + " to the archive's "
                    + "positions " + archived + " failed", e);
        }
    }

    /**
     * The highest or lowest value of an integer column.
     *
     * @param connection the connection
     * @param column the column
     * @param highest whether to find the highest (else the lowest)
     * @return the value, or null if the table is empty
     * @throws SQLException if the query fails
     */
    public Long extreme(Connection connection, JdbcColumn column, boolean highest) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + (highest ? "MAX(" : "MIN(") + quoted(column)
                        + ") FROM " + qualifiedName)) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? null : value;
        }
    }
}
