package dev.portability.jdbc.internal;

import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import dev.portability.jdbc.JdbcDialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/** H2 2.x. */
final class H2Dialect extends Dialect {

    @Override
    public JdbcDialect kind() {
        return JdbcDialect.H2;
    }

    @Override
    public int snapshotIsolation() {
        return Connection.TRANSACTION_REPEATABLE_READ;
    }

    @Override
    public LogicalType map(int sqlType, String typeName, int size, int scale) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (name.equals("JSON")) {
            return LogicalType.json();
        }
        if (name.equals("UUID")) {
            return LogicalType.uuid();
        }
        if (sqlType == Types.ARRAY || name.endsWith(" ARRAY")) {
            LogicalType element = mapName(name.replaceFirst("\\s*ARRAY.*$", ""));
            return element == null ? null : LogicalType.array(element);
        }
        if (name.equals("ENUM")) {
            return LogicalType.text();
        }
        if (name.startsWith("DECFLOAT")) {
            return LogicalType.decimal();
        }
        return super.map(sqlType, typeName, size, scale);
    }

    @Override
    public Object read(ResultSet rs, int index, JdbcColumn column) throws SQLException {
        if (column.column().type().kind() == Kind.JSON) {
            byte[] bytes = rs.getBytes(index);
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }
        return super.read(rs, index, column);
    }

    @Override
    public String parameter(JdbcColumn column) {
        return column.column().type().kind() == Kind.JSON ? "? FORMAT JSON" : "?";
    }
}
