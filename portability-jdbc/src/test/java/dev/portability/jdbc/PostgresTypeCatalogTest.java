package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.BoundedArray;
import dev.portability.api.Column;
import dev.portability.api.Infinity;
import dev.portability.api.NativeType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.jdbc.PostgresTypeCatalog.Col;
import dev.portability.jdbc.PostgresTypeCatalog.Table;
import dev.portability.jdbc.TestDatabase.Kind;
import dev.portability.api.ImportOptions;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PostgreSQL type of {@code docs/jdbc-types.md} that has no place in {@link TypeCatalog} ({@link
 * PostgresTypeCatalog}: NATIVE types, domains, citext, money, infinity, verbatim json, JSON null, arrays with
 * dimensions and bounds, large objects) goes through an archive from one database into another (by COPY, and by
 * INSERT statements) and arrives exactly, compared by the database's own text of each value
 * ({@code column::text}), not by our reading of it. Discovery reports the
 * documented logical and native types.
 */
class PostgresTypeCatalogTest {

    @TempDir
    Path dir;

    @Test
    void everyTypeRoundTripsComparedByTheDatabasesOwnText() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase inserted = TestDatabase.create(Kind.POSTGRESQL)) {
            PostgresExtensions.ensure(source, PostgresTypeCatalog.EXTENSIONS);
            List<String> setup = new ArrayList<>(PostgresTypeCatalog.SETUP);
            for (Table table : PostgresTypeCatalog.tables()) {
                setup.add(table.ddl());
            }
            source.execute(setup.toArray(String[]::new));
            target.execute(setup.toArray(String[]::new));
            inserted.execute(setup.toArray(String[]::new));
            for (Table table : PostgresTypeCatalog.tables()) {
                source.execute(table.inserts().toArray(String[]::new));
            }

            JdbcStore sourceStore = JdbcStore.discover(source.dataSource());
            for (Table table : PostgresTypeCatalog.tables()) {
                TableSchema schema = Stores.table(sourceStore, table.name()).schema();
                Map<String, String> domainBases = domainBases(source, table.name());
                for (Col col : table.columns()) {
                    Column column = schema.column(col.name()).orElseThrow();
                    assertThat(column.type()).as("%s.%s (%s)", table.name(), col.name(), col.ddl())
                            .isEqualTo(col.type());
                    assertThat(column.nativeType()).as("native type of %s.%s", table.name(), col.name())
                            .isEqualTo(new NativeType("postgresql", col.nativeName(), domainBases.get(col.name())));
                }
            }

            try {
                Path archive = dir.resolve("types.zip");
                Stores.portability(sourceStore).export(archive);
                Stores.portability(JdbcStore.discover(target.dataSource()))
                        .importArchive(archive, ImportOptions.replace());
                Stores.portability(JdbcStore.discover(withoutCopy(inserted.dataSource())))
                        .importArchive(archive, ImportOptions.replace());

                for (Table table : List.of(PostgresTypeCatalog.natives(), PostgresTypeCatalog.arrays())) {
                    Map<String, List<String>> expected = columnTexts(source, table);
                    for (TestDatabase copy : List.of(target, inserted)) {
                        Map<String, List<String>> actual = columnTexts(copy, table);
                        for (Col col : table.columns()) {
                            assertThat(actual.get(col.name())).as("%s.%s (%s) in %s", table.name(), col.name(),
                                    col.ddl(), copy).isEqualTo(expected.get(col.name()));
                        }
                    }
                }
                for (TestDatabase copy : List.of(target, inserted)) {
                    assertLargeObjectsCopied(source, copy);
                }
            } finally {
                for (TestDatabase db : List.of(source, target, inserted)) {
                    unlinkLargeObjects(db);
                }
            }
        }
    }

    /**
     * Large objects belong to the database, not to the test's schema: unlinks those the test's {@code docs} table
     * references.
     */
    static void unlinkLargeObjects(TestDatabase db) {
        db.execute("SELECT lo_unlink(m.oid) FROM pg_largeobject_metadata m WHERE m.oid IN "
                + "(SELECT content FROM docs UNION SELECT lob FROM docs)");
    }

    @Test
    void valuesAreReadAsTheirCanonicalJavaValues() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL)) {
            PostgresExtensions.ensure(source, PostgresTypeCatalog.EXTENSIONS);
            List<String> setup = new ArrayList<>(PostgresTypeCatalog.SETUP);
            for (Table table : List.of(PostgresTypeCatalog.natives(), PostgresTypeCatalog.arrays())) {
                setup.add(table.ddl());
                setup.addAll(table.inserts());
            }
            source.execute(setup.toArray(String[]::new));
            JdbcStore store = JdbcStore.discover(source.dataSource());
            List<Row> natives = Stores.rows(store, "natives");
            List<Row> arrays = Stores.rows(store, "arrays");

            assertThat(natives.get(0).get("c_date")).isEqualTo(Infinity.POSITIVE);
            assertThat(natives.get(1).get("c_date")).isEqualTo(Infinity.NEGATIVE);
            assertThat(natives.get(0).get("c_ts")).isEqualTo(Infinity.POSITIVE);
            assertThat(natives.get(0).get("c_tstz")).isEqualTo(Infinity.NEGATIVE);
            assertThat(natives.get(1).get("c_stamp")).isEqualTo(Infinity.NEGATIVE);
            assertThat(natives.get(0).get("c_due")).isEqualTo(Infinity.POSITIVE);
            assertThat(natives.get(0).get("c_json"))
                    .isEqualTo("  {\"b\":1,  \"a\" : [1.0, 1.50], \"a\": 1e400}  ");
            assertThat(natives.get(1).get("c_json")).isEqualTo("null");
            assertThat(natives.get(0).get("c_jsonb")).isEqualTo("null");
            assertThat(natives.get(3).get("c_jsonb")).isEqualTo("\"null\"");
            assertThat(natives.get(0).get("c_document")).isEqualTo("null");
            assertThat(natives.get(4).get("c_jsonb")).as("SQL NULL").isNull();
            assertThat(natives.get(0).get("c_money")).isEqualTo(new BigDecimal("92233720368547758.07"));
            assertThat(natives.get(0).get("c_interval")).isEqualTo("1 year 2 mons -3 days +04:05:06.789");
            assertThat(natives.get(0).get("c_rating")).isEqualTo(1L);
            assertThat(natives.get(0).get("c_bit1")).isEqualTo(true);

            assertThat(arrays.get(0).get("a_int")).isEqualTo(new BoundedArray(List.of(0), List.of(10L, 20L, 30L)));
            assertThat(arrays.get(1).get("a_int")).isEqualTo(List.of(List.of(1L, 2L), List.of(3L, 4L)));
            assertThat(arrays.get(2).get("a_int")).isEqualTo(new BoundedArray(List.of(-5, 2),
                    List.of(Arrays.asList(1L, null), List.of(3L, 4L))));
            assertThat(arrays.get(3).get("a_int")).isEqualTo(List.of(List.of(List.of(1L))));
            assertThat(arrays.get(4).get("a_int")).isEqualTo(List.of());
            assertThat(arrays.get(5).get("a_int")).isEqualTo(Arrays.asList((Object) null));
            assertThat(arrays.get(0).get("a_jsonb")).as("JSON null is not SQL NULL")
                    .isEqualTo(Arrays.asList("null", null, "{\"a\": [1, null]}"));
            assertThat(arrays.get(0).get("a_json")).isEqualTo(Arrays.asList("  {\"a\" : 1}  ", "null", null));
            assertThat(arrays.get(0).get("a_date")).isEqualTo(new BoundedArray(List.of(0),
                    List.of(Infinity.POSITIVE, Infinity.NEGATIVE)));
            assertThat(arrays.get(0).get("a_box")).isEqualTo(List.of("(1,1),(0,0)", "(2,2),(1,1)"));
            assertThat(arrays.get(0).get("a_money")).isEqualTo(List.of(new BigDecimal("1.00"),
                    new BigDecimal("-2.50")));
            assertThat(arrays.get(0).get("a_bit1")).isEqualTo(Arrays.asList(true, false, null));
        }
    }

    /** The large objects' contents are equal, and each target row references a large object of its own. */
    private static void assertLargeObjectsCopied(TestDatabase source, TestDatabase copy) throws SQLException {
        for (String column : List.of("content", "lob")) {
            String sql = "SELECT id, coalesce(md5(lo_get(" + column + ")), 'NULL') FROM docs ORDER BY id";
            assertThat(texts(copy, sql)).as("docs.%s in %s", column, copy).isEqualTo(texts(source, sql));
            List<String> sourceOids = texts(source, "SELECT id, " + column + "::text FROM docs ORDER BY id");
            List<String> copyOids = texts(copy, "SELECT id, " + column + "::text FROM docs ORDER BY id");
            for (int i = 0; i < sourceOids.size(); i++) {
                if (!sourceOids.get(i).endsWith("|NULL")) {
                    assertThat(copyOids.get(i)).as("a new large object").isNotEqualTo(sourceOids.get(i));
                }
            }
        }
    }

    /** @return per column, each row's {@code id|column::text} (NULL as {@code NULL}), in id order; one query */
    private static Map<String, List<String>> columnTexts(TestDatabase database, Table table) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id");
        Map<String, List<String>> texts = new LinkedHashMap<>();
        for (Col col : table.columns()) {
            sql.append(", ").append(col.name()).append("::text");
            texts.put(col.name(), new ArrayList<>());
        }
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql.append(" FROM ").append(table.name()).append(" ORDER BY id")
                        .toString())) {
            while (rs.next()) {
                int i = 2;
                for (List<String> column : texts.values()) {
                    String value = rs.getString(i++);
                    column.add(rs.getString(1) + "|" + (value == null ? "NULL" : value));
                }
            }
        }
        return texts;
    }

    /** @return each row as {@code id|text}, NULL as {@code NULL} */
    static List<String> texts(TestDatabase database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String value = rs.getString(2);
                rows.add(rs.getString(1) + "|" + (value == null ? "NULL" : value));
            }
        }
        return rows;
    }

    /** @return the base type of each column of the table whose type is a domain, as format_type writes it */
    private static Map<String, String> domainBases(TestDatabase database, String table) throws SQLException {
        Map<String, String> bases = new LinkedHashMap<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT a.attname, format_type(t.typbasetype, t.typtypmod) "
                        + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = '" + table
                        + "'::regclass AND t.typtype = 'd'")) {
            while (rs.next()) {
                bases.put(rs.getString(1), rs.getString(2).replaceFirst("^public\\.", ""));
            }
        }
        return bases;
    }

    /** Connections that do not unwrap to pgjdbc's: the adapter inserts with statements instead of COPY. */
    static DataSource withoutCopy(DataSource dataSource) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection real = target.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("isWrapperFor")) {
                                return false;
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
