package dev.portability.benchmarks;

import dev.portability.benchmarks.Timing.Measure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Measures export and import through the library, side by side with hand-written limit pipelines and the
 * databases' own tools, and prints a table of figures with issue 17's targets. See docs/performance.md.
 *
 * <pre>
 * java -jar portability-benchmarks/target/portability-benchmarks.jar [--rows 1000000] [--runs 3] [--tables 2000]
 *     [--level N] [--only postgres,h2,mariadb,many] [--heap 128m] [--memory true] [--extras false]
 *     [--pg-url jdbc:postgresql://127.0.0.1:5432/test?user=postgres]
 *     [--mariadb-url jdbc:mariadb://127.0.0.1:3306/test?user=root]
 *     [--memory-only true]     (PostgreSQL only: export and import in JVMs of --heap, then check the round trip)
 *     [--baseline-jar PATH]    (an earlier build's benchmark jar: its library's export and import too, before/after)
 * </pre>
 */
public final class Benchmark {

    private static final Set<String> PARTS = Set.of("postgres", "h2", "mariadb", "many");

    private final long rows;
    private final int runs;
    private final int tables;
    private final int level;
    private final Set<String> only;
    private final String heap;
    private final String pgUrl;
    private final String mariadbUrl;
    private final boolean memory;
    private final boolean memoryOnly;
    /** An earlier build's benchmark jar whose library is measured beside this one's, or null. */
    private final String baselineJar;
    private final boolean extras;
    private final Path work;
    private final Map<String, String> details = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private int targets;
    private int targetsMet;

    private Benchmark(Map<String, String> options) throws IOException {
        this.rows = Long.parseLong(options.getOrDefault("rows", "1000000"));
        this.runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        this.tables = Integer.parseInt(options.getOrDefault("tables", "2000"));
        this.level = Integer.parseInt(options.getOrDefault("level", String.valueOf(LibraryRunner.DEFAULT_LEVEL)));
        String parts = options.getOrDefault("only", "postgres,h2,mariadb,many");
        this.only = Set.copyOf(Arrays.asList(parts.split(",")));
        if (!PARTS.containsAll(only) || tables < 1 || tables > 9999 || runs < 1 || rows < 2) {
            throw new IllegalArgumentException("--only takes postgres, h2, mariadb and many, comma-separated; "
                    + "--tables 1 to 9999; --runs at least 1; --rows at least 2");
        }
        this.heap = options.getOrDefault("heap", "128m");
        this.pgUrl = options.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        this.mariadbUrl = options.getOrDefault("mariadb-url", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        this.memory = Boolean.parseBoolean(options.getOrDefault("memory", "true"));
        this.memoryOnly = Boolean.parseBoolean(options.getOrDefault("memory-only", "false"));
        this.extras = Boolean.parseBoolean(options.getOrDefault("extras", "false"));
        this.baselineJar = options.get("baseline-jar");
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

    private void run() throws Exception {
        long start = System.nanoTime();
        System.out.println("# Portability benchmark, " + LocalDate.now());
        System.out.printf("machine: %d cores, %s %s, %s; %,d rows; %d measured runs after 1 warm-up (median); "
                + "deflate level %d; load average at start %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), rows, runs, level, load());
        try {
            if (only.contains("postgres")) {
                postgres();
            }
            if (memoryOnly) {
                return;
            }
            if (only.contains("mariadb")) {
                mariadb();
            }
            if (only.contains("h2")) {
                h2();
            }
            if (only.contains("many")) {
                manyTables();
            }
        } finally {
            System.out.println();
            System.out.println("| measure | value |");
            System.out.println("|---|---|");
            details.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
            System.out.println();
            System.out.println("Wall time (median), and in brackets the CPU time of the process that did the work: "
                    + "the library's JVM; a tool's own process; for a raw pipeline or an H2 command, the benchmark's "
                    + "JVM (H2 runs inside it, so its CPU includes the database's).");
            System.out.println();
            System.out.println("| pipeline | library | peer | today | target |");
            System.out.println("|---|---:|---:|---|---|");
            lines.forEach(System.out::println);
            System.out.println();
            System.out.printf("targets met: %d of %d; load average at the end %s; total %.0f s%n", targetsMet,
                    targets, load(), (System.nanoTime() - start) / 1e9);
            deleteWork();
        }
    }

    /** Deletes the archives, dumps and H2 files of this run (about 2 GB at 1,000,000 rows). */
    private void deleteWork() throws IOException {
        try (var paths = Files.walk(work)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ---------------------------------------------------------------- reporting

    /** How a comparison is judged: by time (lower is better) or by speed (higher is better). */
    private enum Kind { TIME, SPEED }

    private record Target(Kind kind, double limit) {
        static Target timeAtMost(double limit) {
            return new Target(Kind.TIME, limit);
        }

        static Target speedAtLeast(double limit) {
            return new Target(Kind.SPEED, limit);
        }
    }

    private static String cell(Measure m) {
        return Double.isNaN(m.cpuSeconds()) ? String.format(Locale.ROOT, "%.2f s", m.seconds())
                : String.format(Locale.ROOT, "%.2f s (CPU %.2f s)", m.seconds(), m.cpuSeconds());
    }

    /**
     * Adds a line: the library's figure against a peer's, "today" as the ratio the target is about (the peer's
     * time by default), and the target with ✔ or ✘.
     */
    private void compare(String pipeline, Measure ours, String peer, Measure theirs, Kind kind, Target target) {
        Kind shown = target != null ? target.kind() : kind;
        double ratio = shown == Kind.TIME ? ours.seconds() / theirs.seconds() : theirs.seconds() / ours.seconds();
        String today = String.format(Locale.ROOT, shown == Kind.TIME ? "%.2f× the peer's time" : "%.2f× its speed",
                ratio);
        String goal = "";
        if (target != null) {
            boolean met = target.kind() == Kind.TIME ? ratio <= target.limit() : ratio >= target.limit();
            targets++;
            targetsMet += met ? 1 : 0;
            goal = String.format(Locale.ROOT, target.kind() == Kind.TIME ? "≤ %.1f× its time %s"
                    : "≥ %.1f× its speed %s", target.limit(), met ? "✔" : "✘");
        }
        String line = "| " + pipeline + " | " + cell(ours) + " | " + peer + " " + cell(theirs) + " | " + today + " | "
                + goal + " |";
        lines.add(line);
        System.out.println("  " + line);
    }

    private void put(String key, String value) {
        details.put(key, value);
        System.out.println("  " + key + ": " + value);
    }

    private String rate(long count, Measure m) {
        return String.format(Locale.ROOT, "%,.0f rows/s (%s)", count / m.seconds(), cell(m));
    }

    // ---------------------------------------------------------------- PostgreSQL

    private void postgres() throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        String source = "bench_src_" + suffix;
        String target = "bench_dst_" + suffix;
        DataSource admin = dataSource(pgUrl);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            put("PostgreSQL version", query(s, "SHOW server_version"));
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
        String srcUrl = pgUrl + "&currentSchema=" + source;
        String dstUrl = pgUrl + "&currentSchema=" + target;
        DataSource src = dataSource(srcUrl);
        DataSource dst = dataSource(dstUrl);
        try (Connection c = src.getConnection(); Statement s = c.createStatement()) {
            for (long from = 1; from <= rows; from += 1_000_000) {
                s.execute(Item.postgresFill(from, Math.min(rows, from + 999_999)));
            }
            s.execute("VACUUM ANALYZE item");
        }
        if (memoryOnly) {
            memory(source, target, dst);
            return;
        }
        Path archive = work.resolve("pg.zip");
        Path raw = work.resolve("pg-raw.zip");
        Path dump = work.resolve("pg.dump");

        System.out.println("PostgreSQL export");
        Measure ours = library("export", srcUrl, source, "item", archive, null);
        Measure rawExport = Timing.median(runs, null, () -> RawPipelines.export(src, raw, level, false));
        Measure pgDump = Timing.medianOfCommand(runs, null, null, null, "pg_dump", "-Fc", "-h", host(pgUrl),
                "-p", port(pgUrl, "5432"), "-U", user(pgUrl, "postgres"), "-t", source + ".item",
                "-f", dump.toString(), database(pgUrl));
        put("PostgreSQL export, library", rate(rows, ours) + ", archive " + Files.size(archive) + " bytes");
        put("PostgreSQL export, raw", rate(rows, rawExport) + ", archive " + Files.size(raw) + " bytes");
        put("PostgreSQL export, pg_dump -Fc", rate(rows, pgDump) + ", dump " + Files.size(dump) + " bytes");
        compare("PostgreSQL export", ours, "`pg_dump -Fc`", pgDump, Kind.SPEED, Target.speedAtLeast(1.2));
        compare("PostgreSQL export", ours, "raw JDBC → JSON Lines → ZIP, one thread, no checks", rawExport,
                Kind.SPEED, null);

        System.out.println("PostgreSQL import");
        String truncate = "TRUNCATE item";
        Measure replace = library("replace", dstUrl, target, "item", archive, truncate);
        verifyEqual(source, target);
        baseline("PostgreSQL import (REPLACE into empty)", replace, "replace", dstUrl, target, "item", archive,
                truncate);
        verifyEqual(source, target);
        Measure copy = Timing.median(runs, () -> execute(dst, truncate),
                () -> RawPipelines.copy(dst, raw, "item.jsonl"));
        verifyEqual(source, target);
        put("PostgreSQL import (REPLACE into empty), library", rate(rows, replace));
        put("PostgreSQL import, raw ZIP → COPY", rate(rows, copy));
        if (extras) {
            DataSource batched = dataSource(dstUrl + "&reWriteBatchedInserts=true");
            Measure insert = Timing.median(runs, () -> execute(dst, truncate),
                    () -> RawPipelines.insert(batched, raw, "item.jsonl"));
            put("PostgreSQL import, raw ZIP → batched INSERT", rate(rows, insert));
        }
        Measure merge = library("merge", dstUrl, target, "item", archive, "TRUNCATE item; "
                + Item.postgresFill(1, rows / 2));
        verifyEqual(source, target);
        Measure overFull = library("replace", dstUrl, target, "item", archive, null);
        verifyEqual(source, target);
        if (memory) {
            memory(source, target, dst);
        }

        // pg_restore last: it restores into the source table, emptied before each run
        String[] restore = {"pg_restore", "--data-only", "-h", host(pgUrl), "-p", port(pgUrl, "5432"),
            "-U", user(pgUrl, "postgres"), "-d", database(pgUrl), dump.toString()};
        Measure pgRestore = Timing.medianOfCommand(runs, () -> execute(src, truncate), null, null, restore);
        Measure pgRestoreOverFull = Timing.medianOfCommand(runs, null, () -> execute(src, truncate), null, restore);
        verifyEqual(target, source);
        put("PostgreSQL import, pg_restore --data-only", rate(rows, pgRestore));
        compare("PostgreSQL import (REPLACE into empty)", replace, "`pg_restore --data-only`", pgRestore,
                Kind.TIME, Target.timeAtMost(1.5));
        compare("PostgreSQL import (REPLACE into empty)", replace, "raw ZIP → COPY loop, one thread, no checks",
                copy, Kind.SPEED, Target.speedAtLeast(0.9));
        compare("PostgreSQL REPLACE over a full table", overFull, "`TRUNCATE` + `pg_restore --data-only`",
                pgRestoreOverFull, Kind.TIME, null);
        compare("PostgreSQL REPLACE over a full table", overFull, "library REPLACE into empty", replace, Kind.TIME,
                Target.timeAtMost(1.2));
        compare("PostgreSQL MERGE/SKIP into a half-full table", merge, "library REPLACE into empty", replace,
                Kind.TIME, Target.timeAtMost(1.0));
    }

    private void memory(String source, String target, DataSource dst) throws Exception {
        System.out.println("PostgreSQL memory");
        Path archive = work.resolve("probe.zip");
        put("PostgreSQL export memory (-Xmx" + heap + ")", probe("export", pgUrl + "&currentSchema=" + source,
                source, archive) + ", archive " + Files.size(archive) + " bytes");
        execute(dst, "TRUNCATE item");
        put("PostgreSQL import memory (-Xmx" + heap + ")", probe("replace", pgUrl + "&currentSchema=" + target,
                target, archive));
        verifyEqual(source, target);
        put("PostgreSQL round trip in -Xmx" + heap, "exact: " + rows + " rows, no row differs");
    }

    /** Checks that {@code target.item} holds exactly the rows of {@code source.item}. */
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

    // ---------------------------------------------------------------- PostgreSQL, many tables

    private void manyTables() throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        String source = "bench_msrc_" + suffix;
        String target = "bench_mdst_" + suffix;
        DataSource admin = dataSource(pgUrl);
        System.out.println("PostgreSQL: creating " + tables + " tables of " + Item.MANY_TABLES_ROWS + " rows");
        try {
            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + source);
                s.execute("CREATE SCHEMA " + target);
                for (int from = 1; from <= tables; from += 250) {
                    s.execute(Item.postgresManyTables(source, from, Math.min(tables, from + 249), true));
                    s.execute(Item.postgresManyTables(target, from, Math.min(tables, from + 249), false));
                }
            }
            manyTables(source, target);
        } finally {
            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                for (String schema : List.of(source, target)) {
                    for (int to = tables; to >= 1; to -= 250) {
                        s.execute("DROP TABLE IF EXISTS " + Item.listMany(schema, Math.max(1, to - 249), to));
                    }
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    private void manyTables(String source, String target) throws Exception {
        String shape = String.format(Locale.ROOT, "%,d tables of %d rows (a chain of foreign keys)", tables,
                Item.MANY_TABLES_ROWS);
        Path archive = work.resolve("many.zip");
        Path dump = work.resolve("many.dump");
        System.out.println("PostgreSQL many tables: export");
        Measure ours = library("export", pgUrl, source, "*", archive, null);
        Measure pgDump = Timing.medianOfCommand(runs, null, null, null, "pg_dump", "-Fc", "-a", "-h", host(pgUrl),
                "-p", port(pgUrl, "5432"), "-U", user(pgUrl, "postgres"), "-n", source, "-f", dump.toString(),
                database(pgUrl));
        put("PostgreSQL " + shape + ", archive", Files.size(archive) + " bytes; dump " + Files.size(dump) + " bytes");
        System.out.println("PostgreSQL many tables: import");
        Measure replace = library("replace", pgUrl, target, "*", archive, Item.truncateMany(target, tables));
        long imported = countMany(target);
        if (imported != (long) tables * Item.MANY_TABLES_ROWS) {
            throw new IllegalStateException("the import of " + shape + " left " + imported + " rows");
        }
        Measure pgRestore = Timing.medianOfCommand(runs, () -> execute(dataSource(pgUrl),
                Item.truncateMany(source, tables)), null, null, "pg_restore", "-a", "-1", "-h", host(pgUrl), "-p",
                port(pgUrl, "5432"), "-U", user(pgUrl, "postgres"), "-d", database(pgUrl), dump.toString());
        compare("PostgreSQL export of " + shape, ours, "`pg_dump -Fc -a`", pgDump, Kind.TIME,
                Target.timeAtMost(2.0));
        compare("PostgreSQL import of " + shape + " (REPLACE into empty)", replace, "`pg_restore -a -1`",
                pgRestore, Kind.TIME, Target.timeAtMost(2.0));
    }

    private long countMany(String schema) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT 0");
        for (int i = 1; i <= tables; i++) {
            sql.append(" + (SELECT count(*) FROM ").append(schema).append('.').append(Item.manyName(i)).append(')');
        }
        try (Connection c = dataSource(pgUrl).getConnection(); Statement s = c.createStatement()) {
            return Long.parseLong(query(s, sql.toString()));
        }
    }

    // ---------------------------------------------------------------- MariaDB

    private void mariadb() throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        String source = "bench_src_" + suffix;
        String target = "bench_dst_" + suffix;
        DataSource admin = dataSource(mariadbUrl);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            put("MariaDB version", query(s, "SELECT VERSION()"));
            s.execute("CREATE DATABASE " + source + " CHARACTER SET utf8mb4");
            s.execute("CREATE DATABASE " + target + " CHARACTER SET utf8mb4");
            s.execute(Item.MARIADB_DDL.replace("CREATE TABLE item", "CREATE TABLE " + source + ".item"));
            s.execute(Item.MARIADB_DDL.replace("CREATE TABLE item", "CREATE TABLE " + target + ".item"));
        }
        try {
            mariadb(source, target);
        } finally {
            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + source);
                s.execute("DROP DATABASE IF EXISTS " + target);
            }
        }
    }

    private void mariadb(String source, String target) throws Exception {
        String dumpTool = Processes.onPath("mariadb-dump", "mysqldump");
        String client = Processes.onPath("mariadb", "mysql");
        if (dumpTool == null || client == null) {
            throw new IllegalStateException("MariaDB: neither mariadb-dump nor mysqldump, or neither mariadb nor "
                    + "mysql, is on the PATH; install the MariaDB client or leave mariadb out of --only");
        }
        put("MariaDB tools", dumpTool + ", " + client);
        String srcUrl = mariadbUrl(source);
        String dstUrl = mariadbUrl(target);
        DataSource src = dataSource(srcUrl);
        DataSource dst = dataSource(dstUrl);
        System.out.println("MariaDB: filling " + rows + " rows");
        try (Connection c = src.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            for (long from = 1; from <= rows; from += 1_000_000) {
                s.execute(Item.mariadbFill(from, Math.min(rows, from + 999_999)));
            }
            s.execute("ANALYZE TABLE item");
        }
        String sourceChecksum = checksum(src);
        Path archive = work.resolve("mariadb.zip");
        Path raw = work.resolve("mariadb-raw.zip");
        Path dump = work.resolve("mariadb.sql");
        String[] connection = {"-h", host(mariadbUrl), "-P", port(mariadbUrl, "3306"),
            "-u", user(mariadbUrl, "root")};

        System.out.println("MariaDB export");
        Measure ours = library("export", srcUrl, source, "item", archive, null);
        List<String> dumpCommand = new ArrayList<>(List.of(dumpTool));
        dumpCommand.addAll(List.of(connection));
        dumpCommand.addAll(List.of("--no-create-info", "--quick", "--result-file=" + dump, source, "item"));
        Measure mariadbDump = Timing.medianOfCommand(runs, null, null, null, dumpCommand.toArray(String[]::new));
        Measure rawExport = Timing.median(runs, null, () -> RawPipelines.export(src, raw, level, true));
        put("MariaDB export, library", rate(rows, ours) + ", archive " + Files.size(archive) + " bytes");
        put("MariaDB export, mariadb-dump", rate(rows, mariadbDump) + ", dump " + Files.size(dump) + " bytes");
        put("MariaDB export, raw", rate(rows, rawExport) + ", archive " + Files.size(raw) + " bytes");
        compare("MariaDB export", ours, "`" + Path.of(dumpTool).getFileName() + " --no-create-info --quick`",
                mariadbDump, Kind.TIME, Target.timeAtMost(1.0));
        compare("MariaDB export", ours, "raw JDBC → JSON Lines → ZIP, one thread, no checks", rawExport,
                Kind.SPEED, null);

        System.out.println("MariaDB import");
        String truncate = "TRUNCATE TABLE item";
        Measure replace = library("replace", dstUrl, target, "item", archive, truncate);
        verifyChecksum(dst, sourceChecksum, "the library's REPLACE");
        baseline("MariaDB import (REPLACE into empty)", replace, "replace", dstUrl, target, "item", archive,
                truncate);
        verifyChecksum(dst, sourceChecksum, "the baseline library's REPLACE");
        List<String> replay = new ArrayList<>(List.of(client));
        replay.addAll(List.of(connection));
        replay.add(target);
        Measure replayed = Timing.medianOfCommand(runs, () -> execute(dst, truncate), null, dump,
                replay.toArray(String[]::new));
        verifyChecksum(dst, sourceChecksum, "replaying the dump");
        DataSource local = dataSource(dstUrl + "&allowLocalInfile=true");
        Measure load = Timing.median(runs, () -> execute(dst, truncate),
                () -> RawPipelines.loadData(local, raw, "item.jsonl"));
        verifyChecksum(dst, sourceChecksum, "LOAD DATA");
        Measure merge = library("merge", dstUrl, target, "item", archive, "TRUNCATE TABLE item; "
                + "SET time_zone = '+00:00'; " + Item.mariadbFill(1, rows / 2));
        verifyChecksum(dst, sourceChecksum, "the library's MERGE");
        Measure overFull = library("replace", dstUrl, target, "item", archive, null);
        verifyChecksum(dst, sourceChecksum, "the library's REPLACE over a full table");
        put("MariaDB import (REPLACE into empty), library", rate(rows, replace));
        put("MariaDB import, replaying the dump", rate(rows, replayed));
        put("MariaDB import, raw ZIP → LOAD DATA LOCAL INFILE", rate(rows, load));
        compare("MariaDB import (REPLACE into empty)", replace, "replaying that dump with `"
                + Path.of(client).getFileName() + "`", replayed, Kind.TIME, Target.timeAtMost(0.7));
        compare("MariaDB import (REPLACE into empty)", replace, "raw ZIP → `LOAD DATA LOCAL INFILE` from memory, "
                + "one thread, no checks", load, Kind.SPEED, null);
        compare("MariaDB REPLACE over a full table", overFull, "library REPLACE into empty", replace, Kind.TIME,
                Target.timeAtMost(1.2));
        compare("MariaDB MERGE/SKIP into a half-full table", merge, "library REPLACE into empty", replace,
                Kind.TIME, Target.timeAtMost(1.0));
    }

    private String mariadbUrl(String database) {
        return mariadbUrl.replaceFirst("^(jdbc:mariadb://[^/]+/)[^?]*", "$1" + database);
    }

    private static String checksum(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("CHECKSUM TABLE item")) {
            rs.next();
            return rs.getString(2);
        }
    }

    private void verifyChecksum(DataSource target, String expected, String what) throws SQLException {
        String actual = checksum(target);
        if (!actual.equals(expected)) {
            throw new IllegalStateException("MariaDB: after " + what + " the table's checksum is " + actual
                    + ", the source's " + expected);
        }
    }

    // ---------------------------------------------------------------- H2

    private void h2() throws Exception {
        Path dbs = Files.createDirectories(work.resolve("h2"));
        String sourceUrl = "jdbc:h2:file:" + dbs.resolve("source") + ";USER=sa";
        String targetUrl = "jdbc:h2:file:" + dbs.resolve("target") + ";USER=sa";
        DataSource src = dataSource(sourceUrl);
        DataSource dst = dataSource(targetUrl);
        try (Connection c = src.getConnection(); Statement s = c.createStatement()) {
            put("H2 version", query(s, "SELECT H2VERSION()"));
            s.execute(Item.H2_DDL);
            System.out.println("H2: filling " + rows + " rows");
            for (long from = 1; from <= rows; from += 1_000_000) {
                s.execute(Item.h2Fill(from, Math.min(rows, from + 999_999)));
            }
        }
        execute(dst, Item.H2_DDL);

        Path archive = work.resolve("h2.zip");
        Path raw = work.resolve("h2-raw.zip");
        Path script = work.resolve("h2-script.zip");
        System.out.println("H2 export");
        Measure ours = library("export", sourceUrl, "PUBLIC", "item", archive, null);
        Measure rawExport = extras ? Timing.median(runs, null, () -> RawPipelines.export(src, raw, level, false))
                : null;
        Measure scriptTo = Timing.median(runs, () -> Files.deleteIfExists(script),
                () -> execute(src, "SCRIPT TO '" + script + "' COMPRESSION DEFLATE TABLE item"));
        put("H2 export, library", rate(rows, ours) + ", archive " + Files.size(archive) + " bytes");
        put("H2 export, SCRIPT TO ... COMPRESSION DEFLATE", rate(rows, scriptTo) + ", script "
                + Files.size(script) + " bytes");
        compare("H2 export", ours, "`SCRIPT TO … COMPRESSION DEFLATE`", scriptTo, Kind.SPEED,
                Target.speedAtLeast(1.2));
        if (extras) {
            put("H2 export, raw", rate(rows, rawExport) + ", archive " + Files.size(raw) + " bytes");
            compare("H2 export", ours, "raw JDBC → JSON Lines → ZIP, one thread, no checks", rawExport, Kind.SPEED,
                    null);
        }

        System.out.println("H2 import");
        String truncate = "TRUNCATE TABLE item";
        Measure replace = library("replace", targetUrl, "PUBLIC", "item", archive, truncate);
        baseline("H2 import (REPLACE into empty)", replace, "replace", targetUrl, "PUBLIC", "item", archive,
                truncate);
        Measure merge = library("merge", targetUrl, "PUBLIC", "item", archive, truncate + "; "
                + Item.h2Fill(1, rows / 2));
        Measure overFull = library("replace", targetUrl, "PUBLIC", "item", archive, null);
        Measure insert = extras ? Timing.median(runs, () -> execute(dst, truncate),
                () -> RawPipelines.insert(dst, raw, "item.jsonl")) : null;
        Measure runScript = Timing.median(runs, () -> execute(dst, "DROP TABLE IF EXISTS item"),
                () -> execute(dst, "RUNSCRIPT FROM '" + script + "' COMPRESSION DEFLATE"));
        try (Connection c = dst.getConnection(); Statement s = c.createStatement()) {
            if (Long.parseLong(query(s, "SELECT COUNT(*) FROM item")) != rows) {
                throw new IllegalStateException("H2: RUNSCRIPT left another number of rows");
            }
        }
        put("H2 import (REPLACE into empty), library", rate(rows, replace));
        put("H2 import, RUNSCRIPT FROM", rate(rows, runScript));
        compare("H2 import (REPLACE into empty)", replace, "`RUNSCRIPT FROM`", runScript, Kind.SPEED,
                Target.speedAtLeast(1.0));
        if (extras) {
            put("H2 import, raw ZIP → batched INSERT", rate(rows, insert));
            compare("H2 import (REPLACE into empty)", replace, "raw ZIP → batched INSERT, one thread, no checks",
                    insert, Kind.SPEED, null);
        }
        compare("H2 REPLACE over a full table", overFull, "library REPLACE into empty", replace, Kind.TIME,
                Target.timeAtMost(1.2));
        compare("H2 MERGE/SKIP into a half-full table", merge, "library REPLACE into empty", replace, Kind.TIME,
                Target.timeAtMost(1.0));
    }

    // ---------------------------------------------------------------- helpers

    /** Runs a library operation (warm-up and measured runs) in a fresh JVM and returns its medians. */
    private Measure library(String operation, String url, String schema, String include, Path archive,
            String prepare) throws Exception {
        return library(jar(), operation, url, schema, include, archive, prepare);
    }

    /**
     * Runs the library of the baseline jar (see {@code --baseline-jar}) as {@link #library} runs this build's, and
     * prints the line comparing this build's figure with it.
     */
    private void baseline(String pipeline, Measure ours, String operation, String url, String schema, String include,
            Path archive, String prepare) throws Exception {
        if (baselineJar == null) {
            return;
        }
        Measure before = library(baselineJar, operation, url, schema, include, archive, prepare);
        compare(pipeline + ", this build", ours, "the same with the baseline build (" + Path.of(baselineJar)
                .getFileName() + ")", before, Kind.TIME, null);
    }

    private Measure library(String classpath, String operation, String url, String schema, String include,
            Path archive, String prepare) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(heapOptions());
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath,
                LibraryRunner.class.getName(), operation, url, schema, include, archive.toString(),
                String.valueOf(level), String.valueOf(runs)));
        if (prepare != null) {
            command.add(prepare);
        }
        String output = Processes.run(null, command.toArray(String[]::new));
        System.err.print(output.replaceAll("(?m)^seconds=.*\n", ""));
        String last = output.substring(output.lastIndexOf("seconds="));
        return new Measure(Double.parseDouble(last.replaceFirst("^seconds=(\\S+).*$", "$1").strip()),
                Double.parseDouble(last.replaceFirst("^.*cpu=(\\S+).*$", "$1").strip()));
    }

    /**
     * The heap options of a library run's JVM: this JVM's own {@code -Xms}, {@code -Xmx} and
     * {@code -XX:+AlwaysPreTouch}, so that the library and the hand-written pipelines (run here) have the same heap,
     * and a heap kept committed across the collections between runs, as {@link Timing} keeps this JVM's (also for a
     * baseline build, whose runner may not).
     */
    private static List<String> heapOptions() {
        List<String> options = new ArrayList<>();
        for (String option : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-Xms") || option.startsWith("-Xmx") || option.equals("-XX:+AlwaysPreTouch")) {
                options.add(option);
            }
        }
        options.add("-XX:MaxHeapFreeRatio=100");
        return options;
    }

    private String probe(String operation, String url, String schema, Path archive) throws Exception {
        String output = Processes.run(null, java(), "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", jar(), MemoryProbe.class.getName(), operation, url, schema, archive.toString(),
                String.valueOf(level)).strip();
        return output.substring(output.lastIndexOf('\n') + 1);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jar() throws Exception {
        return Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String host(String url) {
        return url.replaceFirst("^jdbc:[a-z]+://([^:/]+).*$", "$1");
    }

    private static String port(String url, String otherwise) {
        return url.matches("^jdbc:[a-z]+://[^:/]+:\\d+/.*$") ? url.replaceFirst("^jdbc:[a-z]+://[^:/]+:(\\d+)/.*$",
                "$1") : otherwise;
    }

    private static String database(String url) {
        return url.replaceFirst("^jdbc:[a-z]+://[^/]+/([^?]*).*$", "$1");
    }

    private static String user(String url, String otherwise) {
        return url.matches("^.*[?&]user=[^&]+.*$") ? url.replaceFirst("^.*[?&]user=([^&]+).*$", "$1") : otherwise;
    }

    private static String query(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
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
