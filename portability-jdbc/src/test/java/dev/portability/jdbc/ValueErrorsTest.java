package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values one side cannot represent are typed errors that name table, column and row, and change nothing: a value
 * the target database cannot hold fails the import. A stored value that has no logical value but has its engine's
 * text (a numeric NaN) is carried as a native value, exact into the same engine, refused by the others.
 */
class ValueErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aNotANumberThatMariaDbCannotStoreFailsTheImportAndLeavesTheTargetAsItWas() throws Exception {
        Path archive = dir.resolve("nan.zip");
        try (TestDatabase source = TestDatabase.create(Kind.H2)) {
            source.execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, reading DOUBLE PRECISION)",
                    "INSERT INTO readings VALUES (1, 1.5), (2, CAST('NaN' AS DOUBLE PRECISION)), (3, 2.5)");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
        }
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, reading DOUBLE)",
                    "INSERT INTO readings VALUES (7, 7.5)");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), "readings", "id");

            assertThatThrownBy(() -> Stores.portability(JdbcStore.discover(target.dataSource()))
                    .importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(PortabilityException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                    .hasMessageContaining("table readings, row 2, column reading")
                    .hasMessageContaining("key 2: the DOUBLE NaN cannot be stored")
                    .hasMessageContaining("Nothing was imported");

            assertThat(Databases.contents(target.dataSource(), "readings", "id")).isEqualTo(before);
        }
    }

    /**
     * PostgreSQL's numeric NaN and infinities have no DECIMAL value, but pg_dump carries them, and so do we: as
     * native values of engine postgresql, exact into a PostgreSQL numeric (by COPY and by INSERT), refused by
     * every target that cannot hold them.
     */
    @Test
    void aPostgresqlNumericNotANumberAndItsInfinitiesAreCarriedExactlyIntoPostgresql() throws Exception {
        String ddl = "CREATE TABLE prices (id integer PRIMARY KEY, price numeric, cents numeric(10,2), "
                + "history numeric[])";
        String select = "SELECT id, price::text, cents::text, history::text FROM prices ORDER BY id";
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            source.execute(ddl, "INSERT INTO prices VALUES (1, 9.99, 9.99, '{1.5}'), (2, 'NaN', 'NaN', "
                    + "'{NaN,Infinity,-Infinity,NULL}'), (3, 'Infinity', NULL, '[0:0]={-Infinity}'), "
                    + "(4, '-Infinity', 'NaN', NULL)");
            target.execute(ddl);
            Path archive = dir.resolve("prices.zip");

            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.replace());

            assertThat(MariaDbTypesTest.texts(target.dataSource(), select))
                    .isEqualTo(MariaDbTypesTest.texts(source.dataSource(), select))
                    .containsExactly("1|9.99|9.99|{1.5}", "2|NaN|NaN|{NaN,Infinity,-Infinity,NULL}",
                            "3|Infinity|NULL|[0:0]={-Infinity}", "4|-Infinity|NaN|NULL");
            assertThat(tableEntry(archive)).contains("{\"id\":2,\"price\":\"NaN\",\"cents\":\"NaN\","
                    + "\"history\":[\"NaN\",\"Infinity\",\"-Infinity\",null]}");
        }
    }

    @Test
    void aNumericNotANumberOrInfinityIsRefusedByEveryTargetThatCannotHoldItAndNothingChanges() throws Exception {
        Path nan = dir.resolve("nan.zip");
        Path infinity = dir.resolve("infinity.zip");
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL)) {
            source.execute("CREATE TABLE prices (id integer PRIMARY KEY, price numeric)",
                    "INSERT INTO prices VALUES (1, 9.99), (2, 'NaN')");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(nan);
            source.execute("INSERT INTO prices VALUES (3, 'Infinity')");
            Stores.portability(JdbcStore.discover(source.dataSource())).export(infinity);
        }
        // a numeric(10,2) holds NaN but no infinity (PostgreSQL: numeric field overflow): refused by validation
        try (TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            target.execute("CREATE TABLE prices (id integer PRIMARY KEY, price numeric(10,2))",
                    "INSERT INTO prices VALUES (7, 7.50)");
            JdbcStore store = JdbcStore.discover(target.dataSource());
            String select = "SELECT id, price::text FROM prices ORDER BY id";

            assertThatThrownBy(() -> Stores.portability(store).importArchive(infinity, ImportOptions.replace()))
                    .isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                        assertThat(e.report().problems()).extracting(Problem::table, Problem::column, Problem::line)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("prices", "price", 3L));
                    })
                    .hasMessageContaining("'Infinity' is not postgresql's text of a value DECIMAL(10,2) cannot hold")
                    .hasMessageContaining("Nothing was imported");
            assertThat(MariaDbTypesTest.texts(target.dataSource(), select)).containsExactly("7|7.50");

            Stores.portability(store).importArchive(nan, ImportOptions.replace());
            assertThat(MariaDbTypesTest.texts(target.dataSource(), select)).containsExactly("1|9.99", "2|NaN");
        }
        // H2 and MariaDB have no numeric NaN (H2's DECFLOAT has its own): refused before anything is written, by the
        // target's own rules (TableAdapter.refusals), naming table, row, key and column
        for (Kind kind : List.of(Kind.H2, Kind.MARIADB)) {
            for (String type : kind == Kind.H2 ? List.of("DECFLOAT", "NUMERIC(10,2)") : List.of("DECIMAL(10,2)")) {
                try (TestDatabase target = TestDatabase.create(kind)) {
                    target.execute("CREATE TABLE prices (id INTEGER PRIMARY KEY, price " + type + ")",
                            "INSERT INTO prices VALUES (7, 7.5)");
                    Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), "prices", "id");

                    assertThatThrownBy(() -> Stores.portability(JdbcStore.discover(target.dataSource()))
                            .importArchive(nan, ImportOptions.replace()))
                            .as("into %s %s", kind, type)
                            .isInstanceOfSatisfying(PortabilityException.class,
                                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                            .hasMessageContaining("table prices, row 2, column price").hasMessageContaining("key 2:")
                            .hasMessageContaining("the postgresql value 'NaN' has no equal in this column's type")
                            .hasMessageContaining("Nothing was imported");
                    assertThat(Databases.contents(target.dataSource(), "prices", "id")).isEqualTo(before);
                }
            }
        }
    }

    @Test
    void anH2DecfloatNotANumberAndItsInfinitiesAreCarriedExactlyIntoH2AndRefusedByPostgresql() throws Exception {
        String ddl = "CREATE TABLE ratios (id INTEGER PRIMARY KEY, ratio DECFLOAT, ratios DECFLOAT ARRAY)";
        String select = "SELECT id, CAST(ratio AS VARCHAR), CAST(ratios AS VARCHAR) FROM ratios ORDER BY id";
        Path archive = dir.resolve("ratios.zip");
        try (TestDatabase source = TestDatabase.create(Kind.H2); TestDatabase target = TestDatabase.create(Kind.H2)) {
            source.execute(ddl, "INSERT INTO ratios VALUES (1, 'NaN', ARRAY[CAST('NaN' AS DECFLOAT), 1.5, NULL]), "
                    + "(2, 'Infinity', ARRAY[CAST('-Infinity' AS DECFLOAT)]), (3, '-Infinity', NULL), (4, 1E+100, "
                    + "ARRAY[CAST(1E+100 AS DECFLOAT), CAST('Infinity' AS DECFLOAT)])");
            target.execute(ddl);

            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.replace());

            assertThat(MariaDbTypesTest.texts(target.dataSource(), select))
                    .isEqualTo(MariaDbTypesTest.texts(source.dataSource(), select))
                    .containsExactly("1|NaN|[NaN, 1.5, null]", "2|Infinity|[-Infinity]", "3|-Infinity|NULL",
                            "4|1E+100|[1E+100, Infinity]");
        }
        try (TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            target.execute("CREATE TABLE ratios (id integer PRIMARY KEY, ratio numeric, ratios numeric[])");

            assertThatThrownBy(() -> Stores.portability(JdbcStore.discover(target.dataSource()))
                    .importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(PortabilityException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                    .hasMessageContaining("table ratios, row 1, column ratio").hasMessageContaining("key 1:")
                    .hasMessageContaining("the h2 value 'NaN' has no equal in this column's type (only a h2 column "
                            + "holds it)");
            assertThat(MariaDbTypesTest.texts(target.dataSource(), "SELECT count(*) FROM ratios"))
                    .containsExactly("0");
        }
    }

    /** @return the text of the archive's only table entry */
    private static String tableEntry(Path archive) throws java.io.IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(archive.toFile())) {
            java.util.zip.ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(".jsonl")).findFirst()
                    .orElseThrow();
            return new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
