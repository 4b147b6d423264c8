package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.LogicalType;
import dev.portability.api.Problem;
import dev.portability.api.TableSchema;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import dev.portability.testkit.ArchiveBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An archive whose manifest names tables or columns shaped like SQL injection or like system tables is refused
 * with UNKNOWN_TABLE or UNKNOWN_COLUMN, and the database, its {@code users} table included, is unchanged: such
 * names are only ever compared with the names discovery found, never put into SQL. On H2, PostgreSQL and MariaDB.
 */
class HostileNamesTest {

    private static final List<String> NAMES = List.of("x\"; DROP TABLE users; --", "x`; DROP TABLE users; --",
            "users\"; DELETE FROM users; --", "pg_catalog.pg_authid", "information_schema.tables", "mysql.user",
            "INFORMATION_SCHEMA.USERS", "../users");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tablesNamedLikeSqlOrSystemTablesAreRefusedAndChangeNothing(Kind kind) throws Exception {
        try (TestDatabase db = usersDatabase(kind)) {
            JdbcStore store = JdbcStore.discover(db.dataSource());
            TableSchema users = Stores.table(store, "users").schema();
            Snapshot before = Snapshot.of(db);
            for (String name : NAMES) {
                TableSchema hostile = TableSchema.builder(name).column("id", LogicalType.integer(), false)
                        .column("name", LogicalType.text(), true).primaryKey("id").build();
                Path archive = ArchiveBuilder.forApplication("jdbc-test").schemaVersion(1)
                        .table(users).row(1L, "archived user")
                        .table(hostile).row(1L, "x")
                        .writeTo(dir.resolve("table.zip"));

                assertRefused(Stores.portability(store), archive, ErrorCode.UNKNOWN_TABLE,
                        problem -> assertThat(problem.table()).isEqualTo(name));

                assertThat(Snapshot.of(db)).as("the database after an archive with table " + name).isEqualTo(before);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void columnsNamedLikeSqlOrSystemTablesAreRefusedAndChangeNothing(Kind kind) throws Exception {
        try (TestDatabase db = usersDatabase(kind)) {
            JdbcStore store = JdbcStore.discover(db.dataSource());
            Snapshot before = Snapshot.of(db);
            for (String name : NAMES) {
                TableSchema users = TableSchema.builder("users").column("id", LogicalType.integer(), false)
                        .column("name", LogicalType.text(100), false).column(name, LogicalType.text(), true)
                        .primaryKey("id").build();
                Path archive = ArchiveBuilder.forApplication("jdbc-test").schemaVersion(1)
                        .table(users).row(1L, "archived user", "x")
                        .writeTo(dir.resolve("column.zip"));

                assertRefused(Stores.portability(store), archive, ErrorCode.UNKNOWN_COLUMN,
                        problem -> assertThat(problem.column()).isEqualTo(name));

                assertThat(Snapshot.of(db)).as("the database after an archive with column " + name).isEqualTo(before);
            }
        }
    }

    private static void assertRefused(Portability portability, Path archive, ErrorCode code,
            Consumer<Problem> check) {
        for (ImportOptions options : List.of(ImportOptions.replace(),
                ImportOptions.merge(dev.portability.api.ConflictPolicy.OVERWRITE))) {
            assertThatThrownBy(() -> portability.importArchive(archive, options))
                    .isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                        Problem problem = e.report().problems().stream().filter(p -> p.code() == code).findFirst()
                                .orElseThrow(() -> new AssertionError("no " + code + " in " + e.getMessage()));
                        check.accept(problem);
                        assertThat(e.getMessage()).contains("Nothing was imported");
                    });
        }
    }

    private static TestDatabase usersDatabase(Kind kind) {
        TestDatabase db = TestDatabase.create(kind);
        db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
                "INSERT INTO users VALUES (1, 'ann'), (2, 'bob'), (3, 'eve')");
        return db;
    }

    /** The tables of the database's schema and every row of {@code users}. */
    private record Snapshot(List<String> tables, Map<String, List<List<Object>>> users) {
        static Snapshot of(TestDatabase db) throws SQLException {
            List<String> tables = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection();
                    ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%",
                            new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            return new Snapshot(tables, Databases.contents(db.dataSource(), "users", "id"));
        }
    }
}
