package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smallest forms of the PostgreSQL inputs of issue 12 that failed (arrays with JSON null elements and lower
 * bounds, a NOT NULL jsonb holding JSON null, json text, a domain and citext, large objects), each exported from
 * one database and imported into another with REPLACE, asserting what the target holds afterwards by its own
 * text.
 */
class PostgresFieldCasesTest {

    @TempDir
    Path dir;

    @Test
    void jsonNullElementsLowerBoundsAndSeveralDimensionsStayAsTheyWere() throws Exception {
        assertCarried("CREATE TABLE arr (id int PRIMARY KEY, j jsonb[], nums int[], m int[])",
                List.of("INSERT INTO arr VALUES (1, array['null'::jsonb, NULL], '[0:2]={10,20,30}', "
                        + "'{{1,2},{3,4}}')", "INSERT INTO arr VALUES (2, NULL, '{}', '{NULL}')"),
                "SELECT id, j::text || ' ' || nums::text || ' nums[1]=' || coalesce(nums[1]::text, '-') || ' '"
                        + " || m::text FROM arr ORDER BY id",
                List.of("1|{\"null\",NULL} [0:2]={10,20,30} nums[1]=20 {{1,2},{3,4}}", "2|NULL"));
    }

    @Test
    void aNotNullJsonbColumnHoldingJsonNullExportsAndRestores() throws Exception {
        assertCarried("CREATE TABLE settings (id int PRIMARY KEY, val jsonb NOT NULL, js json)",
                List.of("INSERT INTO settings VALUES (1, 'null', 'null'), (2, '{\"a\": 1}', NULL)"),
                "SELECT id, val::text || ' ' || coalesce(js::text, 'SQL NULL') FROM settings ORDER BY id",
                List.of("1|null null", "2|{\"a\": 1} SQL NULL"));
    }

    @Test
    void jsonTextIsKeptAsWritten() throws Exception {
        assertCarried("CREATE TABLE doc (id int PRIMARY KEY, js json)",
                List.of("INSERT INTO doc VALUES (1, '{\"b\": 1, \"a\": 2, \"a\": 3}'), "
                        + "(2, '  {\"z\":1,  \"a\" : [1.0, 1.50]}  '), (3, '{\"e\": 1e400, \"id\": 7088992364139642880}')"),
                "SELECT id, js::text FROM doc ORDER BY id",
                List.of("1|{\"b\": 1, \"a\": 2, \"a\": 3}", "2|  {\"z\":1,  \"a\" : [1.0, 1.50]}  ",
                        "3|{\"e\": 1e400, \"id\": 7088992364139642880}"));
    }

    @Test
    void aDomainAndCitextColumnTravel() throws Exception {
        assertCarried("CREATE DOMAIN rating AS int CHECK (VALUE BETWEEN 1 AND 5); "
                        + "CREATE TABLE t (id int PRIMARY KEY, r rating, c public.citext)",
                List.of("INSERT INTO t VALUES (1, 5, 'MiXeD'), (2, NULL, NULL)"),
                "SELECT id, coalesce(r::text, 'NULL') || ' ' || coalesce(c::text, 'NULL') FROM t ORDER BY id",
                List.of("1|5 MiXeD", "2|NULL NULL"));
    }

    @Test
    void largeObjectsAreCarriedAndCreatedAnewInTheTarget() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            String ddl = "CREATE TABLE doc (id int PRIMARY KEY, name text, content oid)";
            source.execute(ddl, "INSERT INTO doc VALUES (1, 'a.txt', lo_from_bytea(0, 'hello large object'::bytea)), "
                    + "(2, 'b.bin', lo_from_bytea(0, decode(repeat('ab', 100000), 'hex'))), (3, 'none', NULL)");
            target.execute(ddl);
            try {
                Path archive = dir.resolve("lo.zip");
                Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
                Stores.portability(JdbcStore.discover(target.dataSource()))
                        .importArchive(archive, ImportOptions.replace());

                String sql = "SELECT id, name || ':' || coalesce(md5(lo_get(content)), 'null') FROM doc ORDER BY id";
                assertThat(PostgresTypeCatalogTest.texts(target, sql))
                        .isEqualTo(PostgresTypeCatalogTest.texts(source, sql))
                        .startsWith("1|a.txt:" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                                .digest("hello large object".getBytes(StandardCharsets.UTF_8))));
                List<String> sourceOids = PostgresTypeCatalogTest.texts(source,
                        "SELECT id, content FROM doc WHERE content IS NOT NULL ORDER BY id");
                assertThat(PostgresTypeCatalogTest.texts(target,
                        "SELECT id, content FROM doc WHERE content IS NOT NULL ORDER BY id"))
                        .hasSize(2).doesNotContainAnyElementsOf(sourceOids);
            } finally {
                for (TestDatabase db : List.of(source, target)) {
                    db.execute("SELECT lo_unlink(content) FROM doc WHERE content IS NOT NULL");
                }
            }
        }
    }

    @Test
    void mergeFindsExistingRowsByKeysOfNativeDomainCitextAndArrayTypes() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            PostgresExtensions.ensure(source, "citext");
            String ddl = "CREATE DOMAIN code AS varchar(5) CHECK (VALUE <> ''); CREATE TABLE k (net inet, c code, "
                    + "ci public.citext, path int[], v text, PRIMARY KEY (net, c, ci, path))";
            source.execute(ddl, "INSERT INTO k VALUES ('10.0.0.0/8', 'a', 'MiXeD', '[0:1]={1,2}', 'new 1'), "
                    + "('::1', 'b', 'x', '{{1},{2}}', 'new 2'), ('10.0.0.1', 'c', 'y', '{}', 'new 3')");
            target.execute(ddl, "INSERT INTO k VALUES ('10.0.0.0/8', 'a', 'MiXeD', '[0:1]={1,2}', 'old 1'), "
                    + "('::1', 'b', 'x', '{{1},{2}}', 'old 2'), ('10.0.0.1', 'c', 'y', '{1}', 'old 3')");
            Path archive = dir.resolve("keys.zip");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);

            ImportResult result = Stores.portability(JdbcStore.discover(target.dataSource()))
                    .importArchive(archive, ImportOptions.merge(ConflictPolicy.OVERWRITE));

            assertThat(result.updated()).isEqualTo(2);
            assertThat(result.inserted()).isEqualTo(1);
            assertThat(PostgresTypeCatalogTest.texts(target, "SELECT net::text || ' ' || c || ' ' || ci || ' ' || path::text, v "
                    + "FROM k ORDER BY v")).containsExactly("10.0.0.0/8 a MiXeD [0:1]={1,2}|new 1",
                            "::1/128 b x {{1},{2}}|new 2", "10.0.0.1/32 c y {}|new 3", "10.0.0.1/32 c y {1}|old 3");
        }
    }

    private void assertCarried(String ddl, List<String> inserts, String query, List<String> expected)
            throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            PostgresExtensions.ensure(source, "citext");
            source.execute(ddl);
            source.execute(inserts.toArray(String[]::new));
            target.execute(ddl);
            assertThat(PostgresTypeCatalogTest.texts(source, query)).as("the source").isEqualTo(expected);

            Path archive = dir.resolve("case.zip");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
            Stores.portability(JdbcStore.discover(target.dataSource()))
                    .importArchive(archive, ImportOptions.replace());

            assertThat(PostgresTypeCatalogTest.texts(target, query)).as("the target").isEqualTo(expected);
        }
    }
}
