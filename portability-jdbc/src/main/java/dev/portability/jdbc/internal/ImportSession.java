package dev.portability.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one import's unit of work must do about the target's triggers, set up by {@link TriggerGuard#prepare}
 * before the first write: statements that switch PostgreSQL triggers on again before commit; tables whose
 * inserted rows are set back to the archive's values because a BEFORE INSERT trigger rewrites them; and tables
 * whose trigger-added rows are removed before the import writes them (all their rows, for a REPLACE that deleted
 * them first; otherwise the rows whose key was not there before the import, kept in a temporary table).
 */
public final class ImportSession {

    private static final Logger LOG = LoggerFactory.getLogger(ImportSession.class);

    private final Dialect dialect;
    private final List<String> beforeCommit = new ArrayList<>();
    private final Set<String> setBack = new HashSet<>();
    /** Per table name: null to delete every row, else the temporary table holding the keys from before. */
    private final Map<String, String> cleanups = new HashMap<>();
    private final List<String> temporaryTables = new ArrayList<>();

    /** The imported tables by name, for {@link #truncated}. */
    private Map<String, JdbcTable> imported = Map.of();
    /** Whether {@link #truncated} decided; the rows each truncated table held, or null when it did not truncate. */
    private boolean truncationDecided;
    private Map<String, Long> truncated;

    /** @param dialect the dialect */
    public ImportSession(Dialect dialect) {
        this.dialect = dialect;
    }

    /** @param tables the imported tables by name */
    public void importedTables(Map<String, JdbcTable> tables) {
        this.imported = Map.copyOf(tables);
    }

    /**
     * Empties every table a REPLACE deletes at once where the dialect can do so inside the transaction
     * ({@link Dialect#truncate}); decided once, on the first call.
     *
     * @param connection the connection
     * @param deletedTables the names of every table the REPLACE deletes
     * @return whether they were emptied
     * @throws SQLException if the database fails
     */
    public boolean truncated(Connection connection, Set<String> deletedTables) throws SQLException {
        if (!truncationDecided) {
            truncationDecided = true;
            List<JdbcTable> tables = new ArrayList<>();
            for (String name : deletedTables) {
                JdbcTable table = imported.get(name);
                if (table == null) {
                    return false;
                }
                tables.add(table);
            }
            truncated = dialect.truncate(connection, tables);
            if (truncated != null) {
                LOG.debug("emptied {} with one TRUNCATE", truncated.keySet());
            }
        }
        return truncated != null;
    }

    /**
     * @param table a table's name
     * @return the rows it held before {@link #truncated} emptied it, or null if it was not
     */
    public Long truncatedRows(String table) {
        return truncated == null ? null : truncated.get(table);
    }

    /**
     * Runs a statement now and another one before the transaction commits (a rollback undoes the first itself).
     *
     * @param connection the connection
     * @param now the statement to run now
     * @param atCommit the statement that undoes it, run before commit
     * @throws SQLException if the database refuses
     */
    void change(Connection connection, String now, String atCommit) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(now);
        }
        beforeCommit.add(atCommit);
    }

    /** @param table a table whose inserted rows are updated again with the archive's values */
    void setBackAfterInsert(String table) {
        setBack.add(table);
    }

    /**
     * @param table a table's name
     * @return whether its inserted rows are updated again with the archive's values
     */
    public boolean setsBackAfterInsert(String table) {
        return setBack.contains(table);
    }

    /** @param table a table that REPLACE deleted first: every row it holds before it is written was added since */
    void removeAllBeforeWrite(String table) {
        cleanups.put(table, null);
    }

    /**
     * Records the keys a table holds now, in a temporary table, so that rows added by triggers until the table is
     * written can be told apart and removed (MariaDB: {@code CREATE TEMPORARY TABLE} does not commit).
     *
     * @param connection the connection
     * @param table the table
     * @throws SQLException if the database refuses
     */
    void keepKeys(Connection connection, JdbcTable table) throws SQLException {
        String name = dialect.quote("portability_keys_" + temporaryTables.size());
        StringJoiner keys = new StringJoiner(", ");
        for (String column : table.schema().primaryKey()) {
            keys.add(dialect.quote(table.columns().get(table.schema().indexOf(column)).sqlName()));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE " + name + " (PRIMARY KEY (" + keys + ")) SELECT " + keys
                    + " FROM " + table.from());
        }
        temporaryTables.add(name);
        cleanups.put(table.schema().name(), name);
    }

    /**
     * Removes the rows triggers added to a table since {@link #removeAllBeforeWrite} or {@link #keepKeys}.
     *
     * @param connection the connection
     * @param table the table, about to be written
     * @throws SQLException if the database refuses
     */
    void removeTriggerRows(Connection connection, JdbcTable table) throws SQLException {
        String name = table.schema().name();
        if (!cleanups.containsKey(name)) {
            return;
        }
        String keys = cleanups.remove(name);
        try (Statement statement = connection.createStatement()) {
            if (keys == null) {
                statement.executeUpdate("DELETE FROM " + table.from());
                return;
            }
            StringJoiner match = new StringJoiner(" AND ");
            for (String column : table.schema().primaryKey()) {
                String quoted = dialect.quote(table.columns().get(table.schema().indexOf(column)).sqlName());
                match.add("k." + quoted + " = " + table.qualifiedName() + "." + quoted);
            }
            statement.executeUpdate("DELETE FROM " + table.qualifiedName() + " WHERE NOT EXISTS (SELECT 1 FROM "
                    + keys + " k WHERE " + match + ")");
            statement.execute("DROP TEMPORARY TABLE " + keys);
            temporaryTables.remove(keys);
        }
    }

    /**
     * Runs the statements recorded by {@link #change}, before the transaction commits.
     *
     * @param connection the connection
     * @throws SQLException if the database refuses
     */
    public void beforeCommit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : beforeCommit) {
                statement.execute(sql);
            }
        }
        beforeCommit.clear();
    }

    /**
     * Drops the temporary tables still there (they belong to the database session, not the transaction), before
     * the connection goes back to the pool.
     *
     * @param connection the connection
     */
    public void close(Connection connection) {
        for (String name : temporaryTables) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TEMPORARY TABLE IF EXISTS " + name);
            } catch (SQLException e) {
                LOG.warn("could not drop temporary table {}: {}; it ends with the database session", name,
                        e.getMessage());
            }
        }
        temporaryTables.clear();
    }
}
