package dev.portability.cli;

import dev.portability.api.Manifest;
import dev.portability.api.ArchiveTable;
import dev.portability.core.ArchiveReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code portability inspect}: what an archive's manifest says; no database needed. */
@Command(name = "inspect", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Summarize an archive from its manifest: application, schema version, creation time, and "
                + "per table its rows, size and columns.",
            "Reads only the manifest; 'validate' checks the content. Needs no database."})
final class InspectCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The archive.")
    Path file;

    @Override
    Path archive() {
        return file;
    }

    @Override
    int execute() throws Exception {
        Manifest info = read(file);
        long size = Files.size(file);
        if (json()) {
            printJson(JsonOut.archive(file, size, info));
        } else {
            print(out(), file, size, info);
        }
        return ExitCodes.OK;
    }

    /**
     * Reads an archive's manifest.
     *
     * @param file the archive
     * @return the manifest
     * @throws dev.portability.api.InvalidArchiveException if the file is no archive or its manifest is unreadable
     */
    static Manifest read(Path file) {
        try (ArchiveReader archive = ArchiveReader.open(file)) {
            return archive.manifest();
        }
    }

    static void print(PrintWriter out, Path file, long size, Manifest info) {
        long bytes = info.tables().stream().mapToLong(ArchiveTable::bytes).sum();
        out.println("Archive " + file + " (" + Text.bytes(size) + ")");
        field(out, "application", info.application());
        field(out, "schema version", String.valueOf(info.schemaVersion()));
        field(out, "created at", String.valueOf(info.createdAt()));
        field(out, "written by", "Portability " + info.libraryVersion() + ", archive format "
                + info.formatVersion());
        field(out, "content", info.tables().size() + " tables, " + Text.count(info.totalRows()) + " rows, "
                + Text.bytes(bytes) + " uncompressed");
        TextTable tables = new TextTable("table", "rows", "size", "columns", "primary key").left(4);
        for (ArchiveTable table : info.tables()) {
            tables.row(table.name(), table.rows(), Text.bytes(table.bytes()), table.schema().columns().size(),
                    table.schema().hasPrimaryKey() ? String.join(", ", table.schema().primaryKey()) : "(none)");
        }
        out.println();
        tables.print(out, "  ");
    }

    private static void field(PrintWriter out, String label, String value) {
        out.println(String.format(java.util.Locale.ROOT, "  %-16s%s", label, value));
    }
}
