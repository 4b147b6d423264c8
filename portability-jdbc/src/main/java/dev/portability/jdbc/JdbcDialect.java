package dev.portability.jdbc;

/**
 * The databases the JDBC adapters speak. Normally picked from the connection's metadata; a host can force one
 * with {@link JdbcStore.Configuration#dialect(JdbcDialect)}.
 */
public enum JdbcDialect {
    /** H2 2.x. */
    H2,
    /** PostgreSQL 15 and later. */
    POSTGRESQL,
    /** MariaDB 10.6 and later, and MySQL 8. */
    MARIADB
}
