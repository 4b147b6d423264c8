package dev.portability.jdbc.contract;

import dev.portability.api.Column;
import dev.portability.api.ForeignKey;
import dev.portability.api.LogicalType;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.DataStore;
import dev.portability.jdbc.JdbcStore;
import dev.portability.jdbc.JdbcUnitOfWork;
import dev.portability.jdbc.TestDatabase;
import dev.portability.testkit.TableAdapterContract;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The testkit's adapter contract suite over the JDBC adapters: each store is a fresh {@link TestDatabase} whose
 * tables are created with the DDL below, then discovered with {@link JdbcStore#discover}.
 */
abstract class JdbcContract extends TableAdapterContract<JdbcUnitOfWork> {

    private final Map<DataStore<JdbcUnitOfWork>, TestDatabase> databases = new IdentityHashMap<>();

    /** @return the database the subclass checks */
    abstract TestDatabase.Kind kind();

    @Override
    protected DataStore<JdbcUnitOfWork> createStore(List<TableSchema> tables) {
        TestDatabase database = TestDatabase.create(kind());
        try {
            database.execute(createTables(kind(), tables));
            DataStore<JdbcUnitOfWork> store = JdbcStore.discover(database.dataSource());
            databases.put(store, database);
            return store;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    protected void dropStore(DataStore<JdbcUnitOfWork> store) {
        TestDatabase database = databases.remove(store);
        if (database != null) {
            database.close();
        }
    }

    /** CREATE TABLE statements for the contract tables, types mapped as a host's schema would declare them. */
    static String[] createTables(TestDatabase.Kind kind, List<TableSchema> tables) {
        List<String> statements = new ArrayList<>();
        for (TableSchema table : tables) {
            StringJoiner parts = new StringJoiner(", ", "CREATE TABLE " + table.name() + " (", ")");
            for (Column column : table.columns()) {
                parts.add(column.name() + " " + type(kind, column.type()) + (column.nullable() ? "" : " NOT NULL"));
            }
            parts.add("PRIMARY KEY (" + String.join(", ", table.primaryKey()) + ")");
            for (ForeignKey fk : table.foreignKeys()) {
                parts.add("FOREIGN KEY (" + String.join(", ", fk.columns()) + ") REFERENCES " + fk.referencedTable()
                        + " (" + String.join(", ", fk.referencedColumns()) + ")");
            }
            statements.add(parts.toString());
        }
        return statements.toArray(String[]::new);
    }

    private static String type(TestDatabase.Kind kind, LogicalType type) {
        String bounds = type.precision().map(p -> "(" + p + "," + type.scale().orElseThrow() + ")").orElse("");
        String length = type.maxLength().map(n -> "(" + n + ")").orElse("");
        return switch (kind) {
            case H2 -> switch (type.kind()) {
                case BOOLEAN -> "BOOLEAN";
                case INTEGER -> "BIGINT";
                case DECIMAL -> bounds.isEmpty() ? "DECFLOAT" : "NUMERIC" + bounds; // H2's NUMERIC has scale 0
                case DOUBLE -> "DOUBLE PRECISION";
                case TEXT -> length.isEmpty() ? "CHARACTER LARGE OBJECT" : "VARCHAR" + length;
                case BINARY -> length.isEmpty() ? "BINARY LARGE OBJECT" : "VARBINARY" + length;
                case DATE -> "DATE";
                case TIME -> "TIME(9)";
                case TIMESTAMP -> "TIMESTAMP(9)";
                case TIMESTAMP_TZ -> "TIMESTAMP(9) WITH TIME ZONE";
                case UUID -> "UUID";
                case JSON -> "JSON";
                case ARRAY -> (type.elementType().orElseThrow().kind() == LogicalType.Kind.TEXT ? "VARCHAR"
                        : "BIGINT") + " ARRAY";
                case NATIVE -> throw new IllegalArgumentException("the contract tables have no NATIVE column");
            };
            case POSTGRESQL -> switch (type.kind()) {
                case BOOLEAN -> "boolean";
                case INTEGER -> "bigint";
                case DECIMAL -> "numeric" + bounds;
                case DOUBLE -> "double precision";
                case TEXT -> length.isEmpty() ? "text" : "varchar" + length;
                case BINARY -> "bytea";
                case DATE -> "date";
                case TIME -> "time(6)";
                case TIMESTAMP -> "timestamp(6)";
                case TIMESTAMP_TZ -> "timestamptz(6)";
                case UUID -> "uuid";
                case JSON -> "jsonb";
                case ARRAY -> (type.elementType().orElseThrow().kind() == LogicalType.Kind.TEXT ? "text"
                        : "bigint") + "[]";
                case NATIVE -> type.nativeTypeName().orElseThrow(); // a pg_catalog type: interval, inet, ...
            };
            case MARIADB -> switch (type.kind()) {
                case BOOLEAN -> "BIT(1)"; // MariaDB's BOOLEAN is TINYINT(1), an INTEGER
                case INTEGER -> "BIGINT";
                case DECIMAL -> "DECIMAL" + bounds;
                case DOUBLE -> "DOUBLE";
                case TEXT -> length.isEmpty() ? "LONGTEXT" : "VARCHAR" + length;
                case BINARY -> length.isEmpty() ? "LONGBLOB" : "VARBINARY" + length;
                case DATE -> "DATE";
                case TIME -> "TIME(6)";
                case TIMESTAMP -> "DATETIME(6)";
                case UUID -> "UUID";
                case JSON -> "JSON";
                case TIMESTAMP_TZ, ARRAY, NATIVE -> throw new IllegalArgumentException("MariaDB has no " + type.kind()
                        + " type; the capabilities leave it out");
            };
        };
    }
}
