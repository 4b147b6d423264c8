package dev.portability.benchmarks;

import dev.portability.api.ExportOptions;
import dev.portability.core.Portability;
import dev.portability.jdbc.JdbcStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Measures export and import of one table through the library, side by side with hand-written limit pipelines
 * and the databases' own tools, and prints a table of figures. See docs/performance.md.
 *
 * <pre>
 * java -jar portability-benchmarks/target/portability-benchmarks.jar [--rows 1000000] [--runs 3]
 *     [--level N] [--only postgres|h2] [--heap 128m] [--pg-url jdbc:postgresql://127.0.0.1:5432/test?user=postgres]
 *     [--memory-only true]     (PostgreSQL only: export and import in JVMs of --heap, then check the round trip)
 * </pre>
 */
public final class Benchmark {

    private final long rows;
    private final int runs;
    private final int level;
    private final String only;
    private final String heap;
    private final String pgUrl;
    private final boolean memoryOnly;
    private final Path work;
    private final Map<String, String> results = new LinkedHashMap<>();

    private Benchmark(Map<String, String> options) throws IOException {
        this.rows = Long.parseLong(options.getOrDefault("rows", "1000000"));
        this.runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        this.level = Integer.parseInt(options.getOrDefault("level",
                String.valueOf(ExportOptions.DEFAULT_COMPRESSION_LEVEL)));
        this.only = options.getOrDefault("only", "all");
        this.heap = options.getOrDefault("heap", "128m");
        this.pgUrl = options.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        this.memoryOnly = Boolean.parseBoolean(options.getOrDefault("memory-only", "false"));
        this.work = Files.createTempDirectory("portability-bench-");
    }

    /**
     * Runs the benchmark.
     *
     * @param args options, see the class comment
     * @throws Exception if a step fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        new Benchmark(options).run();
    }

    static DataSource dataSource(String url) {
        return new UrlDataSource(url);
    }

    static Portability portability(DataSource dataSource, String schema) {
        return Portability.builder().application("bench")
                .store(JdbcStore.configure(dataSource).schema(schema).include("item").discover()).build();
    }

    private void run() throws Exception {
        System.out.println("# Portability benchmark");
        System.out.printf("machine: %d cores, %s %s, %s; %,d rows; %d measured runs after 1 warm-up (median); "
                + "deflate level %d%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                rows, runs, level);
        if (!only.equals("h2")) {
            postgres();
        }
        if (!only.equals("postgres")) {
            h2();
        }
        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        results.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
    }

    private static String rate(long rows, double seconds) {
        return String.format(Locale.ROOT, "%,.0f rows/s (%.2f s)", rows / seconds, seconds);
    }

    private static String ratio(double ourSeconds, double theirSeconds) {
        return String.format(Locale.ROOT, "%.2f", theirSeconds / ourSeconds);
    }

    private void put(String key, String value) {
        results.put(key, value);
        System.out.println("  " + key + ": " + value);
    }

    // ---------------------------------------------------------------- PostgreSQL

    private void postgres() throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        String source = "bench_src_" + suffix;
        String target = "bench_dst_" + suffix;
        DataSource admin = dataSource(pgUrl);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            ResultSet version = s.executeQuery("SHOW server_version");
            version.next();
            put("PostgreSQL version", version.getString(1));
            s.execute("CREATE SCHEMA " + source);
            s.execute("CREATE SCHEMA " + target);
            s.execute("SET search_path = " + source);
            s.execute(Item.POSTGRES_DDL);
            s.execute("SET search_path = " + target);
            s.execute(Item.POSTGRES_DDL);
        }
        try {
            postgres(source, target);
        } finally {
            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + source + " CASCADE");
                s.execute("DROP SCHEMA " + target + " CASCADE");
            }
        }
    }

    private void postgres(String source, String target) throws Exception {
        System.out.println("PostgreSQL: filling " + rows + " rows");
        DataSource src = dataSource(pgUrl + "&currentSchema=" + source);
        DataSource dst = dataSource(pgUrl + "&currentSchema=" + target);
        DataSource dstBatched = dataSource(pgUrl + "&currentSchema=" + target + "&reWriteBatchedInserts=true");
        try (Connection c = src.getConnection(); Statement s = c.createStatement()) {
            for (long from = 1; from <= rows; from += 1_000_000) {
                s.execute(Item.postgresFill(from, Math.min(rows, from + 999_999)));
            }
            s.execute("VACUUM ANALYZE item");
        }
        Path archive = work.resolve("pg.zip");
        Path raw = work.resolve("pg-raw.zip");
        Path dump = work.resolve("pg.dump");
        if (memoryOnly) {
            memory(source, target, dst);
            return;
        }

        System.out.println("PostgreSQL export");
        String srcUrl = pgUrl + "&currentSchema=" + source;
        String dstUrl = pgUrl + "&currentSchema=" + target;
        double ours = library("export", srcUrl, source, archive, null);
        double rawExport = Timing.median(runs, null, () -> RawPipelines.export(src, raw, level));
        double pgDump = Timing.median(runs, null, () -> process("pg_dump", "-Fc", "-h", host(), "-U", "postgres",
                "-t", source + ".item", "-f", dump.toString(), database()));
        put("PostgreSQL export, library", rate(rows, ours) + ", archive " + Files.size(archive) + " bytes");
        put("PostgreSQL export, raw JDBC → JSON Lines → ZIP", rate(rows, rawExport) + ", archive "
                + Files.size(raw) + " bytes");
        put("PostgreSQL export, pg_dump -Fc", rate(rows, pgDump) + ", dump " + Files.size(dump) + " bytes");
        put("PostgreSQL export, library ÷ raw (speed)", ratio(ours, rawExport));
        put("PostgreSQL export, library ÷ pg_dump (speed)", ratio(ours, pgDump));

        System.out.println("PostgreSQL import");
        Timing.Step truncate = () -> execute(dst, "TRUNCATE item");
        double ourImport = library("replace", dstUrl, target, archive, null);
        verifyEqual(source, target);
        double insert = Timing.median(runs, truncate, () -> RawPipelines.insert(dstBatched, raw, "item.jsonl"));
        double copy = Timing.median(runs, truncate, () -> RawPipelines.copy(dst, raw, "item.jsonl"));
        double merge = library("merge", dstUrl, target, archive,
                "INSERT INTO item SELECT * FROM " + source + ".item WHERE id <= " + rows / 2);
        put("PostgreSQL import (REPLACE into empty), library", rate(rows, ourImport));
        put("PostgreSQL import, raw ZIP → JDBC batched INSERT", rate(rows, insert));
        put("PostgreSQL import, raw ZIP → COPY", rate(rows, copy));
        put("PostgreSQL import, library ÷ raw INSERT (speed)", ratio(ourImport, insert));
        put("PostgreSQL import, library ÷ raw COPY (speed)", ratio(ourImport, copy));
        put("PostgreSQL MERGE/SKIP into half-full table", rate(rows, merge) + ", "
                + String.format(Locale.ROOT, "%.2f", merge / ourImport) + "× the REPLACE time");

        memory(source, target, dst);

        // pg_restore last: it restores into the source table, which it needs empty
        double pgRestore = Timing.median(runs, () -> execute(src, "TRUNCATE item"), () -> process("pg_restore",
                "--data-only", "-h", host(), "-U", "postgres", "-d", database(), dump.toString()));
        put("PostgreSQL import, pg_restore --data-only", rate(rows, pgRestore));
        put("PostgreSQL import, library ÷ pg_restore (speed)", ratio(ourImport, pgRestore));
    }

    private void memory(String source, String target, DataSource dst) throws Exception {
        System.out.println("PostgreSQL memory");
        Path archive = work.resolve("probe.zip");
        put("PostgreSQL export memory (-Xmx" + heap + ")", probe("export", pgUrl + "&currentSchema=" + source,
                source, archive) + ", archive " + Files.size(archive) + " bytes");
        execute(dst, "TRUNCATE item");
        put("PostgreSQL import memory (-Xmx" + heap + ")", probe("import", pgUrl + "&currentSchema=" + target,
                target, archive));
        verifyEqual(source, target);
        put("PostgreSQL round trip in -Xmx" + heap, "exact: " + rows + " rows, no row differs");
    }

    private void verifyEqual(String source, String target) throws SQLException {
        try (Connection c = dataSource(pgUrl).getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM " + target + ".item), (SELECT count(*) "
                        + "FROM (SELECT * FROM " + source + ".item EXCEPT SELECT * FROM " + target + ".item) d)")) {
            rs.next();
            if (rs.getLong(1) != rows || rs.getLong(2) != 0) {
                throw new IllegalStateException("the imported table differs from the source: " + rs.getLong(1)
                        + " rows, " + rs.getLong(2) + " differing");
            }
        }
    }

    private String host() {
        return pgUrl.replaceFirst("^jdbc:postgresql://([^:/]+).*$", "$1");
    }

    private String database() {
        return pgUrl.replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
    }

    // ---------------------------------------------------------------- H2

    private void h2() throws Exception {
        Path dbs = Files.createDirectories(work.resolve("h2"));
        String sourceUrl = "jdbc:h2:file:" + dbs.resolve("source") + ";USER=sa";
        String targetUrl = "jdbc:h2:file:" + dbs.resolve("target") + ";USER=sa";
        DataSource src = dataSource(sourceUrl);
        DataSource dst = dataSource(targetUrl);
        try (Connection c = src.getConnection(); Statement s = c.createStatement()) {
            ResultSet version = s.executeQuery("SELECT H2VERSION()");
            version.next();
            put("H2 version", version.getString(1));
            s.execute(Item.H2_DDL);
        }
        execute(dst, Item.H2_DDL);
        System.out.println("H2: filling " + rows + " rows");
        fillH2(src);

        Path archive = work.resolve("h2.zip");
        Path raw = work.resolve("h2-raw.zip");
        Path script = work.resolve("h2-script.zip");
        System.out.println("H2 export");
        double ours = library("export", sourceUrl, "PUBLIC", archive, null);
        double rawExport = Timing.median(runs, null, () -> RawPipelines.export(src, raw, level));
        double scriptTo = Timing.median(runs, () -> Files.deleteIfExists(script),
                () -> execute(src, "SCRIPT TO '" + script + "' COMPRESSION DEFLATE TABLE item"));
        put("H2 export, library", rate(rows, ours) + ", archive " + Files.size(archive) + " bytes");
        put("H2 export, raw JDBC → JSON Lines → ZIP", rate(rows, rawExport));
        put("H2 export, SCRIPT TO ... COMPRESSION DEFLATE", rate(rows, scriptTo) + ", script " + Files.size(script)
                + " bytes");
        put("H2 export, library ÷ raw (speed)", ratio(ours, rawExport));
        put("H2 export, library ÷ SCRIPT (speed)", ratio(ours, scriptTo));

        System.out.println("H2 import");
        Timing.Step truncate = () -> execute(dst, "TRUNCATE TABLE item");
        double ourImport = library("replace", targetUrl, "PUBLIC", archive, null);
        double insert = Timing.median(runs, truncate, () -> RawPipelines.insert(dst, raw, "item.jsonl"));
        double runScript = Timing.median(runs, () -> execute(dst, "DROP TABLE IF EXISTS item"),
                () -> execute(dst, "RUNSCRIPT FROM '" + script + "' COMPRESSION DEFLATE"));
        put("H2 import (REPLACE into empty), library", rate(rows, ourImport));
        put("H2 import, raw ZIP → JDBC batched INSERT", rate(rows, insert));
        put("H2 import, RUNSCRIPT FROM", rate(rows, runScript));
        put("H2 import, library ÷ raw INSERT (speed)", ratio(ourImport, insert));
        put("H2 import, library ÷ RUNSCRIPT (speed)", ratio(ourImport, runScript));
    }

    private void fillH2(DataSource dataSource) throws SQLException {
        Random random = new Random(42);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO item VALUES (?,?,?,?,?,?,?,?)")) {
            c.setAutoCommit(false);
            OffsetDateTime base = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            StringBuilder note = new StringBuilder();
            for (long i = 1; i <= rows; i++) {
                ps.setLong(1, i);
                ps.setObject(2, new UUID(random.nextLong(), random.nextLong()));
                ps.setString(3, "item " + i);
                ps.setBigDecimal(4, BigDecimal.valueOf(i % 1_000_000 + 1, 2));
                ps.setObject(5, base.plusSeconds(i));
                ps.setBoolean(6, i % 2 == 0);
                byte[] payload = new byte[32];
                random.nextBytes(payload);
                ps.setBytes(7, payload);
                note.setLength(0);
                while (note.length() < 200) {
                    note.append(Long.toHexString(random.nextLong()));
                }
                ps.setString(8, note.substring(0, 200));
                ps.addBatch();
                if (i % 1000 == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Runs a library operation (warm-up and measured runs) in a fresh JVM and returns its median seconds. */
    private double library(String operation, String url, String schema, Path archive, String halfFill)
            throws Exception {
        String jar = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", jar,
                LibraryRunner.class.getName(), operation, url, schema, archive.toString(), String.valueOf(level),
                String.valueOf(runs)));
        if (halfFill != null) {
            command.add(halfFill);
        }
        String output = process(command.toArray(String[]::new));
        System.err.print(output.replaceAll("(?m)^seconds=.*$", ""));
        return Double.parseDouble(output.substring(output.lastIndexOf("seconds=") + 8).strip());
    }

    private String probe(String operation, String url, String schema, Path archive) throws Exception {
        String jar = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", jar, MemoryProbe.class.getName(), operation, url, schema,
                archive.toString(), String.valueOf(level)));
        String output = process(command.toArray(String[]::new)).strip();
        return output.substring(output.lastIndexOf('\n') + 1);
    }

    private static String process(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = builder.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out.toString();
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A data source over {@link DriverManager}: every connection is new, as in a benchmark it should be. */
    private record UrlDataSource(String url) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // not used
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
