package dev.portability.jdbc;

import dev.portability.api.ConfigurationException;
import dev.portability.jdbc.internal.Discovery;
import dev.portability.jdbc.internal.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Discovers a database's tables through JDBC metadata and returns a {@link JdbcStore} for
 * {@code Portability.builder().store(...)}.
 *
 * <pre>{@code
 * JdbcStore store = JdbcAdapters.discover(dataSource);                  // every base table of the current schema
 * JdbcStore some = JdbcAdapters.configure(dataSource)
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
public final class JdbcAdapters {

    /** How long a statement waits for a lock unless {@link Configuration#lockTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    /** The longest {@link Configuration#lockTimeout(Duration)} accepted. */
    public static final Duration MAX_LOCK_TIMEOUT = Duration.ofDays(1);

    private JdbcAdapters() {
    }

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
         * @param timeout at least 1 millisecond and at most {@link JdbcAdapters#MAX_LOCK_TIMEOUT}; default
         *     {@link JdbcAdapters#DEFAULT_LOCK_TIMEOUT}
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
}
