package dev.portability.jdbc.internal;

import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import dev.portability.jdbc.JdbcDialect;
import java.sql.Types;
import java.util.Locale;

/** PostgreSQL 15 and later. */
final class PostgresDialect extends Dialect {

    @Override
    public JdbcDialect kind() {
        return JdbcDialect.POSTGRESQL;
    }

    @Override
    public LogicalType map(int sqlType, String typeName, int size, int scale) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        switch (name) {
            case "json", "jsonb" -> {
                return LogicalType.json();
            }
            case "uuid" -> {
                return LogicalType.uuid();
            }
            case "text" -> {
                return LogicalType.text();
            }
            case "bytea" -> {
                return LogicalType.binary();
            }
            case "timestamptz" -> {
                return LogicalType.timestampTz();
            }
            case "numeric" -> {
                // an unconstrained numeric reports precision 131089
                return size > 0 && size <= LogicalType.MAX_DECIMAL_PRECISION ? LogicalType.decimal(size, scale)
                        : LogicalType.decimal();
            }
            default -> {
                // fall through to arrays and the standard mapping
            }
        }
        if (sqlType == Types.ARRAY && name.startsWith("_")) {
            LogicalType element = mapName(name.substring(1));
            return element == null ? null : LogicalType.array(element);
        }
        if (name.equals("bool")) {
            return LogicalType.bool();
        }
        return super.map(sqlType, typeName, size, scale);
    }

    @Override
    public String parameter(JdbcColumn column) {
        if (column.column().type().kind() == Kind.JSON) {
            return "CAST(? AS " + column.typeName() + ")";
        }
        return "?";
    }

    @Override
    protected String elementTypeName(JdbcColumn column) {
        return column.typeName().startsWith("_") ? column.typeName().substring(1) : column.typeName();
    }
}
