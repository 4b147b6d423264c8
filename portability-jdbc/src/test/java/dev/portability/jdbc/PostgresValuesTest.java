package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.Infinity;
import dev.portability.api.NativeValue;
import dev.portability.api.PortabilityException;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * What the PostgreSQL adapter writes, on each of its write paths (binary COPY, text COPY, INSERT statements, and
 * UPDATE): infinity as infinity, a value another engine stored refused rather than changed, domains' CHECKs run,
 * large objects created in the import's transaction; and what it refuses to read: an oid that names no large
 * object.
 */
class PostgresValuesTest {

    @TempDir
    Path dir;

    /** How rows reach the table. */
    enum WritePath {
        /** COPY in binary format: every column has a binary form. */
        BINARY_COPY(false, false),
        /** COPY in text format: an array column has no binary form here. */
        TEXT_COPY(true, false),
        /** INSERT statements: the connection does not unwrap to pgjdbc's. */
        INSERT(false, true);

        final boolean withArray;
        final boolean withoutCopy;

        WritePath(boolean withArray, boolean withoutCopy) {
            this.withArray = withArray;
            this.withoutCopy = withoutCopy;
        }

        DataSource dataSource(TestDatabase db) {
            return withoutCopy ? PostgresTypeCatalogTest.withoutCopy(db.dataSource()) : db.dataSource();
        }
    }

    private static String ddl(WritePath path) {
        return "CREATE TABLE t (id integer PRIMARY KEY, d date, ts timestamp, tz timestamptz, r rating"
                + (path.withArray ? ", a integer[]" : "") + ")";
    }

    private static Object[] row(WritePath path, Object... values) {
        Object[] row = new Object[path.withArray ? values.length + 1 : values.length];
        System.arraycopy(values, 0, row, 0, values.length);
        return row;
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void infinityIsWrittenAsInfinity(WritePath path) throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            db.execute("CREATE DOMAIN rating AS integer CHECK (VALUE BETWEEN 1 AND 5)", ddl(path));
            JdbcStore store = JdbcStore.discover(path.dataSource(db));
            TableSchema schema = Stores.table(store, "t").schema();
            write(store, List.of(Row.of(schema, row(path, 1L, Infinity.POSITIVE, Infinity.NEGATIVE, Infinity.POSITIVE,
                    1L)), Row.of(schema, row(path, 2L, Infinity.NEGATIVE, Infinity.POSITIVE, Infinity.NEGATIVE, 5L))),
                    false);
            assertThat(PostgresTypeCatalogTest.texts(db, "SELECT id, d || ' ' || ts || ' ' || tz FROM t ORDER BY id"))
                    .containsExactly("1|infinity -infinity infinity", "2|-infinity infinity -infinity");

            write(store, List.of(Row.of(schema, row(path, 1L, Infinity.NEGATIVE, Infinity.POSITIVE,
                    Infinity.NEGATIVE, 2L))), true);
            assertThat(PostgresTypeCatalogTest.texts(db, "SELECT id, d || ' ' || ts || ' ' || tz FROM t ORDER BY id"))
                    .as("after an UPDATE").containsExactly("1|-infinity infinity -infinity",
                            "2|-infinity infinity -infinity");
            assertThat(Stores.rows(store, "t").get(0).get("d")).isEqualTo(Infinity.NEGATIVE);
        }
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void aValueAnotherEngineStoredIsRefusedNamingTableKeyAndColumn(WritePath path) throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            db.execute("CREATE DOMAIN rating AS integer CHECK (VALUE BETWEEN 1 AND 5)", ddl(path));
            JdbcStore store = JdbcStore.discover(path.dataSource(db));
            TableSchema schema = Stores.table(store, "t").schema();
            List<Row> rows = List.of(Row.of(schema, row(path, 1L, LocalDate.of(2024, 1, 1), null, null, 1L)),
                    Row.of(schema, row(path, 2L, new NativeValue("mariadb", "0000-00-00"), null, null, 1L)));

            assertThatThrownBy(() -> write(store, rows, false))
                    .isInstanceOfSatisfying(PortabilityException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                    .hasMessageContaining("table t, column d, row with key 2")
                    .hasMessageContaining("mariadb value '0000-00-00'")
                    .hasMessageContaining("refused rather than stored");
            assertThat(PostgresTypeCatalogTest.texts(db, "SELECT count(*), 0 FROM t")).containsExactly("0|0");
        }
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void aDomainsCheckRunsOnWrite(WritePath path) throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            db.execute("CREATE DOMAIN rating AS integer CHECK (VALUE BETWEEN 1 AND 5)", ddl(path));
            JdbcStore store = JdbcStore.discover(path.dataSource(db));
            TableSchema schema = Stores.table(store, "t").schema();
            List<Row> rows = List.of(Row.of(schema, row(path, 1L, null, null, null, 5L)),
                    Row.of(schema, row(path, 2L, null, null, null, 6L)));

            assertThatThrownBy(() -> write(store, rows, false)).isInstanceOf(PortabilityException.class)
                    .hasMessageContaining("rating_check");
            assertThat(PostgresTypeCatalogTest.texts(db, "SELECT count(*), 0 FROM t")).containsExactly("0|0");
        }
    }

    @Test
    void aTimeBeyondADayFromAnotherEngineIsRefused() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            db.execute("CREATE TABLE t (id integer PRIMARY KEY, at time, ats time[])");
            JdbcStore store = JdbcStore.discover(db.dataSource());
            TableSchema schema = Stores.table(store, "t").schema();

            assertThatThrownBy(() -> write(store, List.of(Row.of(schema, 1L, LocalTime.NOON,
                    List.of(new NativeValue("mariadb", "838:59:59")))), false))
                    .isInstanceOfSatisfying(PortabilityException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                    .hasMessageContaining("table t, column ats, row with key 1")
                    .hasMessageContaining("838:59:59");
        }
    }

    @Test
    void anOidThatNamesNoLargeObjectFailsTheExportNamingTableKeyAndColumn() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            db.execute("CREATE TABLE files (id integer PRIMARY KEY, content oid)",
                    "INSERT INTO files VALUES (1, NULL), (2, 4294967000)");
            Path archive = dir.resolve("files.zip");

            assertThatThrownBy(() -> Stores.portability(JdbcStore.discover(db.dataSource())).export(archive))
                    .isInstanceOfSatisfying(PortabilityException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                    .hasMessageContaining("table files, column content, row with key 2")
                    .hasMessageContaining("the oid 4294967000 names no large object")
                    .hasMessageContaining("bigint");
            assertThat(archive).doesNotExist();
        }
    }

    @Test
    void largeObjectsAreCreatedInTheImportsTransaction() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            db.execute("CREATE TABLE files (id integer PRIMARY KEY, content oid, CHECK (id < 3))");
            JdbcStore store = JdbcStore.discover(db.dataSource());
            TableSchema schema = Stores.table(store, "files").schema();
            byte[] marker = new byte[64];
            new Random().nextBytes(marker);

            assertThatThrownBy(() -> write(store, List.of(Row.of(schema, 1L, marker), Row.of(schema, 3L, marker)),
                    false)).isInstanceOf(PortabilityException.class).hasMessageContaining("files_id_check");
            assertThat(largeObjectsHolding(db, marker)).as("large objects left by the failed import").isZero();

            write(store, List.of(Row.of(schema, 1L, marker), Row.of(schema, 2L, null)), false);
            try {
                assertThat(largeObjectsHolding(db, marker)).isOne();
                write(store, List.of(Row.of(schema, 1L, new byte[0])), true);
                assertThat(PostgresTypeCatalogTest.texts(db, "SELECT id, length(lo_get(content)) FROM files "
                        + "ORDER BY id")).containsExactly("1|0", "2|NULL");
            } finally {
                db.execute("SELECT lo_unlink(l.oid) FROM pg_largeobject_metadata l WHERE l.oid IN "
                        + "(SELECT loid FROM pg_largeobject WHERE data = '\\x" + HexFormat.of().formatHex(marker)
                        + "') OR l.oid IN (SELECT content FROM files)");
            }
        }
    }

    private static long largeObjectsHolding(TestDatabase db, byte[] content) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_largeobject WHERE data = ?")) {
            ps.setBytes(1, content);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Inserts (or updates) the rows in one WRITE unit of work, committed. */
    static void write(JdbcStore store, List<Row> rows, boolean update) {
        TableAdapter<JdbcUnitOfWork> adapter = Stores.table(store, rows.get(0).schema().name());
        try (JdbcUnitOfWork work = store.begin(Access.WRITE)) {
            if (update) {
                adapter.update(work, rows);
            } else {
                adapter.insert(work, rows);
            }
            work.commit();
        }
    }
}
