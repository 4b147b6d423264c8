package dev.portability.jdbc;

import dev.portability.jdbc.TestDatabase.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Database sessions seen from another connection, as an operator sees them: a session's id, whether it waits for
 * a lock, and killing it on the server (PostgreSQL {@code pg_terminate_backend}, MariaDB {@code KILL CONNECTION},
 * H2 {@code ABORT_SESSION}). Every wait here is bounded.
 */
final class Sessions {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Sessions() {
    }

    /** @return the server's id of the connection's session */
    static long id(Kind kind, Connection connection) throws SQLException {
        String sql = switch (kind) {
            case POSTGRESQL -> "SELECT pg_backend_pid()";
            case MARIADB -> "SELECT CONNECTION_ID()";
            case H2 -> "SELECT SESSION_ID()";
        };
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** @return the MariaDB server's {@code max_allowed_packet} */
    static long maxAllowedPacket(javax.sql.DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@max_allowed_packet")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** @return the session's lock wait bound as the database shows it */
    static String lockTimeout(Kind kind, Connection c) throws SQLException {
        String sql = switch (kind) {
            case POSTGRESQL -> "SHOW lock_timeout";
            case MARIADB -> "SELECT CONCAT(@@session.innodb_lock_wait_timeout, '/', @@session.lock_wait_timeout)";
            case H2 -> "SELECT LOCK_TIMEOUT()";
        };
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Kills a session from another connection and waits until the server no longer lists it. */
    static void kill(TestDatabase db, long id) throws SQLException {
        try (Connection admin = db.dataSource().getConnection()) {
            switch (db.kind()) {
                case POSTGRESQL -> query(admin, "SELECT pg_terminate_backend(CAST(? AS INTEGER))", id);
                case MARIADB -> {
                    try (Statement s = admin.createStatement()) {
                        s.execute("KILL CONNECTION " + id);
                    }
                }
                case H2 -> query(admin, "SELECT ABORT_SESSION(?)", id);
            }
            String listed = switch (db.kind()) {
                case POSTGRESQL -> "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?";
                case MARIADB -> "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?";
                case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = ?";
            };
            await("session " + id + " to end", () -> count(admin, listed, id) == 0);
        }
    }

    /**
     * @return whether the session waits for a lock another transaction holds: a row or table lock, PostgreSQL's
     *     advisory locks, MariaDB's named locks ({@code GET_LOCK})
     */
    static boolean waitsForLock(TestDatabase db, long id) throws SQLException {
        try (Connection admin = db.dataSource().getConnection()) {
            return switch (db.kind()) {
                case POSTGRESQL -> count(admin, "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ? "
                        + "AND wait_event_type = 'Lock'", id) > 0;
                case MARIADB -> count(admin, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ? "
                        + "AND STATE = 'User lock'", id) > 0
                        || count(admin, "SELECT COUNT(*) FROM information_schema.INNODB_TRX "
                                + "WHERE trx_mysql_thread_id = ? AND trx_state = 'LOCK WAIT'", id) > 0;
                case H2 -> count(admin, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = ? "
                        + "AND SESSION_STATE = 'BLOCKED'", id) > 0;
            };
        }
    }

    /** Waits until the session waits for a lock; fails after a bounded time. */
    static void awaitWaitingForLock(TestDatabase db, long id) {
        await("session " + id + " to wait for a lock", () -> {
            try {
                return waitsForLock(db, id);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits until a thread is parked (in a bounded wait inside this JVM, such as H2's import lock). */
    static void awaitParked(Thread thread) {
        await(thread.getName() + " to wait", () -> thread.getState() == Thread.State.TIMED_WAITING);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private static void query(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeQuery().close();
        }
    }

    private static long count(Connection c, String sql, long id) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
