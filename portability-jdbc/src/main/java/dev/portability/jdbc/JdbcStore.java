package dev.portability.jdbc;

import dev.portability.api.ForeignKey;
import dev.portability.api.Key;
import dev.portability.api.OutsideChange;
import dev.portability.api.TriggerTreatment;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.ImportScope;
import dev.portability.api.spi.TableAdapter;
import dev.portability.jdbc.internal.Dialect;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The tables of a relational database, reached through the host's {@link DataSource}: what
 * {@link JdbcAdapters#discover(DataSource)} returns and {@code Portability.builder().store(...)} takes. Each
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
 * gives up after the lock timeout ({@link JdbcAdapters.Configuration#lockTimeout}) with a retryable
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
 */
public final class JdbcStore implements DataStore<JdbcUnitOfWork> {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final List<JdbcTable> tables;
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
        Map<String, JdbcTable> byName = new HashMap<>();
        tables.forEach(t -> byName.put(t.schema().name(), t));
        for (JdbcTable table : tables) {
            for (ForeignKey fk : table.schema().foreignKeys()) {
                if (!reaches(byName, fk.referencedTable(), table.schema().name(), new java.util.HashSet<>())) {
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

    private static boolean reaches(Map<String, JdbcTable> tables, String from, String to,
            java.util.Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from) || !tables.containsKey(from)) {
            return false;
        }
        for (String next : tables.get(from).schema().referencedTables()) {
            if (reaches(tables, next, to, seen)) {
                return true;
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
                            + "JdbcAdapters.configure(dataSource).lockTimeout(...).", true, e);
                }
                throw SqlErrors.wrap("Locking the tables to read them failed", e);
            }
        }
        return work;
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
        for (JdbcTable table : tables) {
            if (scope.tables().contains(table.schema().name())) {
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
