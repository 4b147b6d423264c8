package dev.portability.examples;

import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.api.Statistics;
import dev.portability.api.ValidationReport;
import dev.portability.core.Portability;
import dev.portability.jdbc.JdbcStore;
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
        DataSource dataSource = SampleShop.create("source", 20_000);
        DataSource otherDataSource = SampleShop.create("target", 0);
        Path backup = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("shop-", ".zip");

        // README quick start begins
        Portability shop = Portability.builder()
                .application("shop")                        // written into archives; imports refuse other apps'
                .schemaVersion(1)                           // your data schema version
                .store(JdbcStore.discover(dataSource))   // every base table of the current schema
                .build();                                   // immutable, thread-safe: build once, share

        Statistics stats = shop.stats();                    // row counts per table, one snapshot
        System.out.println(stats.totalRows() + " rows in " + stats.tables().size() + " tables");
        shop.export(backup);                                // to a temp file, verified, then moved into place

        Portability copy = Portability.builder().application("shop").schemaVersion(1)
                .store(JdbcStore.discover(otherDataSource)).build();
        ValidationReport report = copy.validate(backup);    // every problem, with entry, row and column
        if (report.valid()) {
            ImportResult result = copy.importArchive(backup, ImportOptions.replace());
            System.out.println("imported " + result.inserted() + " rows in " + result.duration().toMillis() + " ms");
        }
        // README quick start ends

        System.out.println();
        stats.tables().forEach(t -> System.out.printf("  %-12s %8d rows%n", t.table(), t.rows()));
        System.out.printf("archive %s: %d bytes%n", backup, Files.size(backup));
        copy.stats().tables().forEach(t -> System.out.printf("  imported %-12s %8d rows%n", t.table(), t.rows()));
    }
}
