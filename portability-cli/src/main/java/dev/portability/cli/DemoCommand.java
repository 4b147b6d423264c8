package dev.portability.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portability.api.ConflictPolicy;
import dev.portability.api.ExportOptions;
import dev.portability.api.ExportResult;
import dev.portability.api.ImportConflictException;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportResult;
import dev.portability.api.ProgressListener;
import dev.portability.api.Statistics;
import dev.portability.api.ArchiveTable;
import dev.portability.core.Portability;
import dev.portability.jdbc.JdbcStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code portability demo}: the whole story on an embedded H2 shop, timed step by step. Creates the shop, exports
 * it, makes a changed copy, previews the import into the copy, imports with MERGE/SKIP and then REPLACE, and
 * checks that the copy ends up identical to the original.
 */
@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Run the whole story on an embedded H2 database: create an online shop (10 tables with "
                + "foreign keys), export it, change a copy of it, preview importing the archive into the copy, "
                + "import with merge/skip and then replace, and show statistics and the time of each step.",
            "Needs no database server; the archive is kept for you to inspect."})
final class DemoCommand extends BaseCommand {

    /** The application id of the demo's archives. */
    static final String APPLICATION = "demo-shop";
    /** About how many rows the default shop holds: over 100,000 in all. */
    static final int DEFAULT_ROWS = 115_000;

    @Option(order = 30, names = "--rows", paramLabel = "N", defaultValue = "" + DEFAULT_ROWS,
            description = "About how many rows the shop holds, " + DemoShop.Size.MIN_ROWS + " or more. "
                    + "Default: ${DEFAULT-VALUE}.")
    int rows = DEFAULT_ROWS;

    @Option(order = 31, names = "--dir", paramLabel = "DIR",
            description = "Where to write the archives. Default: a new temporary directory.")
    Path dir;

    private final List<Step> steps = new ArrayList<>();
    private Path shopArchive;

    /** One timed step. */
    private record Step(String name, String description, long nanos) {
    }

    @Override
    Path archive() {
        return shopArchive;
    }

    @Override
    int execute() throws Exception {
        if (rows < DemoShop.Size.MIN_ROWS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rows must be " + DemoShop.Size.MIN_ROWS + " or more, was " + rows);
        }
        Path directory = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("portability-demo-");
        shopArchive = directory.resolve("shop.zip");
        Path copyArchive = directory.resolve("shop-copy.zip");
        String run = UUID.randomUUID().toString().substring(0, 8);
        DataSource source = h2("demo_shop_" + run);
        DataSource copy = h2("demo_copy_" + run);
        PrintWriter out = json() ? new PrintWriter(PrintWriter.nullWriter()) : out();
        DemoShop shop = new DemoShop(DemoShop.Size.of(rows));
        long start = System.nanoTime();
        try {
            out.println("Portability demo: an online shop in an embedded H2 database, exported, changed and "
                    + "imported back.");
            out.println();

            long t = System.nanoTime();
            DemoShop.createTables(source);
            shop.fill(source);
            Portability original = engine(source);
            Statistics sourceStats = original.stats();
            step(out, "create", "Created the shop: " + sourceStats.tables().size() + " tables with foreign keys, "
                    + Text.count(sourceStats.totalRows()) + " rows", t);
            StatsCommand.print(out, "  The shop", sourceStats);

            ExportResult exported = timed(out, "export", progress -> original.export(shopArchive,
                    ExportOptions.defaults().withListener(progress).withCancellation(cancellation())),
                    result -> "Exported it to " + shopArchive + ": " + Text.count(result.totalRows()) + " rows, "
                            + Text.bytes(result.archiveBytes()) + ", verified");

            DemoShop.createTables(copy);
            Portability target = engine(copy);
            timed(out, "copy", progress -> target.importArchive(shopArchive, ImportOptions.replace()
                    .withListener(progress).withCancellation(cancellation())),
                    result -> "Made a second database from the archive (import into empty tables): "
                            + Text.count(result.inserted()) + " rows");

            t = System.nanoTime();
            String changes = shop.change(copy);
            Statistics changedStats = target.stats();
            step(out, "change", "Changed the copy, as if time had passed: " + changes, t);
            StatsCommand.print(out, "  The changed copy", changedStats);

            ImportOptions mergeSkip = ImportOptions.merge(ConflictPolicy.SKIP).withCancellation(cancellation());
            ImportPreview preview = timed(out, "preview", progress -> target.preview(shopArchive,
                    mergeSkip.withListener(progress)),
                    p -> "Previewed importing the archive into the copy with MERGE, on conflict skip: "
                            + Text.count(p.conflicts()) + " rows of the archive have keys that already exist");
            printIndented(out, w -> PreviewCommand.print(w, shopArchive, preview));

            timed(out, "refuse", progress -> {
                try {
                    target.importArchive(shopArchive, ImportOptions.merge(ConflictPolicy.FAIL)
                            .withListener(progress).withCancellation(cancellation()));
                    return "was not refused (unexpected: the copy has conflicting keys)";
                } catch (ImportConflictException e) {
                    return "was refused: " + Text.count(e.conflictCount()) + " conflicting rows, nothing written "
                            + "(exit code " + ExitCodes.CONFLICTS + " on the command line)";
                }
            }, outcome -> "Tried MERGE, on conflict fail: the import " + outcome);

            ImportResult merged = timed(out, "merge", progress -> target.importArchive(shopArchive,
                    mergeSkip.withListener(progress)),
                    r -> "Imported with MERGE, on conflict skip: " + Text.count(r.inserted()) + " inserted, "
                            + Text.count(r.skipped()) + " skipped (existing rows kept)");
            Statistics mergedStats = target.stats();
            StatsCommand.print(out, "  The copy after MERGE", mergedStats);

            ImportResult replaced = timed(out, "replace", progress -> target.importArchive(shopArchive,
                    ImportOptions.replace().withListener(progress).withCancellation(cancellation())),
                    r -> "Imported with REPLACE: " + Text.count(r.deleted()) + " rows deleted, "
                            + Text.count(r.inserted()) + " inserted");
            Statistics replacedStats = target.stats();
            StatsCommand.print(out, "  The copy after REPLACE", replacedStats);

            ExportResult check = timed(out, "check", progress -> target.export(copyArchive, ExportOptions
                    .defaults().withListener(progress).withCancellation(cancellation())),
                    r -> "Exported the copy again and compared each table's SHA-256 with the first archive: "
                            + comparison(exported, r));
            List<String> differing = differing(exported, check);

            long total = System.nanoTime() - start;
            out.println();
            out.println("Time per step:");
            TextTable times = new TextTable("step", "time");
            steps.forEach(s -> times.row(s.name(), Text.seconds(s.nanos())));
            times.row("total", Text.seconds(total));
            times.print(out, "  ");
            out.println();
            out.println("The archive is kept: " + shopArchive);
            out.println("Try: java -jar portability-cli/target/portability.jar inspect " + shopArchive);
            out.flush();
            if (json()) {
                printJson(summary(sourceStats, changedStats, preview, merged, mergedStats, replaced, replacedStats,
                        exported, differing, total));
            }
            return differing.isEmpty() ? ExitCodes.OK : ExitCodes.INTERNAL;
        } finally {
            shutdown(source);
            shutdown(copy);
        }
    }

    private dev.portability.api.Cancellation cancellation() {
        return context().cancellation();
    }

    private <T> T timed(PrintWriter out, String name, Function<ProgressListener, T> work,
            Function<T, String> describe) {
        long t = System.nanoTime();
        ProgressPrinter progress = progress(ProgressPrinter.Detail.LIVE);
        T result = tracked(progress, () -> work.apply(progress));
        step(out, name, describe.apply(result), t);
        return result;
    }

    private void step(PrintWriter out, String name, String description, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        steps.add(new Step(name, description, nanos));
        out.println();
        out.println(steps.size() + ". " + description + " (" + Text.seconds(nanos) + ")");
        out.flush();
    }

    private static void printIndented(PrintWriter out, java.util.function.Consumer<PrintWriter> print) {
        java.io.StringWriter text = new java.io.StringWriter();
        print.accept(new PrintWriter(text));
        text.toString().lines().forEach(line -> out.println("  " + line));
    }

    private static String comparison(ExportResult first, ExportResult again) {
        List<String> differing = differing(first, again);
        return differing.isEmpty() ? "all " + first.tables().size() + " tables are identical"
                : "tables " + differing + " differ";
    }

    private static List<String> differing(ExportResult first, ExportResult again) {
        Map<String, String> sums = new TreeMap<>();
        first.tables().forEach(t -> sums.put(t.name(), t.sha256()));
        List<String> differing = new ArrayList<>();
        for (ArchiveTable table : again.tables()) {
            if (!table.sha256().equals(sums.remove(table.name()))) {
                differing.add(table.name());
            }
        }
        differing.addAll(sums.keySet());
        return differing;
    }

    private ObjectNode summary(Statistics source, Statistics changed, ImportPreview preview, ImportResult merged,
            Statistics afterMerge, ImportResult replaced, Statistics afterReplace, ExportResult exported,
            List<String> differing, long totalNanos) {
        ObjectNode node = JsonOut.object();
        node.put("archive", shopArchive.toString());
        node.put("totalMillis", totalNanos / 1_000_000);
        ArrayNode stepsNode = node.putArray("steps");
        for (Step step : steps) {
            stepsNode.addObject().put("step", step.name()).put("description", step.description())
                    .put("millis", step.nanos() / 1_000_000);
        }
        node.set("source", JsonOut.statistics("source", source));
        node.set("export", JsonOut.export(shopArchive, exported));
        node.set("changedCopy", JsonOut.statistics("copy", changed));
        node.set("preview", JsonOut.preview(shopArchive, preview));
        node.set("merge", JsonOut.importResult(shopArchive, merged));
        node.set("afterMerge", JsonOut.statistics("copy", afterMerge));
        node.set("replace", JsonOut.importResult(shopArchive, replaced));
        node.set("afterReplace", JsonOut.statistics("copy", afterReplace));
        node.put("identicalAfterReplace", differing.isEmpty());
        return node;
    }

    /** @return the library over a demo shop: application {@value #APPLICATION}, schema version 1 */
    static Portability engine(DataSource dataSource) {
        return Portability.builder().application(APPLICATION).schemaVersion(1)
                .store(JdbcStore.discover(dataSource)).build();
    }

    /** @return an in-memory H2 database of that name, kept until {@link #shutdown} */
    static DataSource h2(String name) {
        return new DriverManagerDataSource("jdbc:h2:mem:" + name.toLowerCase(Locale.ROOT) + ";DB_CLOSE_DELAY=-1",
                "sa", null);
    }

    /** Shuts an in-memory database down, freeing its memory. */
    static void shutdown(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // the in-memory database goes away with the process anyway
            org.slf4j.LoggerFactory.getLogger(DemoCommand.class).debug("could not shut {} down", dataSource, e);
        }
    }
}
