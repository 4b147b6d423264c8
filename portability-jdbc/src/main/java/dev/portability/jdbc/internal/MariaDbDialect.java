package dev.portability.jdbc.internal;

import dev.portability.api.LogicalType;
import dev.portability.jdbc.JdbcDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.UUID;

/** MariaDB 10.6 and later, and MySQL 8. */
final class MariaDbDialect extends Dialect {

    @Override
    public JdbcDialect kind() {
        return JdbcDialect.MARIADB;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public int fetchSize() {
        return 1000;
    }

    @Override
    public LogicalType map(int sqlType, String typeName, int size, int scale) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("json")) {
            return LogicalType.json();
        }
        if (name.equals("uuid")) {
            return LogicalType.uuid();
        }
        if ((sqlType == Types.BIT || sqlType == Types.TINYINT || sqlType == Types.BOOLEAN) && size == 1) {
            return LogicalType.bool();
        }
        if (name.contains("text")) {
            return LogicalType.text();
        }
        if (name.contains("blob")) {
            return LogicalType.binary();
        }
        return super.map(sqlType, typeName, size, scale);
    }

    @Override
    public void bind(java.sql.PreparedStatement ps, int index, Object value, JdbcColumn column) throws SQLException {
        if (value instanceof UUID uuid) {
            ps.setString(index, uuid.toString());
            return;
        }
        super.bind(ps, index, value, column);
    }

    @Override
    protected Object readUuid(ResultSet rs, int index) throws SQLException {
        String text = rs.getString(index);
        return text == null ? null : UUID.fromString(text);
    }
}
