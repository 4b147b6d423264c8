package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Large single values in a bounded heap (field case 26): two PostgreSQL rows, each holding a 25.6 MB {@code bytea}
 * and a text of 10,000,000 characters ({@code é}, 20 MB in UTF-8), are exported and then imported three times in
 * a row (REPLACE) by a child JVM started here with {@code -Xmx256m}, so the limit holds however the test is
 * launched; the target then holds exactly the source's values (MD5 of each). Not a timed test: speed is measured
 * by the benchmarks.
 */
class LowMemoryLargeValuesTest {

    private static final long HEAP_LIMIT = 256L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void twoRowsOfA25MegabyteByteaAndATenMillionCharacterTextExportAndImportThriceIn256Megabytes()
            throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            String table = "CREATE TABLE doc (id int PRIMARY KEY, body bytea, txt text)";
            source.execute(table, "INSERT INTO doc SELECT g, decode(repeat(md5(g::text), 1600000), 'hex'), "
                    + "repeat('é', 10000000) FROM generate_series(1, 2) g");
            target.execute(table);
            Path archive = dir.resolve("big.zip");

            List<String> output = runWithSmallHeap(source.url(), target.url(), target.user(), archive);

            assertThat(output).contains("max heap " + HEAP_LIMIT / (1024 * 1024) + " MB or less: true",
                    "exported 2 rows", "import 1: 2 rows", "import 2: 2 rows", "import 3: 2 rows");
            String fingerprint = "SELECT string_agg(id || ':' || length(body) || ':' || md5(body) || ':' "
                    + "|| length(txt) || ':' || md5(txt), ',' ORDER BY id) FROM doc";
            String expected = query(source.dataSource(), fingerprint);
            assertThat(expected).startsWith("1:25600000:").contains(":10000000:");
            assertThat(query(target.dataSource(), fingerprint)).isEqualTo(expected);
        }
    }

    private static String query(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> runWithSmallHeap(String sourceUrl, String targetUrl, String user, Path archive)
            throws IOException, InterruptedException {
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), sourceUrl, targetUrl, user, archive.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the export and imports did not finish within 5 minutes:\n"
                    + Files.readString(log));
        }
        List<String> output = Files.readAllLines(log);
        output.forEach(line -> System.out.println("[-Xmx256m] " + line));
        assertThat(process.exitValue()).as("exit code of the export and imports with -Xmx256m; their output:\n%s",
                String.join("\n", output)).isZero();
        return output;
    }

    /** The export and the imports, run in the child JVM: args are the source and target URLs, user, archive. */
    static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            long maxHeap = Runtime.getRuntime().maxMemory();
            System.out.println("max heap " + HEAP_LIMIT / (1024 * 1024) + " MB or less: " + (maxHeap <= HEAP_LIMIT));
            Path archive = Path.of(args[3]);
            long rows = Stores.portability(JdbcStore.discover(dataSource(args[0], args[2]))).export(archive)
                    .totalRows();
            System.out.println("exported " + rows + " rows");
            Portability target = Stores.portability(JdbcStore.discover(dataSource(args[1], args[2])));
            for (int attempt = 1; attempt <= 3; attempt++) {
                ImportResult result = target.importArchive(archive, ImportOptions.replace());
                System.out.println("import " + attempt + ": " + result.inserted() + " rows");
            }
        }

        private static DataSource dataSource(String url, String user) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            ds.setUser(user);
            return ds;
        }
    }
}
