package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.Cancellation;
import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportConflictException;
import dev.portability.api.ImportOptions;
import dev.portability.api.OperationCancelledException;
import dev.portability.api.PortabilityException;
import dev.portability.api.ProgressEvent;
import dev.portability.api.StoreException;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure at the first, a middle or the last batch of an import — a value the database refuses, a foreign key
 * violation, a cancellation from another thread, a listener that throws, the connection closed underneath — leaves
 * every table exactly as it was, on H2, PostgreSQL and MariaDB.
 *
 * <p>The target holds parents 1..50 and children 1..50; the archive holds parents 1..100 and children 1..100,
 * all with other values, written 10 rows per batch: children are batches 1..10 of the child table.
 */
class ImportAtomicityTest {

    private static final int BATCH = 10;
    private static final int ROWS = 100;

    @TempDir
    Path dir;

    static Stream<Arguments> databasesAndBatches() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(1, 5, 10).map(batch -> Arguments.of(kind, batch)));
    }

    private static void schema(TestDatabase db) {
        db.execute("CREATE TABLE parent (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
                "CREATE TABLE child (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL, amount DECIMAL(12,2) NOT NULL,"
                        + " CONSTRAINT amount_not_negative CHECK (amount >= 0),"
                        + " CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent(id))");
    }

    private static void fill(TestDatabase db, int rows, String label) {
        StringBuilder parents = new StringBuilder("INSERT INTO parent VALUES ");
        StringBuilder children = new StringBuilder("INSERT INTO child VALUES ");
        for (int i = 1; i <= rows; i++) {
            String comma = i == 1 ? "" : ", ";
            parents.append(comma).append("(").append(i).append(", '").append(label).append(' ').append(i).append("')");
            children.append(comma).append("(").append(i).append(", ").append(i).append(", ").append(i).append('.')
                    .append(i % 100).append(")");
        }
        db.execute(parents.toString(), children.toString());
    }

    private static Portability portability(DataSource dataSource) {
        return Portability.builder().application("atomicity").store(JdbcStore.discover(dataSource)).build();
    }

    /** An archive of 100 parents and 100 children, with one child changed by {@code sql} before export. */
    private Path archive(Kind kind, String... sql) {
        try (TestDatabase source = TestDatabase.create(kind)) {
            schema(source);
            fill(source, ROWS, "source");
            if (sql.length > 0) {
                // the source itself must accept the bad row: drop the constraint there first
                source.execute(sql);
            }
            Path archive = dir.resolve("archive-" + kind + ".zip");
            portability(source.dataSource()).export(archive);
            return archive;
        }
    }

    private static Map<String, List<List<Object>>> contents(TestDatabase db) throws Exception {
        return Databases.contents(db.dataSource(), "parent", "id", "child", "id");
    }

    private void assertImportFailsAndChangesNothing(Kind kind, Path archive, ImportOptions options,
            java.util.function.Function<DataSource, DataSource> wrap, Class<? extends PortabilityException> type,
            String message) throws Exception {
        try (TestDatabase target = TestDatabase.create(kind)) {
            schema(target);
            fill(target, 50, "target");
            Map<String, List<List<Object>>> before = contents(target);

            assertThatThrownBy(() -> portability(wrap.apply(target.dataSource())).importArchive(archive, options))
                    .isInstanceOf(type).hasMessageContaining(message);

            assertThat(contents(target)).isEqualTo(before);
        }
    }

    private static int row(int batch) {
        return (batch - 1) * BATCH + 5;
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @MethodSource("databasesAndBatches")
    void aValueTheDatabaseRefusesRollsEverythingBack(Kind kind, int batch) throws Exception {
        Path archive = archive(kind, "ALTER TABLE child DROP CONSTRAINT amount_not_negative", "UPDATE child SET amount = -1 WHERE id = " + row(batch));

        assertImportFailsAndChangesNothing(kind, archive, ImportOptions.replace().withBatchSize(BATCH), ds -> ds,
                StoreException.class, "table child");
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @MethodSource("databasesAndBatches")
    void aForeignKeyViolationRollsEverythingBack(Kind kind, int batch) throws Exception {
        Path archive = archive(kind, kind == Kind.MARIADB ? "ALTER TABLE child DROP FOREIGN KEY child_parent"
                : "ALTER TABLE child DROP CONSTRAINT child_parent",
                "UPDATE child SET parent_id = 999 WHERE id = " + row(batch));

        assertImportFailsAndChangesNothing(kind, archive, ImportOptions.merge(ConflictPolicy.OVERWRITE)
                .withBatchSize(BATCH), ds -> ds, StoreException.class, "table child");
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @MethodSource("databasesAndBatches")
    void aCancellationFromAnotherThreadRollsEverythingBack(Kind kind, int batch) throws Exception {
        Path archive = archive(kind);
        Cancellation cancellation = new Cancellation();
        // the pause makes the engine report progress right after the chosen batch; the listener then has another
        // thread cancel, and waits for it
        ImportOptions options = ImportOptions.replace().withBatchSize(BATCH).withCancellation(cancellation)
                .withListener(event -> {
                    if (isAfterChildBatch(event, batch)) {
                        Thread other = new Thread(cancellation::cancel);
                        other.start();
                        join(other);
                    }
                });

        assertImportFailsAndChangesNothing(kind, archive, options,
                ds -> new FaultInjectingDataSource(ds, "INSERT INTO", ROWS / BATCH + batch, c -> pause()),
                OperationCancelledException.class, "cancelled");
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @MethodSource("databasesAndBatches")
    void aListenerThatThrowsRollsEverythingBack(Kind kind, int batch) throws Exception {
        Path archive = archive(kind);
        ImportOptions options = ImportOptions.replace().withBatchSize(BATCH).withListener(event -> {
            if (isAfterChildBatch(event, batch)) {
                throw new IllegalStateException("the host's progress bar broke");
            }
        });

        assertImportFailsAndChangesNothing(kind, archive, options,
                ds -> new FaultInjectingDataSource(ds, "INSERT INTO", ROWS / BATCH + batch, c -> pause()),
                PortabilityException.class, "the host's progress bar broke");
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @MethodSource("databasesAndBatches")
    void aConnectionClosedUnderneathRollsEverythingBack(Kind kind, int batch) throws Exception {
        Path archive = archive(kind);

        assertImportFailsAndChangesNothing(kind, archive, ImportOptions.replace().withBatchSize(BATCH),
                ds -> new FaultInjectingDataSource(ds, "INSERT INTO", ROWS / BATCH + batch, Connection::close),
                StoreException.class, "table child");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void mergeFailListsConflictsAndWritesNothing(Kind kind) throws Exception {
        Path archive = archive(kind);
        try (TestDatabase target = TestDatabase.create(kind)) {
            schema(target);
            fill(target, 50, "target");
            Map<String, List<List<Object>>> before = contents(target);

            assertThatThrownBy(() -> portability(target.dataSource()).importArchive(archive,
                    ImportOptions.merge(ConflictPolicy.FAIL)))
                    .isInstanceOfSatisfying(ImportConflictException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICTS);
                        assertThat(e.conflictCount()).isEqualTo(100);
                        assertThat(e.conflicts().get("parent")).hasSize(20);
                    });
            assertThat(contents(target)).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void previewCountsExactlyAndChangesNothing(Kind kind) throws Exception {
        Path archive = archive(kind);
        try (TestDatabase target = TestDatabase.create(kind)) {
            schema(target);
            fill(target, 50, "target");
            target.execute("DELETE FROM child WHERE id > 40");
            Map<String, List<List<Object>>> before = contents(target);

            dev.portability.api.ImportPreview preview = portability(target.dataSource()).preview(archive,
                    ImportOptions.merge(ConflictPolicy.SKIP));

            assertThat(preview.tables()).extracting(t -> t.table() + " " + t.archiveRows() + " " + t.newRows() + " "
                    + t.conflicts() + " " + t.targetRows() + " " + t.rowsReplaceWouldDelete())
                    .containsExactly("parent 100 50 50 50 0", "child 100 60 40 40 0");
            assertThat(preview.tables().get(1).sampleConflictKeys()).hasSize(20)
                    .startsWith(dev.portability.api.Key.of(1L), dev.portability.api.Key.of(2L));
            assertThat(preview.wouldBeRefused()).isFalse();
            assertThat(contents(target)).isEqualTo(before);
        }
    }

    static Stream<Kind> databases() {
        return Stream.of(Kind.values());
    }

    private static boolean isAfterChildBatch(ProgressEvent event, int batch) {
        return event.stage() == ProgressEvent.Stage.PROGRESS && "child".equals(event.table())
                && event.phase() == dev.portability.api.Phase.WRITING && event.rowsDone() == (long) batch * BATCH;
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Connection {
        static void close(java.sql.Connection connection) throws java.sql.SQLException {
            connection.close();
        }
    }
}
