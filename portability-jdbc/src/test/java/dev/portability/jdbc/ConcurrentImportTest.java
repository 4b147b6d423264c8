package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ExportOptions;
import dev.portability.api.ImportOptions;
import dev.portability.api.Phase;
import dev.portability.api.ProgressEvent;
import dev.portability.api.StoreException;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two imports into the same database at once run one after the other (or the second is refused with a retryable
 * error when it cannot wait long enough), never interleaved; an export taken while an import runs sees the
 * database as it was before the import, or after it, never half. On H2, PostgreSQL and MariaDB.
 *
 * <p>Import A is held just before one of its batches reaches the database until import B has started and waits;
 * the end state is compared with A and B applied one after the other to a copy of the target.
 */
class ConcurrentImportTest {

    private static final int BATCH = 10;
    private static final long BOUND_SECONDS = 60;

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    private static TestDatabase target(Kind kind) {
        TestDatabase db = TestDatabase.create(kind);
        ImportFaultsTest.schema(db, "");
        ImportFaultsTest.fill(db, 1, 50, "target");
        return db;
    }

    /** The target's contents after importing the archives one after the other into a fresh copy of it. */
    private static Map<String, List<List<Object>>> sequentially(Kind kind, ImportOptions options, Path... archives)
            throws SQLException {
        try (TestDatabase copy = target(kind)) {
            Portability portability = ImportFaultsTest.portability(copy.dataSource());
            for (Path archive : archives) {
                portability.importArchive(archive, options);
            }
            return ImportFaultsTest.contents(copy);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoReplaceImportsAtOnceRunOneAfterTheOther(Kind kind) throws Exception {
        Path a = ImportFaultsTest.archive(kind, dir.resolve("a.zip"), 1, 100, "a");
        Path b = ImportFaultsTest.archive(kind, dir.resolve("b.zip"), 101, 200, "b");
        ImportOptions replace = ImportOptions.replace().withBatchSize(BATCH);

        // A's 13th INSERT batch is its third of children
        assertTwoImportsAtOnceRunOneAfterTheOther(kind, a, b, replace, 13, -1);
    }

    /**
     * A host whose pool hands out SERIALIZABLE connections: on PostgreSQL the statement that waits for the import
     * lock would fix a snapshot from before the other import's commit, so imports run READ COMMITTED there.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoReplaceImportsAtOnceRunOneAfterTheOtherWhenTheHostsConnectionsAreSerializable(Kind kind)
            throws Exception {
        Path a = ImportFaultsTest.archive(kind, dir.resolve("a.zip"), 1, 100, "a");
        Path b = ImportFaultsTest.archive(kind, dir.resolve("b.zip"), 101, 200, "b");
        ImportOptions replace = ImportOptions.replace().withBatchSize(BATCH);

        assertTwoImportsAtOnceRunOneAfterTheOther(kind, a, b, replace, 13, Connection.TRANSACTION_SERIALIZABLE);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoMergeImportsAtOnceRunOneAfterTheOther(Kind kind) throws Exception {
        Path a = ImportFaultsTest.archive(kind, dir.resolve("a.zip"), 1, 100, "a");
        Path b = ImportFaultsTest.archive(kind, dir.resolve("b.zip"), 51, 150, "b");
        ImportOptions merge = ImportOptions.merge(ConflictPolicy.OVERWRITE).withBatchSize(BATCH);

        // A inserts parents 51..100 in 5 batches: its 8th INSERT batch is its third of children
        assertTwoImportsAtOnceRunOneAfterTheOther(kind, a, b, merge, 8, -1);
    }

    private void assertTwoImportsAtOnceRunOneAfterTheOther(Kind kind, Path a, Path b, ImportOptions options,
            int holdAtInsert, int hostIsolation) throws Exception {
        Map<String, List<List<Object>>> aThenB = sequentially(kind, options, a, b);
        try (TestDatabase target = target(kind)) {
            HostDataSource bSessions = new HostDataSource(kind, target.dataSource(), hostIsolation);
            Portability importerB = ImportFaultsTest.portability(bSessions);
            Future<?>[] importB = new Future<?>[1];
            // A holds its transaction open, just before an INSERT batch, until B waits for it
            DataSource seam = new FaultInjectingDataSource(new HostDataSource(kind, target.dataSource(),
                    hostIsolation), "INSERT INTO", holdAtInsert, real -> {
                Thread[] bThread = new Thread[1];
                importB[0] = executor.submit(() -> {
                    bThread[0] = Thread.currentThread();
                    return importerB.importArchive(b, options);
                });
                awaitWaiting(target, bSessions, bThread);
            });
            Future<?> importA = executor.submit(() -> ImportFaultsTest.portability(seam).importArchive(a, options));

            importA.get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertThat(importB[0]).as("import B, started while A was held").isNotNull();
            importB[0].get(BOUND_SECONDS, TimeUnit.SECONDS);

            assertThat(Databases.differences(ImportFaultsTest.contents(target), aThenB))
                    .as("the target after both imports, compared with A then B").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anImportThatCannotWaitLongEnoughForAnotherIsRefusedAndTheOtherStands(Kind kind) throws Exception {
        Path a = ImportFaultsTest.archive(kind, dir.resolve("a.zip"), 1, 100, "a");
        Path b = ImportFaultsTest.archive(kind, dir.resolve("b.zip"), 101, 200, "b");
        ImportOptions replace = ImportOptions.replace().withBatchSize(BATCH);
        Map<String, List<List<Object>>> aOnly = sequentially(kind, replace, a);
        try (TestDatabase target = target(kind)) {
            Portability impatient = ImportFaultsTest.portability(target.dataSource(), Duration.ofSeconds(1));
            Throwable[] bFailure = new Throwable[1];
            // A holds its transaction open until B, which waits at most 1 s, has given up
            DataSource seam = new FaultInjectingDataSource(target.dataSource(), "INSERT INTO", 13, real -> {
                Future<?> importB = executor.submit(() -> impatient.importArchive(b, replace));
                try {
                    importB.get(BOUND_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    bFailure[0] = e.getCause();
                } catch (Exception e) {
                    throw new IllegalStateException("import B did not end", e);
                }
            });

            executor.submit(() -> ImportFaultsTest.portability(seam).importArchive(a, replace))
                    .get(BOUND_SECONDS, TimeUnit.SECONDS);

            assertThat(bFailure[0]).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.getMessage()).contains("Another import into")
                        .contains("is still running; the lock timeout (1 s) ran out")
                        .contains("lockTimeout").contains("Nothing was imported");
                assertThat(e.retryable()).isTrue();
            });
            assertThat(Databases.differences(ImportFaultsTest.contents(target), aOnly))
                    .as("the target holds what A imported").isEmpty();
        }
    }

    /**
     * The export reads the first table while the import is held half-way, then lets the import commit and reads
     * the second table only after that: it must still show the database as it was before the import.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void anExportTakenDuringAnImportSeesTheDatabaseBeforeItNeverHalf(Kind kind) throws Exception {
        Path archive = ImportFaultsTest.archive(kind, dir.resolve("new.zip"), 1, 100, "new");
        try (TestDatabase target = target(kind); TestDatabase copy = TestDatabase.create(kind)) {
            ImportFaultsTest.schema(copy, "");
            Map<String, List<List<Object>>> before = ImportFaultsTest.contents(target);
            CountDownLatch halfWay = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            // REPLACE has deleted every row and inserted parents 1..100 and children 1..40 when it is held here
            DataSource seam = new FaultInjectingDataSource(target.dataSource(), "INSERT INTO", 15, real -> {
                halfWay.countDown();
                await(resume);
            });
            Future<?> importing = executor.submit(() -> ImportFaultsTest.portability(seam).importArchive(archive,
                    ImportOptions.replace().withBatchSize(BATCH)));
            await(halfWay);
            Portability exporter = ImportFaultsTest.portability(target.dataSource());
            ExportOptions commitBeforeChildren = ExportOptions.defaults().withListener(event -> {
                if (event.phase() == Phase.EXPORTING && event.stage() == ProgressEvent.Stage.STARTED
                        && "child".equals(event.table())) {
                    resume.countDown();
                    try {
                        importing.get(BOUND_SECONDS, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the import did not commit", e);
                    }
                }
            });

            Path during = dir.resolve("during.zip");
            exporter.export(during, commitBeforeChildren);
            importing.get(BOUND_SECONDS, TimeUnit.SECONDS);
            Map<String, List<List<Object>>> after = ImportFaultsTest.contents(target);
            Path afterwards = dir.resolve("after.zip");
            exporter.export(afterwards);

            Portability copier = ImportFaultsTest.portability(copy.dataSource());
            copier.importArchive(during, ImportOptions.replace());
            assertThat(Databases.differences(ImportFaultsTest.contents(copy), before))
                    .as("the export taken during the import, compared with the database before it").isEmpty();
            copier.importArchive(afterwards, ImportOptions.replace());
            assertThat(Databases.differences(ImportFaultsTest.contents(copy), after))
                    .as("the export taken after the import, compared with the database after it").isEmpty();
            assertThat(after).isNotEqualTo(before);
        }
    }

    /** Waits until import B waits: for a lock of the database, or (H2's import lock lives in this JVM) parked. */
    private static void awaitWaiting(TestDatabase db, HostDataSource sessions, Thread[] thread) {
        if (db.kind() == Kind.H2) {
            Sessions.await("import B to start", () -> thread[0] != null);
            Sessions.awaitParked(thread[0]);
            return;
        }
        Sessions.await("import B to wait for a lock", () -> sessions.ids.stream().anyMatch(id -> {
            try {
                return Sessions.waitsForLock(db, id);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited " + BOUND_SECONDS + " s in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The host's data source: hands out connections at the host's isolation level (-1: the driver's default), and
     * notes the server's session id of each.
     */
    private static final class HostDataSource extends DelegatingDataSource {
        private final Kind kind;
        private final int isolation;
        final List<Long> ids = new CopyOnWriteArrayList<>();

        HostDataSource(Kind kind, DataSource target, int isolation) {
            super(target);
            this.kind = kind;
            this.isolation = isolation;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = target.getConnection();
            if (isolation != -1) {
                connection.setTransactionIsolation(isolation);
            }
            ids.add(Sessions.id(kind, connection));
            return connection;
        }
    }
}
