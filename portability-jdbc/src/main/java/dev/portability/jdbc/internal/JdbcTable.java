package dev.portability.jdbc.internal;

import dev.portability.api.Key;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.AbstractTableAdapter;
import dev.portability.jdbc.JdbcUnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The adapter of one discovered table. All SQL text is built once, from identifiers that discovery found, each
 * quoted by the dialect; values only ever travel as statement parameters.
 */
public final class JdbcTable extends AbstractTableAdapter<JdbcUnitOfWork> {

    /** Most keys looked up in one statement. */
    private static final int KEYS_PER_QUERY = 500;

    private final Dialect dialect;
    private final String qualifiedName;
    private final List<JdbcColumn> columns;
    private final int[] keyIndexes;
    private final int[] nonKeyIndexes;
    private final String select;
    private final String insert;
    private final String update;
    private final List<String> clearCyclicReferences = new ArrayList<>();

    /**
     * @param schema the logical table
     * @param dialect the dialect
     * @param qualifiedName the quoted, schema-qualified table name
     * @param columns the columns, in the order of {@code schema}
     */
    public JdbcTable(TableSchema schema, Dialect dialect, String qualifiedName, List<JdbcColumn> columns) {
        super(schema);
        this.dialect = dialect;
        this.qualifiedName = qualifiedName;
        this.columns = List.copyOf(columns);
        this.keyIndexes = new int[schema.primaryKey().size()];
        for (int i = 0; i < keyIndexes.length; i++) {
            keyIndexes[i] = schema.indexOf(schema.primaryKey().get(i));
        }
        List<Integer> nonKey = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!schema.primaryKey().contains(schema.columns().get(i).name())) {
                nonKey.add(i);
            }
        }
        this.nonKeyIndexes = nonKey.stream().mapToInt(Integer::intValue).toArray();

        StringJoiner names = new StringJoiner(", ");
        StringJoiner params = new StringJoiner(", ");
        for (JdbcColumn column : columns) {
            names.add(quoted(column));
            params.add(dialect.parameter(column));
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(names).append(" FROM ").append(qualifiedName);
        if (keyIndexes.length > 0) {
            StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
            for (int k : keyIndexes) {
                order.add(quoted(columns.get(k)));
            }
            sql.append(order);
        }
        this.select = sql.toString();
        this.insert = "INSERT INTO " + qualifiedName + " (" + names + ") VALUES (" + params + ")";
        if (keyIndexes.length > 0 && nonKeyIndexes.length > 0) {
            StringJoiner set = new StringJoiner(", ");
            for (int i : nonKeyIndexes) {
                set.add(quoted(columns.get(i)) + " = " + dialect.parameter(columns.get(i)));
            }
            this.update = "UPDATE " + qualifiedName + " SET " + set + " WHERE " + keyCondition();
        } else {
            this.update = null;
        }
    }

    /**
     * Declares that a nullable column references a table of the same foreign-key cycle (or this table): REPLACE
     * sets it to NULL before deleting, so the rows of the cycle can be deleted in any order.
     *
     * @param column the referencing column
     */
    public void clearBeforeDelete(JdbcColumn column) {
        clearCyclicReferences.add("UPDATE " + qualifiedName + " SET " + quoted(column) + " = NULL WHERE "
                + quoted(column) + " IS NOT NULL");
    }

    private String quoted(JdbcColumn column) {
        return dialect.quote(column.sqlName());
    }

    private String keyCondition() {
        StringJoiner where = new StringJoiner(" AND ");
        for (int k : keyIndexes) {
            where.add(quoted(columns.get(k)) + " = " + dialect.parameter(columns.get(k)));
        }
        return where.toString();
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
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + qualifiedName)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Counting the rows of table " + schema().name() + " failed", e);
        }
    }

    @Override
    public void read(JdbcUnitOfWork work, Consumer<Row> sink) {
        TableSchema schema = schema();
        try (PreparedStatement ps = work.connection().prepareStatement(select, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(dialect.fetchSize());
            try (ResultSet rs = ps.executeQuery()) {
                int n = columns.size();
                while (rs.next()) {
                    Object[] values = new Object[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = dialect.read(rs, i + 1, columns.get(i));
                    }
                    sink.accept(Row.of(schema, values));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Reading table " + schema.name() + " failed", e);
        }
    }

    @Override
    public void insert(JdbcUnitOfWork work, List<Row> rows) {
        try (PreparedStatement ps = work.connection().prepareStatement(insert)) {
            for (Row row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    dialect.bind(ps, i + 1, row.get(i), columns.get(i));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw SqlErrors.wrap("Inserting into table " + schema().name() + " failed", e);
        }
    }

    @Override
    public void update(JdbcUnitOfWork work, List<Row> rows) {
        if (update == null) {
            return; // every column is part of the key: an existing row already holds these values
        }
        try (PreparedStatement ps = work.connection().prepareStatement(update)) {
            for (Row row : rows) {
                int p = 1;
                for (int i : nonKeyIndexes) {
                    dialect.bind(ps, p++, row.get(i), columns.get(i));
                }
                for (int k : keyIndexes) {
                    dialect.bind(ps, p++, row.get(k), columns.get(k));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw SqlErrors.wrap("Updating table " + schema().name() + " failed", e);
        }
    }

    @Override
    public long deleteAll(JdbcUnitOfWork work) {
        Connection connection = work.connection();
        try (Statement statement = connection.createStatement()) {
            for (String clear : clearCyclicReferences) {
                statement.executeUpdate(clear);
            }
            return statement.executeLargeUpdate("DELETE FROM " + qualifiedName);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Deleting the rows of table " + schema().name() + " failed", e);
        }
    }

    @Override
    public Set<Key> existingKeys(JdbcUnitOfWork work, List<Key> keys) {
        if (keyIndexes.length == 0) {
            throw new IllegalStateException("table " + schema().name() + " has no primary key");
        }
        Set<Key> found = new HashSet<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            lookUp(work.connection(), chunk, found);
        }
        return found;
    }

    private void lookUp(Connection connection, List<Key> chunk, Set<Key> found) {
        StringJoiner selectKeys = new StringJoiner(", ");
        for (int k : keyIndexes) {
            selectKeys.add(quoted(columns.get(k)));
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(selectKeys).append(" FROM ").append(qualifiedName)
                .append(" WHERE ");
        if (keyIndexes.length == 1) {
            JdbcColumn column = columns.get(keyIndexes[0]);
            StringJoiner in = new StringJoiner(", ", quoted(column) + " IN (", ")");
            for (int i = 0; i < chunk.size(); i++) {
                in.add(dialect.parameter(column));
            }
            sql.append(in);
        } else {
            StringJoiner or = new StringJoiner(" OR ");
            String condition = "(" + keyCondition() + ")";
            for (int i = 0; i < chunk.size(); i++) {
                or.add(condition);
            }
            sql.append(or);
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Key key : chunk) {
                List<Object> values = key.values();
                for (int i = 0; i < keyIndexes.length; i++) {
                    dialect.bind(ps, p++, values.get(i), columns.get(keyIndexes[i]));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[keyIndexes.length];
                    for (int i = 0; i < keyIndexes.length; i++) {
                        values[i] = dialect.read(rs, i + 1, columns.get(keyIndexes[i]));
                    }
                    found.add(Key.of(values));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Looking up keys in table " + schema().name() + " failed", e);
        }
    }
}
