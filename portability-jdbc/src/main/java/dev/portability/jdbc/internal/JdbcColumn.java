package dev.portability.jdbc.internal;

import dev.portability.api.Column;

/**
 * A discovered column: its logical description, what the database calls it, and how its values travel.
 *
 * @param column the logical column (its name may be normalised, see {@link Discovery})
 * @param sqlName the column's name in the database, quoted when it reaches SQL
 * @param typeName the database's type name, e.g. {@code jsonb}, {@code _int4}, {@code TINYINT UNSIGNED}
 * @param codec reads and binds its values
 * @param identity whether the database generates its values (identity, serial, AUTO_INCREMENT): moved past
 *     the highest imported value after an import
 * @param alwaysGenerated whether it is {@code GENERATED ALWAYS AS IDENTITY}: inserts override the generator,
 *     updates leave it alone
 * @param defaultValue the column's default as metadata gives it, or null
 */
public record JdbcColumn(Column column, String sqlName, String typeName, Codec codec, boolean identity,
        boolean alwaysGenerated, String defaultValue) {
}
