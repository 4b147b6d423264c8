package dev.portability.cli;

import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.api.TableImportResult;
import dev.portability.core.Portability;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code portability import}: an archive into a database, in one transaction. */
@Command(name = "import", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Import an archive into a database: validate all of it, then write it in one transaction. "
                + "On any failure nothing is written and every table stays as it was.",
            "Tables are written in foreign-key order. Run 'preview' first to see what an import would do."})
final class ImportCommand extends DatabaseCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The archive.")
    Path file;

    @Mixin
    ImportChoice choice;

    @Override
    Path archive() {
        return file;
    }

    @Override
    int execute() {
        if (choice.deprecatedAliasUsed) {
            err().println(ImportChoice.DEPRECATED_ALIAS);
        }
        ImportOptions options = choice.options(spec).withCancellation(context().cancellation());
        ProgressPrinter progress = progress(ProgressPrinter.Detail.TABLES);
        Portability portability = portability(progress);
        ImportResult result = tracked(progress,
                () -> portability.importArchive(file, options.withListener(progress)));
        if (json()) {
            printJson(JsonOut.importResult(file, result));
        } else if (!output.quiet) {
            print(out(), file, result);
        }
        if (!result.countMismatches().isEmpty()) {
            for (TableImportResult t : result.countMismatches()) {
                err().println("Warning: table " + t.table() + " holds " + Text.count(t.actualRows())
                        + " rows after the import, expected " + Text.count(t.expectedRows())
                        + " (triggers allowed to fire, or another session, may have written to it).");
            }
        }
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, Path file, ImportResult result) {
        out.println("Imported " + file + " with " + ImportChoice.describe(result.mode(), result.conflictPolicy())
                + " in " + Text.duration(result.duration()) + ": " + Text.count(result.inserted()) + " inserted, "
                + Text.count(result.updated()) + " updated, " + Text.count(result.skipped()) + " skipped, "
                + Text.count(result.deleted()) + " deleted");
        TextTable table = new TextTable("table", "inserted", "updated", "skipped", "deleted", "rows now");
        for (TableImportResult t : result.tables()) {
            table.row(t.table(), t.inserted(), t.updated(), t.skipped(), t.deleted(), t.actualRows());
        }
        table.print(out, "  ");
    }
}
