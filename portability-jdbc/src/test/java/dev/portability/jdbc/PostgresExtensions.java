package dev.portability.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * PostgreSQL extensions the tests use ({@code citext}, {@code hstore}, {@code ltree}, {@code lo}). An extension
 * belongs to a database, not to the schema a {@link TestDatabase} makes, so it is created once in schema
 * {@code public} of the test database and never dropped: its types are {@code public.citext} and so on. Tests of
 * other processes may create it at the same moment, so the {@code CREATE EXTENSION IF NOT EXISTS} runs under a
 * transaction-scoped advisory lock (two concurrent creations would otherwise fail on a unique index of the
 * catalog).
 */
final class PostgresExtensions {

    /** The advisory lock key under which extensions are created (any fixed number). */
    private static final long LOCK = 0x706f7274_65787473L;

    private static final Set<String> CREATED = new HashSet<>();

    private PostgresExtensions() {
    }

    /**
     * Makes sure the extensions exist in the database of the given test database.
     *
     * @param database a PostgreSQL test database
     * @param names the extensions
     */
    static synchronized void ensure(TestDatabase database, String... names) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            for (String name : names) {
                if (!CREATED.contains(name)) {
                    s.execute("CREATE EXTENSION IF NOT EXISTS " + name + " SCHEMA public");
                }
            }
            c.commit();
            CREATED.addAll(java.util.List.of(names));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the extensions " + String.join(", ", names), e);
        }
    }
}
