package dev.portability.jdbc.internal;

import dev.portability.api.LogicalType;
import dev.portability.api.NativeType;
import dev.portability.api.spi.Access;
import dev.portability.jdbc.JdbcDialect;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What differs between databases: identifier quoting, snapshot isolation, the type mapping and how values travel
 * ({@link Codec}), session settings, insert batching, and moving identities after an import. One subclass per
 * {@link JdbcDialect}; {@code docs/jdbc-types.md} documents the mappings.
 */
public abstract class Dialect {

    /**
     * The dialect of a kind.
     *
     * @param kind the database kind
     * @return a new dialect
     */
    public static Dialect of(JdbcDialect kind) {
        return switch (kind) {
            case H2 -> new H2Dialect();
            case POSTGRESQL -> new PostgresDialect();
            case MARIADB -> new MariaDbDialect();
        };
    }

    /**
     * Picks the dialect from the connection's metadata.
     *
     * @param connection a connection
     * @return the kind, or null if the database is none we know
     * @throws SQLException if the metadata cannot be read
     */
    public static JdbcDialect detect(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return JdbcDialect.H2;
        }
        if (product.contains("postgres")) {
            return JdbcDialect.POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return JdbcDialect.MARIADB;
        }
        return null;
    }

    /** @return the kind of this dialect */
    public abstract JdbcDialect kind();

    /**
     * Quotes an identifier that discovery found.
     *
     * @param identifier the identifier as the database names it
     * @return the quoted identifier
     */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** @return the JDBC isolation level of a READ unit of work: one consistent snapshot of every table */
    public int snapshotIsolation() {
        return Connection.TRANSACTION_REPEATABLE_READ;
    }

    /**
     * The number of rows fetched per round trip when streaming a table: what bounds the memory a read holds.
     *
     * @param largeValues whether the table has a column of unbounded size (text, binary, JSON, array, NATIVE)
     * @return the fetch size
     */
    public int fetchSize(boolean largeValues) {
        return largeValues ? 64 : 1000;
    }

    /**
     * Reads what standard metadata does not say (enum types, JSON columns, identity generation, partitions).
     *
     * @param connection the connection
     * @param catalog the catalog discovery reads
     * @param schema the schema discovery reads (null on MariaDB)
     * @return the hints
     * @throws SQLException if the catalog cannot be read
     */
    public Hints hints(Connection connection, String catalog, String schema) throws SQLException {
        return Hints.NONE;
    }

    /**
     * Reads how the tables of a schema are stored, for {@link JdbcTable#traits}: which cannot roll back, and whether
     * statements name tables with {@code ONLY}.
     *
     * @param connection the connection
     * @param catalog the catalog discovery reads
     * @param schema the schema discovery reads (null on MariaDB)
     * @return what was found
     * @throws SQLException if the catalog cannot be read
     */
    public Storage storage(Connection connection, String catalog, String schema) throws SQLException {
        return Storage.NONE;
    }

    /**
     * How a schema's tables are stored, by their names in the database.
     *
     * @param only whether reading, counting, updating and deleting statements name a table with {@code ONLY}
     *     (PostgreSQL, whose inheritance children are tables of their own), except the tables of {@code partitioned}
     * @param partitioned partitioned tables, which are read and written through their parent as a whole
     * @param nonTransactional tables whose writes cannot roll back, with their storage (engine, foreign table)
     */
    public record Storage(boolean only, Set<String> partitioned, java.util.Map<String, String> nonTransactional) {

        /** Nothing special: no {@code ONLY}, every table rolls back. */
        public static final Storage NONE = new Storage(false, Set.of(), java.util.Map.of());

        /**
         * @param sqlName a table's name in the database
         * @return whether statements name it with {@code ONLY}
         */
        public boolean only(String sqlName) {
            return only && !partitioned.contains(sqlName);
        }
    }

    /**
     * Maps a column to its logical type and codec.
     *
     * @param column the column as metadata describes it
     * @param hints what {@link #hints} found
     * @return the mapping, or null if the type cannot be carried
     */
    public abstract Mapping map(ColumnInfo column, Hints hints);

    /**
     * The codec of a mapped column with the column's own rules added to its {@link Codec#refusal(Object)}: what the
     * database would refuse or store as something else although the logical type allows it (a narrower integer,
     * a character set without some characters, fewer fractional digits of seconds, ...; see {@link Limit}). The
     * rules are those of the target's documentation, listed in {@code docs/jdbc-types.md}. By default none.
     *
     * @param column the column as metadata describes it
     * @param hints what {@link #hints} found
     * @param mapping what {@link #map} returned for it
     * @return the codec to use
     */
    public Codec withLimits(ColumnInfo column, Hints hints, Mapping mapping) {
        return mapping.codec();
    }

    /**
     * The most bytes one row may take when it is written, or 0 for no limit beyond the columns' own: MariaDB's
     * {@code max_allowed_packet}. Known after {@link #hints} ran.
     *
     * @return the limit in bytes, or 0
     */
    public long maxRowBytes() {
        return 0;
    }

    /**
     * @return the engine's name as {@link LogicalType#nativeType} and {@link NativeType} spell it: {@code h2},
     *     {@code postgresql}, {@code mariadb}
     */
    public String engine() {
        return kind().name().toLowerCase(Locale.ROOT);
    }

    /**
     * What a column is in its own database, for {@link dev.portability.api.Column#nativeType()}: by default the
     * engine and the type name metadata gives.
     *
     * @param column the column as metadata describes it
     * @param hints what {@link #hints} found
     * @return the native type
     */
    public NativeType nativeType(ColumnInfo column, Hints hints) {
        return NativeType.of(engine(), column.typeName() == null || column.typeName().isBlank() ? "unknown"
                : column.typeName());
    }

    /**
     * Why a column that {@link #map} refused cannot be carried, for the error message of discovery.
     *
     * @param column the column as metadata describes it
     * @return the reason, one sentence, or null to say nothing more than that the type cannot be carried
     */
    public String whyNotCarried(ColumnInfo column) {
        return null;
    }

    /**
     * Prepares a borrowed connection's session for a unit of work (before the transaction starts), and returns
     * how to put it back.
     *
     * @param connection the connection
     * @param access what the unit of work is for
     * @param lockTimeout how long a statement may wait for a lock; a dialect whose setting is per session sets it
     *     here
     * @return what restores the session; called before the connection goes back to the pool
     * @throws SQLException if the session cannot be prepared
     */
    public SessionState openSession(Connection connection, Access access, Duration lockTimeout)
            throws SQLException {
        return SessionState.UNCHANGED;
    }

    /**
     * The isolation level of a WRITE unit of work.
     *
     * @param hostIsolation the level the connection came with
     * @return the level to use; the connection's own by default
     */
    public int writeIsolation(int hostIsolation) {
        return hostIsolation;
    }

    /**
     * Runs first in every transaction (auto-commit off), e.g. to set transaction-scoped settings.
     *
     * @param connection the connection
     * @param access what the unit of work is for
     * @param lockTimeout how long a statement may wait for a lock
     * @throws SQLException if the database refuses
     */
    public void beginTransaction(Connection connection, Access access, Duration lockTimeout) throws SQLException {
    }

    /**
     * Waits until no other import into the same schema is running and keeps others out until the returned lock
     * is released: imports into one schema run one after the other. Called after {@link #beginTransaction}, before
     * {@link #beginWrite}.
     *
     * @param connection the connection of the import's transaction
     * @param schema the schema (H2, PostgreSQL) or database (MariaDB) the import writes
     * @param timeout how long to wait
     * @return the lock, released when the unit of work closes; null if the wait ran out
     * @throws SQLException if the database refuses
     */
    public abstract ImportLock lockImports(Connection connection, String schema, Duration timeout)
            throws SQLException;

    /**
     * @param text some text
     * @return the SHA-256 of its UTF-8 bytes, for lock names and keys derived from identifiers
     */
    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Runs first in a WRITE transaction, e.g. to defer deferrable constraints.
     *
     * @param connection the connection, auto-commit off
     * @throws SQLException if the database refuses
     */
    public void beginWrite(Connection connection) throws SQLException {
    }

    /**
     * Whether this database can switch foreign-key checks off inside a transaction, for foreign-key cycles whose
     * columns all refuse NULL (see {@link #foreignKeyChecks}). Such writes are checked again before commit.
     *
     * @return whether {@link #foreignKeyChecks} is supported
     */
    public boolean switchesForeignKeyChecks() {
        return false;
    }

    /**
     * Switches foreign-key checks of this session on or off, without committing.
     *
     * @param connection the connection
     * @param on whether to check
     * @throws SQLException if the database refuses
     */
    public void foreignKeyChecks(Connection connection, boolean on) throws SQLException {
        throw new UnsupportedOperationException(kind() + " cannot switch foreign-key checks inside a transaction");
    }

    /**
     * How the database compares the primary keys of a table, where that differs from comparing the values in
     * Java: collations (case- or accent-insensitive), {@code PAD SPACE} and {@code CHAR} trailing blanks, types
     * such as {@code citext}.
     *
     * @param byValue whether the database compares these keys as {@link dev.portability.api.Key#equals} does:
     *     then the other two are empty
     * @param parameters per key column, the SQL of its parameter in {@link #existingKeysQuery} (with one
     *     {@code ?}), typed so that the comparison is the column's
     * @param collationKeys per key column, an SQL expression with one {@code ?} whose value is equal for two
     *     values exactly when the column takes them for equal (e.g. MariaDB's {@code WEIGHT_STRING}), or null when
     *     the values themselves compare so; all null when the database has no such expression for a column
     */
    public record KeyComparison(boolean byValue, List<String> parameters, List<String> collationKeys) {

        /** Keys compared by value. */
        public static final KeyComparison BY_VALUE = new KeyComparison(true, List.of(), List.of());

        /** @return whether some column has a collation key expression */
        public boolean hasCollationKeys() {
            return collationKeys.stream().anyMatch(java.util.Objects::nonNull);
        }
    }

    /**
     * Finds how the database compares a table's primary keys. Called once per table, on first use.
     *
     * @param connection a connection
     * @param table the table, with a primary key
     * @return the comparison; {@link KeyComparison#BY_VALUE} by default
     * @throws SQLException if the catalog cannot be read
     */
    public KeyComparison keyComparison(Connection connection, JdbcTable table) throws SQLException {
        return KeyComparison.BY_VALUE;
    }

    /**
     * A query answering which of {@code keys} keys exist in a table, each compared as the database compares the
     * key columns (their collation): it returns one row per key that exists, holding its 0-based position. The
     * parameters are key after key, column after column. This default asks one {@code EXISTS} per key, each
     * parameter typed by the column it is compared with.
     *
     * @param table the quoted, qualified table name
     * @param keyColumns the quoted key column names
     * @param parameters per key column, the SQL of its parameter
     * @param keys the number of keys
     * @return the query
     */
    public String existingKeysQuery(String table, List<String> keyColumns, List<String> parameters, int keys) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < keys; i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(" WHERE EXISTS (SELECT 1 FROM ")
                    .append(table).append(" t WHERE ").append(matchKey(keyColumns, parameters)).append(')');
        }
        return sql.toString();
    }

    private static String matchKey(List<String> keyColumns, List<String> parameters) {
        StringBuilder where = new StringBuilder();
        for (int c = 0; c < keyColumns.size(); c++) {
            where.append(c == 0 ? "" : " AND ").append("t.").append(keyColumns.get(c)).append(" = ")
                    .append(parameters.get(c));
        }
        return where.toString();
    }

    /**
     * @param table the quoted, qualified table name
     * @param keyColumns the quoted key column names
     * @return the condition matching row {@code t} of the table with row {@code v} of a derived table of keys whose
     *     columns are {@code k0, k1, ...}
     */
    static String keyJoin(String table, List<String> keyColumns) {
        StringBuilder where = new StringBuilder(" WHERE EXISTS (SELECT 1 FROM ").append(table).append(" t WHERE ");
        for (int c = 0; c < keyColumns.size(); c++) {
            where.append(c == 0 ? "" : " AND ").append("t.").append(keyColumns.get(c)).append(" = v.k").append(c);
        }
        return where.append(')').toString();
    }

    /**
     * How many rows one INSERT statement carries. Above 1, the table builds multi-row {@code VALUES} lists: the
     * same rewrite as PostgreSQL's {@code reWriteBatchedInserts}, without depending on the host's URL.
     *
     * @param columns the number of columns of the table
     * @return rows per statement, at least 1
     */
    public int rowsPerInsert(int columns) {
        return 1;
    }

    /**
     * Opens the database's bulk-load path for one batch of rows (PostgreSQL's COPY), or returns null where the
     * dialect has none or the connection cannot use it; the caller then inserts with statements.
     *
     * @param connection the connection of the import's transaction
     * @param table the quoted, qualified table name
     * @param columns the columns, in the order rows hold them
     * @return the loader, or null
     * @throws SQLException if the database refuses to start the load
     */
    public BulkLoad bulkLoad(Connection connection, String table, List<JdbcColumn> columns) throws SQLException {
        return null;
    }

    /**
     * Switches MariaDB's {@code LOAD DATA LOCAL INFILE} insert path on or off (off by default); ignored by the other
     * dialects.
     *
     * @param on whether to load with LOAD DATA LOCAL INFILE
     */
    public void loadDataLocalInfile(boolean on) {
    }

    /**
     * Called when {@link BulkLoad#finish} failed with {@link BulkLoadUnavailable}: the database refused the bulk
     * path before it stored anything (MariaDB's local infile switched off), and the batch is inserted with
     * statements instead. Does nothing by default.
     *
     * @param cause the refusal
     */
    public void bulkLoadUnavailable(SQLException cause) {
    }

    /**
     * Thrown by {@link BulkLoad#finish} when the database refuses the bulk path itself before storing any row, and
     * the transaction can go on: the caller inserts the batch with statements.
     */
    public static class BulkLoadUnavailable extends SQLException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what was refused
         * @param cause the database's refusal
         */
        public BulkLoadUnavailable(String message, SQLException cause) {
            super(message, cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    /** One bulk load: add rows, then finish; close without finishing abandons it (the transaction rolls back). */
    public interface BulkLoad extends AutoCloseable {
        /**
         * Adds a row.
         *
         * @param values the row's values, in column order
         * @throws SQLException if the database fails
         * @throws BadValueException if a value cannot be loaded, carrying the index of its column
         */
        void add(Object[] values) throws SQLException;

        /**
         * Sends the rest and completes the load.
         *
         * @throws SQLException if the database refuses a row
         */
        void finish() throws SQLException;

        @Override
        void close();
    }

    /**
     * Empties the tables a REPLACE deletes in one statement that stays inside the import's transaction (PostgreSQL's
     * {@code TRUNCATE}), where that is exactly what deleting every row would do: no table outside {@code tables}
     * references them, no trigger or rule would fire on the deletes (nor on a truncate), every table can roll back,
     * and the user may. Otherwise, and where the database's {@code TRUNCATE} commits (H2, MariaDB), nothing is done
     * and the caller deletes with {@code DELETE}. By default nothing is done.
     *
     * @param connection the import's connection
     * @param tables every table the REPLACE deletes
     * @return per table name, the number of rows it held; null when nothing was done
     * @throws SQLException if the database fails in a way that the transaction cannot go on from
     */
    public java.util.Map<String, Long> truncate(Connection connection, List<JdbcTable> tables) throws SQLException {
        return null;
    }

    /**
     * Runs first in a READ unit of work of a store, before anything is read: PostgreSQL takes {@code ACCESS SHARE}
     * locks on the store's tables, so that the snapshot the unit reads is never one that an import's
     * {@code TRUNCATE} committed under (see {@link #truncate}). Nothing by default.
     *
     * @param connection the unit's connection, in its transaction
     * @param tables the store's tables
     * @throws SQLException if the database refuses (a lock wait beyond the lock timeout)
     */
    public void beginRead(Connection connection, List<JdbcTable> tables) throws SQLException {
    }

    /**
     * Moves an identity column's generator (sequence, identity, auto-increment) past the highest value in the
     * table, never backwards, without committing the transaction.
     *
     * @param connection the connection of the import's transaction
     * @param table the table
     * @param column its identity column
     * @throws SQLException if the database refuses
     */
    public void advanceIdentity(Connection connection, JdbcTable table, JdbcColumn column) throws SQLException {
    }

    /**
     * Reads the positions of the generators that feed a table's columns (sequences, identities,
     * {@code AUTO_INCREMENT}).
     *
     * @param connection the export's connection
     * @param table the table
     * @return one position per generated column; none by default
     * @throws SQLException if the database refuses
     */
    public List<dev.portability.api.GeneratorPosition> generators(Connection connection, JdbcTable table)
            throws SQLException {
        return List.of();
    }

    /**
     * Moves a table's generators to at least the archive's positions, never backwards: before the import commits
     * what does not commit, after it what does (DDL that commits, such as MariaDB's
     * {@code ALTER TABLE ... AUTO_INCREMENT}).
     *
     * @param connection the import's connection
     * @param table the table
     * @param archived the archive's positions of the table's columns
     * @param committed false inside the import's transaction, true after it committed
     * @throws SQLException if the database refuses
     */
    public void advanceGenerators(Connection connection, JdbcTable table,
            List<dev.portability.api.GeneratorPosition> archived, boolean committed) throws SQLException {
    }

    /**
     * A column as JDBC metadata describes it.
     *
     * @param table the table's logical name
     * @param sqlTable the table's name in the database
     * @param name the column's logical name
     * @param sqlName the column's name in the database
     * @param sqlType the JDBC type code
     * @param typeName the database's type name
     * @param size COLUMN_SIZE: precision or length
     * @param scale DECIMAL_DIGITS
     * @param nullable whether it accepts NULL
     * @param defaultValue COLUMN_DEF, or null
     * @param autoIncrement whether the database generates its values (identity, serial, AUTO_INCREMENT)
     */
    public record ColumnInfo(String table, String sqlTable, String name, String sqlName, int sqlType,
            String typeName, int size, int scale, boolean nullable, String defaultValue, boolean autoIncrement) {
    }

    /**
     * What a dialect reads beyond standard metadata. Column keys are {@link #key(String, String)} of the
     * database's table and column names.
     *
     * @param excludedTables tables that are not base tables of their own (PostgreSQL partitions)
     * @param enumTypes names of user-defined enum types (PostgreSQL)
     * @param alwaysIdentity columns {@code GENERATED ALWAYS AS IDENTITY}: inserts need {@code OVERRIDING SYSTEM
     *     VALUE}
     * @param jsonColumns text columns that hold JSON (MariaDB's JSON is LONGTEXT with a json_valid check)
     * @param columnTypes each column's full type as the database's catalog spells it, where the dialect reads it
     *     (MariaDB's {@code information_schema.COLUMNS.COLUMN_TYPE}, e.g. {@code tinyint(1)},
     *     {@code int(10) unsigned}, {@code bit(5)}, {@code point}): what the driver's metadata may hide or rename
     */
    public record Hints(Set<String> excludedTables, Set<String> enumTypes, Set<String> alwaysIdentity,
            Set<String> jsonColumns, Map<String, String> columnTypes) {

        /** No hints. */
        public static final Hints NONE = new Hints(Set.of(), Set.of(), Set.of(), Set.of());

        /** Hints without column types. */
        public Hints(Set<String> excludedTables, Set<String> enumTypes, Set<String> alwaysIdentity,
                Set<String> jsonColumns) {
            this(excludedTables, enumTypes, alwaysIdentity, jsonColumns, Map.of());
        }

        /**
         * @param table a table's database name
         * @param column a column's database name
         * @return the key of the column in the sets of hints
         */
        public static String key(String table, String column) {
            return table + '\u0000' + column;
        }
    }

    /**
     * A column's logical type and the codec that carries its values.
     *
     * @param type the logical type
     * @param codec the codec
     */
    public record Mapping(LogicalType type, Codec codec) {
    }

    /** The lock {@link #lockImports} took. */
    @FunctionalInterface
    public interface ImportLock {
        /** A lock the database releases itself when the transaction ends. */
        ImportLock TRANSACTIONAL = connection -> {
        };

        /**
         * Releases the lock. Called once, after the transaction ended, whatever happened, also when the
         * connection broke (then a lock held by the database session is gone with the session).
         *
         * @param connection the connection
         * @throws SQLException if the database refuses
         */
        void release(Connection connection) throws SQLException;
    }

    /** Puts back what {@link #openSession} changed. */
    @FunctionalInterface
    public interface SessionState {
        /** Nothing to put back. */
        SessionState UNCHANGED = connection -> {
        };

        /**
         * Restores the session.
         *
         * @param connection the connection
         * @throws SQLException if the database refuses
         */
        void restore(Connection connection) throws SQLException;
    }
}
