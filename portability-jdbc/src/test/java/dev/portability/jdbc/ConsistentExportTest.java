package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ExportOptions;
import dev.portability.api.ImportOptions;
import dev.portability.api.Phase;
import dev.portability.api.ProgressEvent;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An export taken while the application writes: another thread keeps inserting a parent with two children, or
 * deleting a parent with its children, and counts both in a totals row, each change one transaction. The export
 * waits at the start of every table until the writer has committed more changes, so that an export that is not
 * one snapshot would see a parent without its children or children without their parent. The archive is then
 * loaded into tables without constraints and checked: every child's parent is in it, and the totals row equals
 * the counts of its parents and children.
 */
class ConsistentExportTest {

    private static final int PARENTS = 500;

    /** Changes the writer commits while the export waits at the start of each table. */
    private static final int CHANGES_PER_PAUSE = 5;

    @TempDir
    Path dir;

    private static String[] ddl(boolean constraints) {
        String fk = constraints ? " REFERENCES parents(id)" : "";
        return new String[] {
            "CREATE TABLE parents (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)",
            "CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL" + fk + ", name VARCHAR(50))",
            "CREATE TABLE totals (id INTEGER PRIMARY KEY, parents INTEGER NOT NULL, children INTEGER NOT NULL)"};
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anExportTakenWhileAnotherThreadWritesIsOneConsistentSnapshot(Kind kind) throws Exception {
        try (TestDatabase source = TestDatabase.create(kind); TestDatabase target = TestDatabase.create(kind)) {
            source.execute(ddl(true));
            fill(source.dataSource());
            target.execute(ddl(false));
            Writer writer = new Writer(source.dataSource());
            ExecutorService executor = Executors.newSingleThreadExecutor();
            Path archive = dir.resolve("live.zip");
            int during;
            try {
                Future<?> writing = executor.submit(writer);
                ExportOptions options = ExportOptions.defaults().withListener(event -> pauseAtEachTable(event, writer));
                Stores.portability(JdbcStore.discover(source.dataSource())).export(archive, options);
                during = writer.committed.get();
                writer.stop.set(true);
                writing.get(60, TimeUnit.SECONDS);
            } finally {
                writer.stop.set(true);
                executor.shutdownNow();
            }
            assertThat(during).as("changes committed while the export ran").isGreaterThanOrEqualTo(
                    3 * CHANGES_PER_PAUSE);

            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.replace());

            DataSource t = target.dataSource();
            assertThat(count(t, "SELECT COUNT(*) FROM children c WHERE NOT EXISTS "
                    + "(SELECT 1 FROM parents p WHERE p.id = c.parent_id)")).as("children without their parent")
                    .isZero();
            assertThat(count(t, "SELECT COUNT(*) FROM parents p WHERE (SELECT COUNT(*) FROM children c "
                    + "WHERE c.parent_id = p.id) <> 2")).as("parents without both children").isZero();
            assertThat(count(t, "SELECT parents FROM totals")).as("totals.parents")
                    .isEqualTo(count(t, "SELECT COUNT(*) FROM parents"));
            assertThat(count(t, "SELECT children FROM totals")).as("totals.children")
                    .isEqualTo(count(t, "SELECT COUNT(*) FROM children"));
        }
    }

    /** Holds the export at the start of each table until the writer has committed more changes. */
    private static void pauseAtEachTable(ProgressEvent event, Writer writer) {
        if (event.phase() == Phase.EXPORTING && event.stage() == ProgressEvent.Stage.STARTED && event.table() != null) {
            int target = writer.committed.get() + CHANGES_PER_PAUSE;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (writer.committed.get() < target && writer.failure == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void fill(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement parent = c.prepareStatement("INSERT INTO parents VALUES (?, ?)");
                    PreparedStatement child = c.prepareStatement("INSERT INTO children VALUES (?, ?, ?)")) {
                for (int p = 1; p <= PARENTS; p++) {
                    parent.setInt(1, p);
                    parent.setString(2, "parent " + p);
                    parent.addBatch();
                    for (int k = 0; k < 2; k++) {
                        child.setInt(1, 2 * p + k);
                        child.setInt(2, p);
                        child.setString(3, "child " + k);
                        child.addBatch();
                    }
                }
                parent.executeBatch();
                child.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO totals VALUES (1, " + PARENTS + ", " + 2 * PARENTS + ")");
            }
            c.commit();
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts and deletes families, one transaction each, until told to stop. */
    private static final class Writer implements Runnable {
        final DataSource dataSource;
        final AtomicInteger committed = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        volatile Exception failure;

        Writer(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public void run() {
            Deque<Integer> parents = new ArrayDeque<>();
            for (int p = 1; p <= PARENTS; p++) {
                parents.add(p);
            }
            int next = PARENTS + 1;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement insertParent = c.prepareStatement("INSERT INTO parents VALUES (?, ?)");
                    PreparedStatement insertChild = c.prepareStatement("INSERT INTO children VALUES (?, ?, ?)");
                    PreparedStatement deleteChildren = c.prepareStatement("DELETE FROM children WHERE parent_id = ?");
                    PreparedStatement deleteParent = c.prepareStatement("DELETE FROM parents WHERE id = ?");
                    PreparedStatement totals = c.prepareStatement(
                            "UPDATE totals SET parents = parents + ?, children = children + ? WHERE id = 1")) {
                c.setAutoCommit(false);
                for (int change = 0; !stop.get(); change++) {
                    if (change % 2 == 0) {
                        int p = next++;
                        insertParent.setInt(1, p);
                        insertParent.setString(2, "parent " + p);
                        insertParent.executeUpdate();
                        for (int k = 0; k < 2; k++) {
                            insertChild.setInt(1, 2 * p + k);
                            insertChild.setInt(2, p);
                            insertChild.setString(3, "child " + k);
                            insertChild.executeUpdate();
                        }
                        totals.setInt(1, 1);
                        totals.setInt(2, 2);
                        parents.add(p);
                    } else {
                        int p = parents.removeFirst();
                        deleteChildren.setInt(1, p);
                        deleteChildren.executeUpdate();
                        deleteParent.setInt(1, p);
                        deleteParent.executeUpdate();
                        totals.setInt(1, -1);
                        totals.setInt(2, -2);
                    }
                    totals.executeUpdate();
                    c.commit();
                    committed.incrementAndGet();
                }
            } catch (SQLException e) {
                failure = e;
                throw new IllegalStateException(e);
            }
        }
    }
}
