package dev.portability.jdbc.internal;

import dev.portability.api.Column;

/**
 * A discovered column: its logical description and what the database calls it.
 *
 * @param column the logical column (its name may be normalised, see {@link Discovery})
 * @param sqlName the column's name in the database, quoted when it reaches SQL
 * @param sqlType the JDBC type code
 * @param typeName the database's type name, e.g. {@code jsonb}, {@code _int4}
 */
public record JdbcColumn(Column column, String sqlName, int sqlType, String typeName) {
}
