package dev.portability.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A PostgreSQL data source whose connections act as another role ({@code SET ROLE}): a user who is not the tables'
 * owner, without a login of its own.
 */
final class AsRole extends DelegatingDataSource {

    private final String role;

    AsRole(DataSource target, String role) {
        super(target);
        this.role = role;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = target.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE " + role);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
