package dev.portability.examples;

import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.api.Statistics;
import dev.portability.core.Portability;
import dev.portability.jdbc.JdbcAdapters;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The README's quick start, runnable: fills an embedded H2 database, prints its statistics, exports it, imports
 * the archive into a second, empty H2 database and prints the result.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Runs the example.
     *
     * @param args optional: the archive path (default: a temporary file)
     * @throws Exception if anything fails
     */
    public static void main(String[] args) throws Exception {
        DataSource source = SampleShop.create("source", 20_000);
        DataSource target = SampleShop.create("target", 0);
        Path archive = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("shop-", ".zip");

        // --- quick start (README.md) ---
        Portability shop = Portability.builder()
                .application("shop")
                .schemaVersion(1)
                .store(JdbcAdapters.discover(source))
                .build();
        Statistics stats = shop.stats();
        System.out.println(stats.totalRows() + " rows in " + stats.tables().size() + " tables");
        shop.export(archive);

        Portability copy = Portability.builder()
                .application("shop")
                .schemaVersion(1)
                .store(JdbcAdapters.discover(target))
                .build();
        if (copy.validate(archive).valid()) {
            ImportResult result = copy.importArchive(archive, ImportOptions.replace());
            System.out.println("imported " + result.inserted() + " rows in " + result.duration().toMillis() + " ms");
        }
        // --- end of quick start ---

        System.out.println();
        stats.tables().forEach(t -> System.out.printf("  %-12s %8d rows%n", t.table(), t.rows()));
        System.out.printf("archive %s: %d bytes%n", archive, Files.size(archive));
        copy.stats().tables().forEach(t -> System.out.printf("  imported %-12s %8d rows%n", t.table(), t.rows()));
    }
}
