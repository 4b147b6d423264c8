package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ExportOptions;
import dev.portability.api.ExportResult;
import dev.portability.api.ForeignKey;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.api.Key;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.AbstractTableAdapter;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.Portability;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration streams: a version 1 archive whose clients table holds a million rows is validated, migrated through
 * both steps of {@link ShopHistory} and imported into version 3 on H2 (a file database) by a JVM whose heap is
 * limited to 128 MB. The import runs in a child JVM started here, so the limit holds however the test is launched;
 * this JVM writes the archive and checks the result.
 */
class LowMemoryMigrationTest {

    private static final int CLIENTS = 1_000_000;
    private static final int ORDERS = 1000;
    private static final long HEAP_LIMIT = 128L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aMillionRowTableIsMigratedOnImportWithA128MegabyteHeap() throws Exception {
        Path archive = dir.resolve("v1.zip");
        ExportResult exported = Portability.builder().application("shop").schemaVersion(1)
                .store(new Version1Rows()).build().export(archive, ExportOptions.defaults().withVerification(false));
        assertThat(exported.totalRows()).isEqualTo(CLIENTS + ORDERS);
        DataSource v3 = fileDatabase("v3");
        ShopHistory.create(v3, ShopHistory.V3);
        execute(v3, "SHUTDOWN");

        List<String> output = runWithSmallHeap(url("v3"), archive);

        assertThat(output).contains("max heap " + HEAP_LIMIT / (1024 * 1024) + " MB or less: true",
                "imported " + (CLIENTS + ORDERS) + " rows, 2 steps");
        assertThat(MigrationRoundTripTest.rows(v3, "SELECT COUNT(*), COUNT(DISTINCT last_name), "
                + "SUM(CASE WHEN status = 'active' THEN 1 ELSE 0 END) FROM customers"))
                .containsExactly(CLIENTS + "|" + CLIENTS + "|" + CLIENTS);
        assertThat(MigrationRoundTripTest.rows(v3, "SELECT id, first_name, last_name, email, status FROM customers "
                + "WHERE id IN (1, 500000, " + CLIENTS + ") ORDER BY id")).containsExactly(
                        "1|Client 1|Number1|c1@example.com|active",
                        "500000|Client 500000|Number500000|c500000@example.com|active",
                        CLIENTS + "|Client " + CLIENTS + "|Number" + CLIENTS + "|c" + CLIENTS + "@example.com|active");
        assertThat(MigrationRoundTripTest.rows(v3, "SELECT COUNT(*), SUM(customer_id) FROM orders"))
                .containsExactly(ORDERS + "|" + 97L * ORDERS * (ORDERS + 1) / 2);
        execute(v3, "SHUTDOWN");
    }

    private List<String> runWithSmallHeap(String databaseUrl, Path archive) throws IOException,
            InterruptedException {
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-cp",
                System.getProperty("java.class.path"), Child.class.getName(), databaseUrl, archive.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the import did not finish within 5 minutes:\n" + Files.readString(log));
        }
        List<String> output = Files.readAllLines(log);
        output.forEach(line -> System.out.println("[-Xmx128m import] " + line));
        assertThat(process.exitValue()).as("exit code of the import with -Xmx128m; its output:\n%s",
                String.join("\n", output)).isZero();
        return output;
    }

    private DataSource fileDatabase(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url(name));
        ds.setUser("sa");
        return ds;
    }

    /** A file database with a small page cache, as a host with a 128 MB heap would configure it. */
    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";CACHE_SIZE=8192";
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * The tables of version 1 ({@link ShopHistory#V1}) with a million generated clients, each named
     * "Client i Number{@literal i}", and a thousand orders: the source of the archive, read-only. Generating the
     * rows instead of reading them from a database keeps the test's own set-up quick.
     */
    private static final class Version1Rows implements DataStore<UnitOfWork> {
        private static final TableSchema CLIENTS_V1 = TableSchema.builder("clients")
                .column("id", LogicalType.integer(), false).column("name", LogicalType.text(200), false)
                .column("email", LogicalType.text(200), true).column("fax", LogicalType.text(40), true)
                .primaryKey("id").build();
        private static final TableSchema ORDERS_V1 = TableSchema.builder("orders")
                .column("id", LogicalType.integer(), false).column("client_id", LogicalType.integer(), false)
                .column("total", LogicalType.decimal(12, 2), false)
                .column("placed_at", LogicalType.timestamp(), false).primaryKey("id")
                .foreignKey(ForeignKey.of("client_id", "clients", "id")).build();

        @Override
        public List<? extends TableAdapter<UnitOfWork>> tables() {
            return List.of(new Generated(CLIENTS_V1, CLIENTS, i -> Row.of(CLIENTS_V1, i, "Client " + i + " Number" + i,
                    "c" + i + "@example.com", i % 10 == 0 ? "+1 555 " + i : null)),
                    new Generated(ORDERS_V1, ORDERS, i -> Row.of(ORDERS_V1, i, i * 97, BigDecimal.valueOf(i * 125, 2),
                            LocalDateTime.of(2024, 1, 1, 0, 0))));
        }

        @Override
        public UnitOfWork begin(Access access) {
            return new UnitOfWork() {
                @Override
                public void commit() {
                }

                @Override
                public void rollback() {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** A read-only table of generated rows 1 to n. */
    private static final class Generated extends AbstractTableAdapter<UnitOfWork> {
        private final long rows;
        private final LongFunction<Row> row;

        Generated(TableSchema schema, long rows, LongFunction<Row> row) {
            super(schema);
            this.rows = rows;
            this.row = row;
        }

        @Override
        public long count(UnitOfWork work) {
            return rows;
        }

        @Override
        public void read(UnitOfWork work, Consumer<Row> sink) {
            for (long i = 1; i <= rows; i++) {
                sink.accept(row.apply(i));
            }
        }

        @Override
        public void insert(UnitOfWork work, List<Row> batch) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public void update(UnitOfWork work, List<Row> batch) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public long deleteAll(UnitOfWork work) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public Set<Key> existingKeys(UnitOfWork work, List<Key> keys) {
            throw new UnsupportedOperationException("read-only");
        }
    }

    /** The import, run in the child JVM: args are the version 3 database URL and the archive. */
    static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            long maxHeap = Runtime.getRuntime().maxMemory();
            System.out.println("max heap " + HEAP_LIMIT / (1024 * 1024) + " MB or less: " + (maxHeap <= HEAP_LIMIT));
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(args[0]);
            ds.setUser("sa");
            long start = System.nanoTime();
            ImportResult result = ShopHistory.current(ds).importArchive(Path.of(args[1]), ImportOptions.replace());
            System.out.println("imported " + result.inserted() + " rows, " + result.migrationSteps().size()
                    + " steps");
            System.out.println("took " + (System.nanoTime() - start) / 1_000_000 + " ms, max heap " + maxHeap);
            try (var c = ds.getConnection(); var s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }
}
