package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ExportOptions;
import dev.portability.api.ImportOptions;
import dev.portability.api.PortabilityException;
import dev.portability.api.StoreException;
import dev.portability.core.Portability;
import dev.portability.jdbc.PooledDataSource.Borrowing;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every connection the adapters borrow from the host's pool goes back with the auto-commit, isolation and
 * read-only flags, the lock timeout (and, on MariaDB, the session time zone) it came with, after a successful
 * export and import and after failed ones. The host's pool has been set to SERIALIZABLE, which none of our units
 * of work use.
 */
class ConnectionHygieneTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void connectionsGoBackToThePoolAsTheyCameAfterASuccessfulExportAndImports(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute(CycleSchema.ddl(kind));
            db.execute(CycleSchema.rows(kind, 1, 20, "pooled"));
            try (PooledDataSource pool = new PooledDataSource(db)) {
                pool.setHostIsolation();
                Portability portability = Stores.portability(JdbcStore.discover(pool));
                Path archive = dir.resolve("pooled.zip");

                portability.export(archive);
                portability.importArchive(archive, ImportOptions.replace());
                portability.importArchive(archive, ImportOptions.merge(ConflictPolicy.OVERWRITE));

                assertEveryConnectionReturnedAsBorrowed(pool);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void connectionsGoBackToThePoolAsTheyCameAfterAFailedImport(Kind kind) throws Exception {
        Path archive = dir.resolve("source.zip");
        try (TestDatabase source = TestDatabase.create(kind)) {
            source.execute(CycleSchema.ddl(kind));
            source.execute(CycleSchema.rows(kind, 1, 20, "source"));
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
        }
        try (TestDatabase target = TestDatabase.create(kind)) {
            target.execute(CycleSchema.ddl(kind));
            target.execute(CycleSchema.rows(kind, 51, 10, "target"));
            target.execute("ALTER TABLE notes ADD CONSTRAINT no_note_5 CHECK (body <> 'source note 5')");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), CycleSchema.TABLES);
            try (PooledDataSource pool = new PooledDataSource(target)) {
                pool.setHostIsolation();
                Portability portability = Stores.portability(JdbcStore.discover(pool));

                assertThatThrownBy(() -> portability.importArchive(archive, ImportOptions.replace()))
                        .isInstanceOf(StoreException.class).hasMessageContaining("notes");

                assertEveryConnectionReturnedAsBorrowed(pool);
            }
            assertThat(Databases.differences(Databases.contents(target.dataSource(), CycleSchema.TABLES), before))
                    .as("the target after the failed import").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void connectionsGoBackToThePoolAsTheyCameAfterAFailedExport(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute(CycleSchema.ddl(kind));
            db.execute(CycleSchema.rows(kind, 1, 20, "pooled"));
            try (PooledDataSource pool = new PooledDataSource(db)) {
                pool.setHostIsolation();
                Portability portability = Stores.portability(JdbcStore.discover(pool));
                ExportOptions failing = ExportOptions.defaults().withListener(event -> {
                    if ("employees".equals(event.table())) {
                        throw new IllegalStateException("listener gives up");
                    }
                });

                assertThatThrownBy(() -> portability.export(dir.resolve("never.zip"), failing))
                        .isInstanceOf(PortabilityException.class)
                        .satisfies(e -> assertThat(((PortabilityException) e).code()).isEqualTo(ErrorCode.LISTENER_FAILED));

                assertEveryConnectionReturnedAsBorrowed(pool);
            }
        }
    }

    private static void assertEveryConnectionReturnedAsBorrowed(PooledDataSource pool) {
        List<Borrowing> borrowings = pool.borrowings();
        assertThat(borrowings).hasSizeGreaterThan(1);
        for (Borrowing borrowing : borrowings) {
            assertThat(borrowing.returned()).as("state when given back").isEqualTo(borrowing.borrowed());
            assertThat(borrowing.borrowed().isolation()).as("the host's isolation level")
                    .isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        }
    }
}
