package dev.portability.cli;

import dev.portability.api.Manifest;
import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportMode;
import dev.portability.api.ImportOptions;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.Problem;
import dev.portability.api.ValidationReport;
import dev.portability.core.ArchiveReader;
import dev.portability.core.Portability;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code portability validate}: every problem of an archive, against its own manifest or a database. */
@Command(name = "validate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Check an archive completely: the container, the manifest, checksums, row counts and every "
                + "value against its column's type. Lists every problem found, with table, row and column.",
            "Without --url the archive is checked against its own manifest; with --url also against that "
                    + "database's tables, the application id, the schema version and how it compares keys, as an "
                    + "import would. With --mode or --on-conflict as well, it also reports what would make an "
                    + "import with those options refuse before writing (a merge into a table without a primary key, "
                    + "keys that exist under --on-conflict fail, a foreign-key cycle the database cannot load).",
            "Exit code 0 when valid, 3 when not."})
final class ValidateCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The archive.")
    Path file;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ApplicationOptions application;

    @Option(order = 30, names = "--mode", paramLabel = "MODE",
            description = "With --url: check for an import in this mode (merge or replace).")
    ImportMode mode;

    @Option(order = 31, names = "--on-conflict", paramLabel = "POLICY",
            description = "With --url: check for a merge with this conflict policy (skip, overwrite or fail; "
                    + "merge's default is fail).")
    ConflictPolicy onConflict;

    private boolean deprecatedAliasUsed;

    /**
     * The spelling of {@code --on-conflict} before 0.2; accepted, with a warning, for one release.
     *
     * @param policy the policy
     */
    @Option(names = "--on-duplicate", paramLabel = "POLICY", hidden = true)
    void onDuplicate(ConflictPolicy policy) {
        onConflict = policy;
        deprecatedAliasUsed = true;
    }

    @Override
    Path archive() {
        return file;
    }

    @Override
    int execute() {
        if (deprecatedAliasUsed) {
            err().println(ImportChoice.DEPRECATED_ALIAS);
        }
        ProgressPrinter progress = progress(ProgressPrinter.Detail.TABLES);
        String against;
        ValidationReport report;
        if ((mode != null || onConflict != null) && !connection.given()) {
            throw new ParameterException(spec.commandLine(), "--mode and --on-conflict check an import into a "
                    + "database: give it with --url");
        }
        if (mode == ImportMode.REPLACE && onConflict != null) {
            throw new ParameterException(spec.commandLine(),
                    "--on-conflict applies to --mode merge only; --mode replace deletes the existing rows first");
        }
        if (connection.given()) {
            against = "database";
            Portability portability = Portability.builder().application(application.application)
                    .schemaVersion(application.schemaVersion)
                    .store(connection.store(spec, context().environment())).listener(progress).build();
            if (mode == null && onConflict == null) {
                report = tracked(progress, () -> portability.validate(file));
            } else {
                ImportOptions options = mode == ImportMode.REPLACE ? ImportOptions.replace()
                        : ImportOptions.merge(onConflict == null ? ConflictPolicy.FAIL : onConflict);
                report = tracked(progress, () -> portability.validate(file, options));
            }
        } else {
            against = "manifest";
            try (ArchiveReader archive = ArchiveReader.open(file)) {
                report = tracked(progress, () -> archive.verify(progress, null));
            } catch (InvalidArchiveException e) {
                return report(file, against, e.report());
            }
        }
        return report(file, against, report);
    }

    private int report(Path archive, String against, ValidationReport report) {
        if (json()) {
            printJson(JsonOut.validation(archive, against, report));
        } else {
            print(out(), archive, against, report, output.quiet);
        }
        return report.valid() ? ExitCodes.OK : ExitCodes.INVALID_ARCHIVE;
    }

    static void print(PrintWriter out, Path archive, String against, ValidationReport report, boolean quiet) {
        String checked = against.equals("database") ? "checked against the database"
                : "checked against its own manifest";
        if (report.valid()) {
            if (!quiet) {
                Manifest info = report.archive();
                out.println(archive + " is valid (" + checked + ")" + (info == null ? "." : ": "
                        + info.tables().size() + " tables, " + Text.count(info.totalRows()) + " rows."));
            }
            return;
        }
        long count = report.problemCount();
        out.println(archive + " is invalid (" + checked + "): " + Text.count(count)
                + (count == 1 ? " problem." : " problems."));
        for (Problem problem : report.problems()) {
            out.println("  " + Text.oneLine(problem.toString()));
        }
        if (count > report.problems().size()) {
            out.println("  ... and " + Text.count(count - report.problems().size()) + " more.");
        }
        Set<ErrorCode> kinds = EnumSet.noneOf(ErrorCode.class);
        report.problems().forEach(problem -> kinds.add(problem.code()));
        if (kinds.size() == 1) {
            out.println("What to do: " + kinds.iterator().next().suggestion());
        } else if (!kinds.isEmpty()) {
            out.println("What to do:");
            kinds.forEach(code -> out.println("  " + code + ": " + code.suggestion()));
        }
    }
}
