package dev.portability.cli;

import dev.portability.api.ExportOptions;
import dev.portability.api.ExportResult;
import dev.portability.api.ArchiveTable;
import dev.portability.core.Portability;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portability export}: every table (or some) into one archive file. */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Export the tables of a database to an archive file (a ZIP of JSON Lines with a manifest).",
            "The archive is written beside the target, read back and verified, and only then moved into place: "
                    + "FILE never holds a partial archive. An existing FILE is replaced."})
final class ExportCommand extends DatabaseCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The archive to write, e.g. backup.zip.")
    Path file;

    @Option(order = 30, names = "--tables", paramLabel = "TABLE", split = ",",
            description = "Export only these tables (comma-separated).")
    List<String> tables = new ArrayList<>();

    @Option(order = 31, names = "--compression", paramLabel = "LEVEL",
            defaultValue = "" + ExportOptions.DEFAULT_COMPRESSION_LEVEL,
            description = "Deflate level, 0 (fastest, largest) to 9 (smallest). Default: ${DEFAULT-VALUE}.")
    int compression = ExportOptions.DEFAULT_COMPRESSION_LEVEL;

    @Option(order = 32, names = "--no-verify",
            description = "Do not read the written archive back to check it (faster).")
    boolean noVerify;

    @Override
    Path archive() {
        return file;
    }

    @Override
    int execute() {
        if (compression < 0 || compression > 9) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--compression must be between 0 and 9, was " + compression);
        }
        ProgressPrinter progress = progress(ProgressPrinter.Detail.TABLES);
        Portability portability = portability(progress);
        ExportOptions options = ExportOptions.defaults().withTables(tables).withCompressionLevel(compression)
                .withVerification(!noVerify).withCancellation(context().cancellation());
        ExportResult result = tracked(progress, () -> portability.export(file, options));
        if (json()) {
            printJson(JsonOut.export(file, result));
        } else if (!output.quiet) {
            print(out(), file, result);
        }
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, Path file, ExportResult result) {
        out.println("Exported " + Text.count(result.totalRows()) + " rows of " + result.tables().size()
                + " tables to " + file + " (" + Text.bytes(result.archiveBytes())
                + (result.verified() ? ", verified" : ", not verified") + ") in " + Text.duration(result.duration()));
        TextTable table = new TextTable("table", "rows", "size");
        for (ArchiveTable export : result.tables()) {
            table.row(export.name(), export.rows(), Text.bytes(export.bytes()));
        }
        table.print(out, "  ");
    }
}
