package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ConfigurationException;
import dev.portability.api.ConflictPolicy;
import dev.portability.api.ImportOptions;
import dev.portability.api.StoreException;
import dev.portability.api.spi.Access;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database fails while an import runs: the server kills the import's session, another transaction holds a
 * lock until the lock timeout runs out, a deadlock, a commit that fails. Each leaves every table exactly as it was
 * and surfaces a {@link StoreException} that says what failed where, retryable where the database says so; no wait
 * is unbounded. On H2, PostgreSQL and MariaDB.
 *
 * <p>The target holds parents 1..50 and children 1..50; the archive holds parents 1..100 and children 1..100 with
 * other values, written 10 rows per batch: REPLACE inserts parents in batches 1..10 and children in 11..20.
 */
class ImportFaultsTest {

    private static final int BATCH = 10;
    private static final int ROWS = 100;

    /** What the test waits at most for an import that must fail: far above every lock timeout used here. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static void schema(TestDatabase db, String foreignKeyOptions) {
        db.execute("CREATE TABLE parent (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
                "CREATE TABLE child (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL, amount DECIMAL(12,2) NOT NULL,"
                        + " CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent(id)"
                        + foreignKeyOptions + ")");
    }

    static void fill(TestDatabase db, int from, int to, String label) {
        StringBuilder parents = new StringBuilder("INSERT INTO parent VALUES ");
        StringBuilder children = new StringBuilder("INSERT INTO child VALUES ");
        for (int i = from; i <= to; i++) {
            String comma = i == from ? "" : ", ";
            parents.append(comma).append("(").append(i).append(", '").append(label).append(' ').append(i).append("')");
            children.append(comma).append("(").append(i).append(", ").append(i).append(", ").append(i).append('.')
                    .append(i % 100).append(")");
        }
        db.execute(parents.toString(), children.toString());
    }

    static Map<String, List<List<Object>>> contents(TestDatabase db) throws SQLException {
        return Databases.contents(db.dataSource(), "parent", "id", "child", "id");
    }

    static Portability portability(DataSource dataSource, Duration lockTimeout) {
        return Stores.portability(JdbcStore.configure(dataSource).exclude("ballast").lockTimeout(lockTimeout)
                .discover());
    }

    /**
     * A store whose REPLACE deletes row by row (no PostgreSQL TRUNCATE), so that readers and exports go on during
     * its imports.
     */
    static Portability deletingPortability(DataSource dataSource, Duration lockTimeout) {
        return Stores.portability(JdbcStore.configure(dataSource).exclude("ballast").lockTimeout(lockTimeout)
                .truncateOnReplace(false).discover());
    }

    static Portability portability(DataSource dataSource) {
        return portability(dataSource, JdbcStore.DEFAULT_LOCK_TIMEOUT);
    }

    /** An archive of parents and children {@code from..to} labelled {@code label}, after {@code sql} on the source. */
    static Path archive(Kind kind, Path file, int from, int to, String label, String... sql) {
        try (TestDatabase source = TestDatabase.create(kind)) {
            schema(source, "");
            fill(source, from, to, label);
            source.execute(sql);
            portability(source.dataSource()).export(file);
            return file;
        }
    }

    private Path archive(Kind kind) {
        return archive(kind, dir.resolve("archive.zip"), 1, ROWS, "source");
    }

    private static TestDatabase target(Kind kind, String foreignKeyOptions) {
        TestDatabase target = TestDatabase.create(kind);
        schema(target, foreignKeyOptions);
        fill(target, 1, 50, "target");
        return target;
    }

    /**
     * Runs work on another thread and returns what it threw; fails the test if it does not end within
     * {@link #BOUND} (a wait that never ends) or ends without throwing.
     */
    static Throwable failureOf(ExecutorService executor, Runnable work) throws InterruptedException {
        Future<?> running = executor.submit(work);
        try {
            running.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new AssertionError("the import did not end within " + BOUND.toSeconds() + " s: a wait is unbounded");
        }
        throw new AssertionError("the import succeeded, but it should have failed");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anImportWhoseSessionTheServerKillsRollsEverythingBack(Kind kind) throws Exception {
        Path archive = archive(kind);
        try (TestDatabase target = target(kind, "")) {
            Map<String, List<List<Object>>> before = contents(target);
            // just before child batch 5 reaches the database, an operator kills the import's session
            DataSource seam = new FaultInjectingDataSource(target.dataSource(), "INSERT INTO", ROWS / BATCH + 5,
                    real -> Sessions.kill(target, Sessions.id(kind, real)));

            assertThatThrownBy(() -> portability(seam).importArchive(archive,
                    ImportOptions.replace().withBatchSize(BATCH)))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.getMessage()).contains("inserting archive rows 41-50 into table child");
                        assertThat(e.retryable()).as("retryable, the session being gone: " + e.getMessage())
                                .isTrue();
                    });

            assertThat(contents(target)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRowLockedByAnotherTransactionFailsTheImportWhenTheLockTimeoutRunsOut(Kind kind) throws Exception {
        Path archive = archive(kind);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (TestDatabase target = target(kind, ""); Connection holder = target.dataSource().getConnection()) {
            Map<String, List<List<Object>>> before = contents(target);
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeUpdate("UPDATE parent SET name = 'held by another transaction' WHERE id = 30");
            }
            Portability portability = portability(target.dataSource(), Duration.ofSeconds(1));

            Throwable failure = failureOf(executor, () -> portability.importArchive(archive,
                    ImportOptions.replace().withBatchSize(BATCH)));

            holder.rollback();
            assertThat(failure).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.getMessage()).contains("deleting the rows of table parent")
                        .containsAnyOf("lock timeout", "Lock wait timeout", "Timeout trying to lock");
                assertThat(e.retryable()).as("retryable: the lock may be free next time").isTrue();
            });
            assertThat(contents(target)).isEqualTo(before);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The other transaction locks parent 50 first, then waits for parent 1, which the import updated in its first
     * batch; the import then reaches parent 50. The other transaction is made the one the database keeps: on
     * MariaDB it has changed more rows (InnoDB rolls back the smaller transaction), on PostgreSQL it checks for
     * deadlocks only after 30 s (the import after the default 1 s), on H2 it is the older transaction.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeadlockWithAnotherTransactionFailsTheImportAsRetryable(Kind kind) throws Exception {
        Path archive = archive(kind);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (TestDatabase target = target(kind, ""); Connection other = target.dataSource().getConnection()) {
            target.execute("CREATE TABLE ballast (id INT PRIMARY KEY, v INT NOT NULL)");
            StringBuilder ballast = new StringBuilder("INSERT INTO ballast VALUES (0, 0)");
            for (int i = 1; i < 2000; i++) {
                ballast.append(", (").append(i).append(", 0)");
            }
            target.execute(ballast.toString());
            Map<String, List<List<Object>>> before = contents(target);
            long otherSession = Sessions.id(kind, other);
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                if (kind == Kind.POSTGRESQL) {
                    s.execute("SET deadlock_timeout = '30s'");
                }
                s.executeUpdate("UPDATE ballast SET v = 1");
                s.executeUpdate("UPDATE parent SET name = 'other 50' WHERE id = 50");
            }
            Future<?>[] otherWaits = new Future<?>[1];
            // before the import's second UPDATE batch: it holds parents 1..10; the other transaction now waits
            DataSource seam = new FaultInjectingDataSource(target.dataSource(), "UPDATE", 2, real -> {
                otherWaits[0] = executor.submit(() -> {
                    try (Statement s = other.createStatement()) {
                        s.executeUpdate("UPDATE parent SET name = 'other 1' WHERE id = 1");
                    }
                    return null;
                });
                Sessions.await("session " + otherSession + " to wait for parent 1's lock", () -> {
                    if (otherWaits[0].isDone()) {
                        // it did not wait: say what it did, rather than wait out the bound
                        throw new AssertionError("the other transaction's UPDATE of parent 1 ended without "
                                + "waiting for the import's lock: " + outcome(otherWaits[0]));
                    }
                    try {
                        return Sessions.waitsForLock(target, otherSession);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            });
            Portability portability = portability(seam);

            Throwable failure = failureOf(executor, () -> portability.importArchive(archive,
                    ImportOptions.merge(ConflictPolicy.OVERWRITE).withBatchSize(BATCH)));

            otherWaits[0].get(BOUND.toSeconds(), TimeUnit.SECONDS);
            other.rollback();
            assertThat(failure).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.getMessage()).contains("overwriting archive rows 41-50 in table parent")
                        .containsIgnoringCase("deadlock");
                assertThat(e.retryable()).as("retryable: a deadlock victim may succeed next time").isTrue();
            });
            assertThat(contents(target)).isEqualTo(before);
        } finally {
            executor.shutdownNow();
        }
    }

    private static String outcome(Future<?> future) {
        try {
            future.get();
            return "it succeeded";
        } catch (ExecutionException e) {
            return "it failed with " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Test
    void aDeferredConstraintThatFailsAtCommitOnPostgresqlCommitsNothing() throws Exception {
        Path archive = archive(Kind.POSTGRESQL, dir.resolve("orphan.zip"), 1, ROWS, "source",
                "ALTER TABLE child DROP CONSTRAINT child_parent", "UPDATE child SET parent_id = 999 WHERE id = 77");
        try (TestDatabase target = target(Kind.POSTGRESQL, " DEFERRABLE INITIALLY DEFERRED")) {
            Map<String, List<List<Object>>> before = contents(target);

            assertThatThrownBy(() -> portability(target.dataSource()).importArchive(archive,
                    ImportOptions.replace().withBatchSize(BATCH)))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.getMessage()).contains("Committing the transaction failed; nothing was imported")
                                .contains("child_parent").contains("(parent_id)=(999)").contains("SQLState 23503");
                        assertThat(e.retryable()).as("not retryable: the archive breaks a constraint").isFalse();
                    });

            assertThat(contents(target)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSessionKilledJustBeforeCommitCommitsNothing(Kind kind) throws Exception {
        Path archive = archive(kind);
        try (TestDatabase target = target(kind, "")) {
            Map<String, List<List<Object>>> before = contents(target);
            DataSource seam = FaultInjectingDataSource.beforeCommit(target.dataSource(), "INSERT INTO",
                    real -> Sessions.kill(target, Sessions.id(kind, real)));

            assertThatThrownBy(() -> portability(seam).importArchive(archive,
                    ImportOptions.replace().withBatchSize(BATCH)))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.getMessage()).contains("Committing the transaction failed because the "
                                + "connection to the database was lost");
                        assertThat(e.retryable()).isTrue();
                    });

            assertThat(contents(target)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyUnitOfWorkBoundsLockWaitsAndPutsTheSessionsSettingBack(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            schema(db, "");
            try (PooledDataSource pool = new PooledDataSource(db)) {
                String original;
                try (Connection c = pool.getConnection()) {
                    original = Sessions.lockTimeout(kind, c);
                }
                JdbcStore byDefault = JdbcStore.discover(pool);
                JdbcStore configured = JdbcStore.configure(pool).lockTimeout(Duration.ofMillis(1500)).discover();

                for (Access access : Access.values()) {
                    try (JdbcUnitOfWork work = byDefault.begin(access)) {
                        assertThat(Sessions.lockTimeout(kind, work.connection())).as(access + ", by default")
                                .isEqualTo(switch (kind) {
                                    case POSTGRESQL -> "30s";
                                    case MARIADB -> "30/30";
                                    case H2 -> "30000";
                                });
                        work.commit();
                    }
                    try (JdbcUnitOfWork work = configured.begin(access)) {
                        assertThat(Sessions.lockTimeout(kind, work.connection())).as(access + ", configured")
                                .isEqualTo(switch (kind) {
                                    case POSTGRESQL -> "1500ms";
                                    case MARIADB -> "2/2"; // whole seconds, rounded up
                                    case H2 -> "1500";
                                });
                        work.commit();
                    }
                    try (Connection c = pool.getConnection()) {
                        assertThat(Sessions.lockTimeout(kind, c)).as("after " + access).isEqualTo(original);
                    }
                }
            }
        }
    }

    /** The first import's connection stays open in the host's pool: the lock must not stay with it. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void theImportLockIsHeldUntilTheImportEndsAndNotAfterwards(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            schema(db, "");
            try (PooledDataSource pool = new PooledDataSource(db)) {
                JdbcStore pooled = JdbcStore.discover(pool);
                JdbcStore impatient = JdbcStore.configure(db.dataSource()).lockTimeout(Duration.ofMillis(1))
                        .discover();

                try (JdbcUnitOfWork first = pooled.begin(Access.WRITE)) {
                    assertThatThrownBy(() -> impatient.begin(Access.WRITE)).isInstanceOf(StoreException.class)
                            .hasMessageContaining("Another import into " + schemaName(db) + " is still running");
                    first.rollback();
                }
                try (JdbcUnitOfWork second = impatient.begin(Access.WRITE)) {
                    second.rollback();
                }
                try (JdbcUnitOfWork third = pooled.begin(Access.WRITE)) {
                    third.commit();
                }
            }
        }
    }

    private static String schemaName(TestDatabase db) {
        return db.kind() == Kind.H2 ? "PUBLIC" : db.name();
    }

    @Test
    void aLockTimeoutOutOfRangeIsRefusedNamingTheSetting() {
        DataSource unused = Databases.h2();
        assertThatThrownBy(() -> JdbcStore.configure(unused).lockTimeout(Duration.ZERO))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lockTimeout must be between");
        assertThatThrownBy(() -> JdbcStore.configure(unused).lockTimeout(Duration.ofDays(2)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("was PT48H");
    }
}
