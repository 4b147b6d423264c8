package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportRefusedException;
import dev.portability.api.Problem;
import dev.portability.api.StoreException;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A foreign-key cycle whose columns all refuse NULL (two tables referencing each other, one also referencing
 * itself): PostgreSQL loads it through DEFERRABLE constraints, MariaDB with foreign-key checks switched off inside
 * the transaction and every affected foreign key checked before commit; H2, which has neither, refuses it cleanly.
 */
class NotNullCycleTest {

    private static final String[] TABLES = {"alphas", "id", "betas", "id"};

    @TempDir
    Path dir;

    private static String[] ddl(Kind kind, boolean constraints) {
        String deferrable = kind == Kind.POSTGRESQL ? " DEFERRABLE INITIALLY IMMEDIATE" : "";
        List<String> ddl = new ArrayList<>(List.of(
                "CREATE TABLE alphas (id INTEGER PRIMARY KEY, beta_id INTEGER NOT NULL, name VARCHAR(20))",
                "CREATE TABLE betas (id INTEGER PRIMARY KEY, alpha_id INTEGER NOT NULL, next_id INTEGER NOT NULL)"));
        if (constraints) {
            ddl.add("ALTER TABLE alphas ADD FOREIGN KEY (beta_id) REFERENCES betas(id)" + deferrable);
            ddl.add("ALTER TABLE betas ADD FOREIGN KEY (alpha_id) REFERENCES alphas(id)" + deferrable);
            ddl.add("ALTER TABLE betas ADD FOREIGN KEY (next_id) REFERENCES betas(id)" + deferrable);
        }
        return ddl.toArray(String[]::new);
    }

    /** Rows 1..n of both tables, every reference pointing at another row (mostly a later one). */
    private static void fill(TestDatabase db, int first, int count, String label, int danglingBeta)
            throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            if (db.kind() == Kind.POSTGRESQL) {
                s.execute("SET CONSTRAINTS ALL DEFERRED");
            } else if (db.kind() == Kind.MARIADB) {
                s.execute("SET foreign_key_checks = 0");
            }
            for (int i = 0; i < count; i++) {
                int beta = i == danglingBeta ? 9999 : first + (i * 3 + 1) % count;
                s.executeUpdate("INSERT INTO alphas VALUES (" + (first + i) + ", " + beta + ", '" + label + " " + i
                        + "')");
                s.executeUpdate("INSERT INTO betas VALUES (" + (first + i) + ", " + (first + (i * 7 + 2) % count)
                        + ", " + (first + (i + 1) % count) + ")");
            }
            c.commit();
            if (db.kind() == Kind.MARIADB) {
                s.execute("SET foreign_key_checks = 1");
            }
        }
    }

    private Path export(Kind kind, boolean constraints, int danglingBeta) throws SQLException {
        try (TestDatabase source = TestDatabase.create(kind)) {
            source.execute(ddl(kind, constraints));
            fill(source, 1, 20, "source", danglingBeta);
            Path archive = dir.resolve(kind + "-" + constraints + ".zip");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
            expected = Databases.contents(source.dataSource(), TABLES);
            return archive;
        }
    }

    private Map<String, List<List<Object>>> expected;

    private void replaceAndMergeLoadTheCycle(Kind kind) throws SQLException {
        Path archive = export(kind, true, -1);
        try (TestDatabase target = TestDatabase.create(kind)) {
            target.execute(ddl(kind, true));
            fill(target, 11, 20, "target", -1);

            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.replace());

            assertThat(Databases.differences(Databases.contents(target.dataSource(), TABLES), expected)).isEmpty();
        }
        try (TestDatabase target = TestDatabase.create(kind)) {
            target.execute(ddl(kind, true));
            fill(target, 41, 20, "target", -1);

            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.merge(ConflictPolicy.OVERWRITE));

            assertThat(Databases.contents(target.dataSource(), TABLES).get("alphas")).hasSize(40)
                    .containsAll(expected.get("alphas"));
            assertThat(Databases.contents(target.dataSource(), TABLES).get("betas")).hasSize(40)
                    .containsAll(expected.get("betas"));
        }
    }

    @Test
    void postgresqlLoadsANotNullCycleThroughDeferrableConstraints() throws Exception {
        replaceAndMergeLoadTheCycle(Kind.POSTGRESQL);
    }

    @Test
    void mariaDbLoadsANotNullCycleWithChecksSwitchedOffInsideTheTransaction() throws Exception {
        replaceAndMergeLoadTheCycle(Kind.MARIADB);
    }

    @Test
    void mariaDbChecksTheCyclesReferencesBeforeCommitAndRefusesADanglingOne() throws Exception {
        Path archive = export(Kind.MARIADB, false, 4); // alpha 5 references beta 9999, which does not exist
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute(ddl(Kind.MARIADB, true));
            fill(target, 11, 20, "target", -1);
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), TABLES);

            assertThatThrownBy(() -> Stores.portability(JdbcStore.discover(target.dataSource()))
                    .importArchive(archive, ImportOptions.replace()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("1 row(s) of table alphas reference rows of table betas that do not exist")
                    .hasMessageContaining("Nothing was imported");

            assertThat(Databases.differences(Databases.contents(target.dataSource(), TABLES), before)).isEmpty();
            try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO alphas VALUES (100, 9999, 'x')"))
                        .as("foreign-key checks are back on").isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void mariaDbRefusesToCommitWhenItsMetadataNoLongerListsTheForeignKeysToCheck() throws Exception {
        Path archive = export(Kind.MARIADB, false, -1); // every reference holds
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute(ddl(Kind.MARIADB, true));
            fill(target, 11, 20, "target", -1);
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), TABLES);
            boolean[] losesKeys = {false};
            DataSource seam = new LosingKeysDataSource(target.dataSource(), losesKeys);
            Portability portability = Stores.portability(JdbcStore.discover(seam));
            losesKeys[0] = true; // after discovery: the check after the cycle's writes finds no foreign keys

            assertThatThrownBy(() -> portability.importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.getMessage()).contains("the database's metadata listed 0 of the 1 foreign keys")
                                .contains("Nothing was imported");
                        assertThat(e.retryable()).isTrue();
                    });

            assertThat(Databases.differences(Databases.contents(target.dataSource(), TABLES), before)).isEmpty();
        }
    }

    /** Answers {@code getImportedKeys} with no keys once {@code losesKeys[0]} is set; everything else is real. */
    private static final class LosingKeysDataSource extends DelegatingDataSource {
        private final boolean[] losesKeys;

        LosingKeysDataSource(DataSource target, boolean[] losesKeys) {
            super(target);
            this.losesKeys = losesKeys;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = target.getConnection();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Object result = invoke(real, method, args);
                        if (method.getName().equals("getMetaData")) {
                            DatabaseMetaData meta = (DatabaseMetaData) result;
                            return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                                    new Class<?>[] {DatabaseMetaData.class}, (p, m, a) -> {
                                        if (losesKeys[0] && m.getName().equals("getImportedKeys")) {
                                            a[2] = "no_such_table"; // the same columns, no rows
                                        }
                                        return invoke(meta, m, a);
                                    });
                        }
                        return result;
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLException("not used");
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Test
    void h2RefusesANotNullCycleItCannotDeferBeforeWritingAndKeepsTheTarget() throws Exception {
        refusesACycleNoOrderCanLoad(Kind.H2);
    }

    @Test
    void postgresqlRefusesANotNullCycleOfConstraintsThatAreNotDeferrableBeforeWriting() throws Exception {
        refusesACycleNoOrderCanLoad(Kind.POSTGRESQL);
    }

    /** A target whose constraints are not DEFERRABLE, added after its rows (no database could load them). */
    private void refusesACycleNoOrderCanLoad(Kind kind) throws Exception {
        Path archive;
        try (TestDatabase source = TestDatabase.create(kind)) {
            source.execute(ddl(kind, false));
            fill(source, 1, 20, "source", -1);
            archive = dir.resolve(kind + "-refused.zip");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
        }
        try (TestDatabase target = TestDatabase.create(kind)) {
            target.execute(ddl(kind, false));
            fill(target, 41, 5, "target", -1);
            List<String> constraints = List.of(ddl(Kind.H2, true)); // H2's: no DEFERRABLE
            target.execute(constraints.subList(2, constraints.size()).toArray(String[]::new));
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), TABLES);
            Portability portability = Stores.portability(JdbcStore.discover(target.dataSource()));

            for (ImportOptions options : List.of(ImportOptions.replace(),
                    ImportOptions.merge(ConflictPolicy.SKIP))) {
                assertThatThrownBy(() -> portability.importArchive(archive, options))
                        .isInstanceOfSatisfying(ImportRefusedException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.FOREIGN_KEY_CYCLE))
                        .hasMessageContaining("tables [alphas, betas] reference each other")
                        .hasMessageContaining("alphas [beta_id] -> betas [id]")
                        .hasMessageContaining("betas [alpha_id] -> alphas [id]")
                        .hasMessageContaining("DEFERRABLE");
                assertThat(portability.preview(archive, options).refusals()).extracting(Problem::code)
                        .containsExactly(ErrorCode.FOREIGN_KEY_CYCLE);
            }

            assertThat(Databases.differences(Databases.contents(target.dataSource(), TABLES), before)).isEmpty();
        }
    }

    @Test
    void postgresqlLoadsACycleWhoseOnlyDeferrableKeyIsWrittenLast() throws Exception {
        // alphas -> betas is checked row by row; betas -> alphas is DEFERRABLE: betas must be written first
        Path archive = export(Kind.POSTGRESQL, true, -1);
        try (TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            target.execute(ddl(Kind.POSTGRESQL, false));
            fill(target, 11, 20, "target", -1);
            target.execute("ALTER TABLE alphas ADD FOREIGN KEY (beta_id) REFERENCES betas(id)",
                    "ALTER TABLE betas ADD FOREIGN KEY (alpha_id) REFERENCES alphas(id) DEFERRABLE",
                    "ALTER TABLE betas ADD FOREIGN KEY (next_id) REFERENCES betas(id)");

            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.replace());

            assertThat(Databases.differences(Databases.contents(target.dataSource(), TABLES), expected)).isEmpty();
        }
    }
}
