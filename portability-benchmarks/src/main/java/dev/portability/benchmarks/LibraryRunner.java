package dev.portability.benchmarks;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ExportOptions;
import dev.portability.api.ImportOptions;
import dev.portability.core.Portability;
import dev.portability.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Measures one library operation in a JVM of its own, so that the library and the hand-written pipelines never
 * share the JIT's profiles:
 * {@code export|replace|merge <jdbc-url> <schema> <include> <archive> <level> <runs> [<prepare SQL>]}, where
 * {@code include} is a table-name pattern ({@code *} for every table of the schema), {@code merge} is MERGE with
 * SKIP, and the prepare SQL ({@code ;}-separated statements) runs untimed before every run. Prints
 * {@code seconds=<median wall> cpu=<median process CPU>}.
 *
 * <p>Every use of the library's API by the benchmark is in this class.
 */
public final class LibraryRunner {

    /** The library's default deflate level. */
    static final int DEFAULT_LEVEL = ExportOptions.DEFAULT_COMPRESSION_LEVEL;

    private LibraryRunner() {
    }

    /**
     * @param args operation, JDBC URL, schema, include pattern, archive, compression level, measured runs, and the
     *     SQL to run before every run (optional)
     * @throws Exception if the operation fails
     */
    public static void main(String[] args) throws Exception {
        String operation = args[0];
        DataSource dataSource = Benchmark.dataSource(args[1]);
        Portability portability = portability(dataSource, args[2], args[3]);
        Path archive = Path.of(args[4]);
        int level = Integer.parseInt(args[5]);
        int runs = Integer.parseInt(args[6]);
        Timing.Step prepare = args.length > 7 && !args[7].isBlank() ? () -> execute(dataSource, args[7]) : null;
        Timing.Measure median = Timing.median(runs, prepare, () -> run(portability, operation, archive, level));
        System.out.printf(Locale.ROOT, "seconds=%.3f cpu=%.3f%n", median.seconds(), median.cpuSeconds());
    }

    /**
     * Runs one operation.
     *
     * @return the rows exported or imported
     */
    static long run(Portability portability, String operation, Path archive, int level) {
        return switch (operation) {
            case "export" -> portability.export(archive, ExportOptions.defaults().withCompressionLevel(level))
                    .totalRows();
            case "replace" -> portability.importArchive(archive, ImportOptions.replace()).inserted();
            case "merge" -> portability.importArchive(archive, ImportOptions.merge(ConflictPolicy.SKIP)).inserted();
            default -> throw new IllegalArgumentException(operation);
        };
    }

    /** The library over the tables of one schema whose names match {@code include} ({@code *}: all). */
    static Portability portability(DataSource dataSource, String schema, String include) {
        return Portability.builder().application("bench")
                .store(JdbcStore.configure(dataSource).schema(schema).include(include).discover()).build();
    }

    private static void execute(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }
}
