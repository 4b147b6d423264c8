package dev.portability.jdbc;

import dev.portability.api.ConfigurationException;
import dev.portability.api.ForeignKey;
import dev.portability.api.Key;
import dev.portability.api.OutsideChange;
import dev.portability.api.TriggerTreatment;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.ImportScope;
import dev.portability.api.spi.TableAdapter;
import dev.portability.jdbc.internal.Dialect;
import dev.portability.jdbc.internal.Discovery;
import dev.portability.jdbc.internal.ImportSession;
import dev.portability.jdbc.internal.JdbcColumn;
import dev.portability.jdbc.internal.JdbcTable;
import dev.portability.jdbc.internal.OutsideRows;
import dev.portability.jdbc.internal.SqlErrors;
import dev.portability.jdbc.internal.TriggerGuard;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The tables of a relational database, reached through the host's {@link DataSource}: found by
 * {@link #discover(DataSource)} and taken by {@code Portability.builder().store(...)}. Each
 * unit of work borrows one connection from the data source and gives it back, settings restored, when it closes.
 *
 * <p>An export reads every table from one snapshot, streaming; an import is one transaction that writes in
 * batches, loads foreign-key cycles (self-references included), and finally moves identity columns, serials and
 * AUTO_INCREMENT counters past the highest imported key without committing. {@code docs/jdbc-types.md} describes
 * how each database does this. Instances are immutable and thread-safe; each unit of work is for one thread.
 *
 * <p>Imports into one schema (database on MariaDB) run one at a time, so that two imports can never interleave:
 * an import first waits for the schema's import lock (PostgreSQL: a transaction-scoped advisory lock; MariaDB: a
 * named lock, {@code GET_LOCK}; H2: a lock in this JVM). On PostgreSQL and H2 imports run READ COMMITTED, so that
 * an import that waited sees what the import before it committed. Every wait for a lock, this one included,
 * gives up after the lock timeout ({@link Configuration#lockTimeout}) with a retryable
 * {@link dev.portability.api.StoreException}. Exports take no import lock: they read one snapshot, which shows an
 * import either entirely or not at all (on PostgreSQL they lock their tables in {@code ACCESS SHARE} mode before
 * reading, so that a REPLACE that empties tables with {@code TRUNCATE} never does so under their snapshot).
 *
 * <p>Only the imported tables change. The target's triggers do not change what an import writes: PostgreSQL
 * switches the imported tables' user triggers and rules off for the import's own transaction; MariaDB/MySQL
 * undoes what they do inside the import, or refuses before writing where that cannot be exact; H2 refuses
 * tables with triggers ({@link #checkTriggers}). A REPLACE of tables that other tables reference keeps the rows
 * whose key the archive holds and refuses to cascade into tables outside the import ({@link #outsideChanges}).
 * On PostgreSQL every unit of work runs with {@code row_security = off}, as pg_dump does, so that row-level
 * security never hides rows silently: a user it would hide rows from gets an error instead.
 *
 * <p>Discovery reads the database's tables through JDBC metadata:
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.discover(dataSource);                  // every base table of the current schema
 * JdbcStore some = JdbcStore.configure(dataSource)
 *         .schema("shop").exclude("audit_*").primaryKey("events", "id").discover();
 * }</pre>
 *
 * <p>Views, system tables, PostgreSQL partitions (their partitioned table is taken) and the tables of Flyway and
 * Liquibase are left out; generated (computed) columns too. Only identifiers that discovery found ever reach SQL
 * text, always quoted. Each column's type is mapped to a logical type as {@code docs/jdbc-types.md} lists for H2,
 * PostgreSQL and MariaDB; a type that cannot be carried fails discovery, naming table, column and type, unless
 * the column or table is left out.
 *
 * <p>No wait is unbounded: a statement that waits for a lock held by another transaction, and an import that waits
 * for another import into the same schema, give up after {@link Configuration#lockTimeout(Duration)} (default
 * {@link #DEFAULT_LOCK_TIMEOUT}) with a retryable {@link dev.portability.api.StoreException}.
 */
public final class JdbcStore implements DataStore<JdbcUnitOfWork> {


    /** How long a statement waits for a lock unless {@link Configuration#lockTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    /** The longest {@link Configuration#lockTimeout(Duration)} accepted. */
    public static final Duration MAX_LOCK_TIMEOUT = Duration.ofDays(1);


    /**
     * Discovers every base table of the connection's current schema.
     *
     * @param dataSource the host's data source; one connection is borrowed for discovery
     * @return the store
     * @throws dev.portability.api.ColumnException if a column's type cannot be carried
     *     ({@link dev.portability.api.ErrorCode#UNSUPPORTED_COLUMN}; the message says how to skip it)
     * @throws dev.portability.api.StoreException if the database cannot be reached
     */
    public static JdbcStore discover(DataSource dataSource) {
        return configure(dataSource).discover();
    }

    /**
     * Starts a configured discovery.
     *
     * @param dataSource the host's data source
     * @return the configuration
     */
    public static Configuration configure(DataSource dataSource) {
        return new Configuration(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** What to discover. Each method returns this configuration; {@link #discover()} runs it. */
    public static final class Configuration {
        private final DataSource dataSource;
        private String schema;
        private final List<String> include = new ArrayList<>();
        private final List<String> exclude = new ArrayList<>();
        private JdbcDialect dialect;
        private final Map<String, List<String>> primaryKeys = new HashMap<>();
        private final Map<String, Set<String>> skippedColumns = new HashMap<>();
        private boolean skipUnsupported;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private boolean truncateOnReplace = true;
        private boolean loadDataLocalInfile;

        private Configuration(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * Discovers the tables of this schema (on MariaDB/MySQL: this database) instead of the current one.
         *
         * @param name the schema name, as the database spells it
         * @return this configuration
         */
        public Configuration schema(String name) {
            this.schema = Objects.requireNonNull(name, "schema");
            return this;
        }

        /**
         * Takes only tables whose names match one of these patterns ({@code *} and {@code ?}, case-insensitive).
         * Naming a migration tool's table here includes it.
         *
         * @param patterns the patterns
         * @return this configuration
         */
        public Configuration include(String... patterns) {
            include.addAll(List.of(patterns));
            return this;
        }

        /**
         * Leaves out tables whose names match one of these patterns ({@code *} and {@code ?}, case-insensitive).
         *
         * @param patterns the patterns
         * @return this configuration
         */
        public Configuration exclude(String... patterns) {
            exclude.addAll(List.of(patterns));
            return this;
        }

        /**
         * Forces a dialect instead of detecting it from the connection.
         *
         * @param kind the dialect
         * @return this configuration
         */
        public Configuration dialect(JdbcDialect kind) {
            this.dialect = Objects.requireNonNull(kind, "dialect");
            return this;
        }

        /**
         * Declares the primary key of a table that has none in the database (or overrides it). MERGE needs one.
         *
         * @param table the table name, as discovery names it
         * @param columns the key columns, in order
         * @return this configuration
         */
        public Configuration primaryKey(String table, String... columns) {
            if (columns.length == 0) {
                throw new ConfigurationException("primaryKey: give at least one column for table " + table);
            }
            primaryKeys.put(table, List.of(columns));
            return this;
        }

        /**
         * Leaves a column out of export and import (it must accept NULL or have a default for imports to work).
         *
         * @param table the table name
         * @param column the column name
         * @return this configuration
         */
        public Configuration skipColumn(String table, String column) {
            skippedColumns.computeIfAbsent(table, t -> new HashSet<>()).add(column);
            return this;
        }

        /**
         * Leaves out every column whose type cannot be carried, instead of failing discovery.
         *
         * @return this configuration
         */
        public Configuration skipUnsupportedColumns() {
            this.skipUnsupported = true;
            return this;
        }

        /**
         * Bounds every wait for a lock: a statement of an export or import that waits for a row or table another
         * transaction holds, and an import that waits for another import into the same schema (imports into one
         * schema run one at a time). When the wait runs out, the operation fails with a retryable
         * {@link dev.portability.api.StoreException} and the import is rolled back. Deadlocks are detected by the
         * database sooner. On MariaDB the bound is rounded up to whole seconds. The session settings this changes
         * ({@code lock_timeout}, {@code innodb_lock_wait_timeout} and {@code lock_wait_timeout},
         * {@code LOCK_TIMEOUT}) are restored before a connection goes back to the pool.
         *
         * @param timeout at least 1 millisecond and at most {@link #MAX_LOCK_TIMEOUT}; default
         *     {@link #DEFAULT_LOCK_TIMEOUT}
         * @return this configuration
         * @throws ConfigurationException if the timeout is out of range
         */
        public Configuration lockTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "lockTimeout");
            if (timeout.toMillis() < 1 || timeout.compareTo(MAX_LOCK_TIMEOUT) > 0) {
                throw new ConfigurationException("lockTimeout must be between 1 millisecond and " + MAX_LOCK_TIMEOUT
                        .toHours() + " hours, was " + timeout);
            }
            this.lockTimeout = timeout;
            return this;
        }

        /**
         * Whether a REPLACE may empty the imported tables with one {@code TRUNCATE} inside the import's transaction
         * where that is exactly what deleting every row does (PostgreSQL only: H2's and MariaDB's {@code TRUNCATE}
         * commits). On by default. {@code TRUNCATE} holds an {@code ACCESS EXCLUSIVE} lock until the import
         * commits: meanwhile other sessions' reads of those tables wait, and an export started during the import
         * waits for it and shows the database after it. Off, REPLACE deletes with {@code DELETE}, which lets
         * readers go on and an export taken during the import show the database as it was before it; the import is
         * slower on full tables. See {@code docs/jdbc-types.md}, "Writes".
         *
         * @param truncate whether to truncate where that is exact
         * @return this configuration
         */
        public Configuration truncateOnReplace(boolean truncate) {
            this.truncateOnReplace = truncate;
            return this;
        }

        /**
         * Whether MariaDB/MySQL imports insert through {@code LOAD DATA LOCAL INFILE} fed from memory (MariaDB
         * Connector/J 3.0.7 or later), where every value of a table travels exactly as its text; off by default.
         * Measured on MariaDB 10.11 with Connector/J 3.5, it is slower than the batched INSERTs that Connector/J sends
         * as one bulk command (see {@code docs/performance.md}); it may pay where that bulk command is not available.
         * Exact either way: a load that leaves any warning (LOCAL turns errors into warnings) fails the import, and
         * where the server or the driver forbids local infile the import inserts with statements. Ignored by the
         * other databases. See {@code docs/jdbc-types.md}, "Writes".
         *
         * @param load whether to load with LOAD DATA LOCAL INFILE
         * @return this configuration
         */
        public Configuration loadDataLocalInfile(boolean load) {
            this.loadDataLocalInfile = load;
            return this;
        }

        /**
         * Reads the database's metadata and builds the store.
         *
         * @return the store
         * @throws dev.portability.api.ColumnException if a column's type cannot be carried
         *     ({@link dev.portability.api.ErrorCode#UNSUPPORTED_COLUMN})
         * @throws ConfigurationException if a setting names an unknown table or
         *     column
         * @throws dev.portability.api.StoreException if the database cannot be reached
         */
        public JdbcStore discover() {
            Discovery.Settings settings = new Discovery.Settings(schema, List.copyOf(include),
                    List.copyOf(exclude), dialect, Map.copyOf(primaryKeys), Map.copyOf(skippedColumns),
                    skipUnsupported);
            try (Connection connection = dataSource.getConnection()) {
                Discovery.Result result = Discovery.discover(connection, settings);
                if (result.tables().isEmpty()) {
                    throw new ConfigurationException("discovery found no tables" + (schema == null
                            ? " in the connection's current schema" : " in schema " + schema)
                            + "; check the schema name and the include/exclude patterns");
                }
                result.dialect().loadDataLocalInfile(loadDataLocalInfile);
                return new JdbcStore(dataSource, result.dialect(), result.tables(), lockTimeout, truncateOnReplace);
            } catch (SQLException e) {
                throw SqlErrors.wrap("Discovering tables failed", e);
            }
        }
    }


    private final DataSource dataSource;
    private final Dialect dialect;
    private final List<JdbcTable> tables;
    /** The tables by logical name. */
    private final Map<String, JdbcTable> byName = new HashMap<>();
    private final Duration lockTimeout;
    private final TriggerGuard triggers;

    /** Whether a REPLACE may empty the imported tables with one TRUNCATE: see {@link Dialect#truncate}. */
    private final boolean truncateOnReplace;

    JdbcStore(DataSource dataSource, Dialect dialect, List<JdbcTable> tables, Duration lockTimeout) {
        this(dataSource, dialect, tables, lockTimeout, true);
    }

    JdbcStore(DataSource dataSource, Dialect dialect, List<JdbcTable> tables, Duration lockTimeout,
            boolean truncateOnReplace) {
        this.truncateOnReplace = truncateOnReplace;
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = dialect;
        this.tables = List.copyOf(tables);
        this.tables.forEach(t -> byName.put(t.schema().name(), t));
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
        this.triggers = TriggerGuard.of(dialect.kind(), dialect);
        prepareCycles();
        for (JdbcTable table : this.tables) {
            table.sessions(work -> work.importSession);
        }
    }

    /**
     * Lets REPLACE delete tables whose rows reference each other: see {@link JdbcTable#cyclicReference}. A foreign
     * key of a cycle that refuses NULL is left to the database's deferrable constraints (PostgreSQL), or written
     * with checks off and checked before commit (MariaDB): see {@link JdbcTable#writeWithoutForeignKeyChecks}.
     */
    private void prepareCycles() {
        Map<String, Set<String>> references = new HashMap<>();
        for (JdbcTable table : tables) {
            references.put(table.schema().name(), table.schema().referencedTables());
        }
        for (JdbcTable table : tables) {
            for (ForeignKey fk : table.schema().foreignKeys()) {
                if (!reaches(references, fk.referencedTable(), table.schema().name())) {
                    continue;
                }
                List<JdbcColumn> columns = new ArrayList<>();
                boolean nullable = true;
                for (String column : fk.columns()) {
                    JdbcColumn jdbc = table.columns().get(table.schema().indexOf(column));
                    columns.add(jdbc);
                    nullable &= jdbc.column().nullable();
                }
                if (nullable) {
                    table.cyclicReference(fk.referencedTable(), columns);
                } else if (dialect.switchesForeignKeyChecks()) {
                    table.writeWithoutForeignKeyChecks();
                    byName.get(fk.referencedTable()).writeWithoutForeignKeyChecks();
                }
            }
        }
    }

    /**
     * Whether {@code to} is reached from {@code from} along foreign keys; with a stack of its own, not the thread's
     * (a chain of thousands of foreign keys would overflow that).
     */
    private static boolean reaches(Map<String, Set<String>> references, String from, String to) {
        Set<String> seen = new HashSet<>();
        java.util.Deque<String> next = new java.util.ArrayDeque<>();
        next.push(from);
        while (!next.isEmpty()) {
            String table = next.pop();
            if (table.equals(to)) {
                return true;
            }
            if (seen.add(table) && references.containsKey(table)) {
                references.get(table).forEach(next::push);
            }
        }
        return false;
    }

    @Override
    public List<? extends TableAdapter<JdbcUnitOfWork>> tables() {
        return tables;
    }

    /** @return the dialect in use */
    public JdbcDialect dialect() {
        return dialect.kind();
    }

    @Override
    public JdbcUnitOfWork begin(Access access) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.wrap("Getting a connection from the DataSource failed", e);
        }
        JdbcUnitOfWork work;
        try {
            work = new JdbcUnitOfWork(connection, access, dialect, lockTimeout, tables.get(0).sqlSchema());
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw SqlErrors.wrap("Starting a transaction failed", e);
        }
        if (access == Access.READ && truncateOnReplace) {
            try {
                dialect.beginRead(connection, tables); // PostgreSQL: locks before the snapshot, see truncate
            } catch (SQLException e) {
                work.close();
                if ("55P03".equals(e.getSQLState())) {
                    throw new dev.portability.api.StoreException("Reading the tables waited for a lock that "
                            + "another session holds on one of them (an import that empties them with TRUNCATE "
                            + "holds it until it commits); the lock timeout (" + lockTimeout.toMillis() + " ms) ran "
                            + "out. Try again when it has finished, or wait longer with "
                            + "JdbcStore.configure(dataSource).lockTimeout(...).", true, e);
                }
                throw SqlErrors.wrap("Locking the tables to read them failed", e);
            }
        }
        return work;
    }

    /**
     * Counts the tables' rows with one query per thousand tables ({@code SELECT (SELECT COUNT(*) FROM a), ...})
     * instead of one per table, inside a savepoint: if the query fails, the tables are counted one by one again, so
     * that the failure names its table as {@link TableAdapter#count} does.
     */
    @Override
    public Map<String, Long> count(JdbcUnitOfWork work, List<String> names) {
        if (names.size() > 1 && byName.keySet().containsAll(names)) {
            List<JdbcTable> counted = new ArrayList<>();
            names.forEach(name -> counted.add(byName.get(name)));
            try {
                return JdbcTable.count(work.connection(), counted);
            } catch (java.sql.SQLException e) {
                // rolled back to before the query: counted one by one below, so that the failure names its table
            }
        }
        return DataStore.super.count(work, names);
    }

    /**
     * Reads the triggers of the imported tables (and their partitions) from the database's catalog: on PostgreSQL
     * each enabled user trigger and rule is {@code SWITCHED_OFF}, or {@code REFUSED} when the user does not own
     * the table; on MariaDB/MySQL each trigger body is read and the trigger is {@code RECONCILED},
     * {@code FIRES} (it changes nothing the import writes) or {@code REFUSED}; on H2 every trigger is
     * {@code REFUSED}. With triggers firing, each is {@code FIRES}.
     */
    @Override
    public List<TriggerTreatment> checkTriggers(JdbcUnitOfWork work, ImportScope scope) {
        try {
            return triggers.check(work.connection(), imported(scope), scope);
        } catch (java.sql.SQLException e) {
            throw SqlErrors.wrap("Reading the triggers of the imported tables failed", e);
        }
    }

    /**
     * Follows every foreign key that references the deleted rows ({@code DatabaseMetaData.getExportedKeys}, so
     * tables not discovered and other schemas' tables count), through {@code ON DELETE CASCADE} transitively, and
     * counts the rows of tables outside the import that would be deleted, set to NULL or to defaults, or that
     * would make the delete fail.
     */
    @Override
    public List<OutsideChange> outsideChanges(JdbcUnitOfWork work, ImportScope scope,
            Map<String, List<Key>> deletedKeys) {
        try {
            return OutsideRows.of(work.connection(), dialect, imported(scope), deletedKeys);
        } catch (java.sql.SQLException e) {
            throw SqlErrors.wrap("Finding the rows outside the import that the REPLACE would change failed", e);
        }
    }

    /** Switches triggers off (PostgreSQL) or records what undoes them (MariaDB/MySQL) in this unit of work. */
    @Override
    public void prepareImport(JdbcUnitOfWork work, ImportScope scope) {
        ImportSession session = new ImportSession(dialect);
        if (truncateOnReplace) {
            session.importedTables(imported(scope));
        }
        work.importSession = session;
        try {
            triggers.prepare(work.connection(), imported(scope), scope, session);
        } catch (java.sql.SQLException e) {
            throw SqlErrors.wrap("Preparing the imported tables' triggers failed", e);
        }
    }

    private Map<String, JdbcTable> imported(ImportScope scope) {
        Map<String, JdbcTable> byName = new LinkedHashMap<>();
        Set<String> names = new HashSet<>(scope.tables());
        for (JdbcTable table : tables) {
            if (names.contains(table.schema().name())) {
                byName.put(table.schema().name(), table);
            }
        }
        return byName;
    }

    /** @return how long a statement or an import waits for a lock before it fails */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /** @return the names of the tables, for diagnostics */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        tables.forEach(t -> names.add(t.schema().name()));
        return "JdbcStore[" + dialect.kind() + " " + names + ", lockTimeout " + lockTimeout + "]";
    }
}
