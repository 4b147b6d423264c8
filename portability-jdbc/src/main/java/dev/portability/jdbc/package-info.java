/**
 * Table adapters over a {@link javax.sql.DataSource} for H2, PostgreSQL and MariaDB/MySQL: start with
 * {@link dev.portability.jdbc.JdbcStore#discover(javax.sql.DataSource)}.
 */
package dev.portability.jdbc;
