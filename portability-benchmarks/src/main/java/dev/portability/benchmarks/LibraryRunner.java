package dev.portability.benchmarks;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ExportOptions;
import dev.portability.api.ImportOptions;
import dev.portability.core.Portability;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Measures one library operation in a JVM of its own, so that the library and the hand-written pipelines never
 * share the JIT's profiles: {@code export|replace|merge <jdbc-url> <schema> <archive> <level> <runs> [<half-fill SQL>]}.
 * Prints {@code seconds=<median>}.
 */
public final class LibraryRunner {

    private LibraryRunner() {
    }

    /**
     * @param args operation, JDBC URL, schema, archive, compression level, measured runs, and for merge the SQL
     *     that fills the target with half the keys
     * @throws Exception if the operation fails
     */
    public static void main(String[] args) throws Exception {
        String operation = args[0];
        DataSource dataSource = Benchmark.dataSource(args[1]);
        Portability portability = Benchmark.portability(dataSource, args[2]);
        Path archive = Path.of(args[3]);
        int level = Integer.parseInt(args[4]);
        int runs = Integer.parseInt(args[5]);
        String truncate = args[1].startsWith("jdbc:h2:") ? "TRUNCATE TABLE item" : "TRUNCATE item";
        double median = switch (operation) {
            case "export" -> Timing.median(runs, null, () -> portability.export(archive,
                    ExportOptions.defaults().withCompressionLevel(level)));
            case "replace" -> Timing.median(runs, () -> execute(dataSource, truncate),
                    () -> portability.importArchive(archive, ImportOptions.replace()));
            case "merge" -> Timing.median(runs, () -> {
                execute(dataSource, truncate);
                execute(dataSource, args[6]);
            }, () -> portability.importArchive(archive, ImportOptions.merge(ConflictPolicy.SKIP)));
            default -> throw new IllegalArgumentException(operation);
        };
        System.out.printf(java.util.Locale.ROOT, "seconds=%.3f%n", median);
    }

    private static void execute(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
