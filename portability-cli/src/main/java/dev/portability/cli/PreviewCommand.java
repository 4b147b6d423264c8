package dev.portability.cli;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ImportMode;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.Key;
import dev.portability.api.OutsideChange;
import dev.portability.api.Problem;
import dev.portability.api.TablePreview;
import dev.portability.api.TriggerTreatment;
import dev.portability.core.Portability;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code portability preview}: what an import would do, writing nothing. */
@Command(name = "preview", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Show what importing an archive would do, writing nothing: per table the archive's rows, "
                + "the new ones, those whose key already exists (with a sample of keys), and the rows REPLACE "
                + "would delete; the triggers the import would switch off, undo or refuse; the rows of tables "
                + "outside the import a REPLACE would change; tables that cannot roll back.",
            "Validates the archive first. When the import would be refused, exits with the code the import would "
                    + "end with: 4 for a merge with --on-conflict fail and existing keys, or a refusal listed; 2 for "
                    + "a merge into a table without a primary key."})
final class PreviewCommand extends DatabaseCommand {

    /** Keys of each table shown in the human output. */
    private static final int KEYS_SHOWN = 5;

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
        ImportPreview preview = tracked(progress, () -> portability.preview(file, options.withListener(progress)));
        if (json()) {
            printJson(JsonOut.preview(file, preview));
        } else {
            print(out(), file, preview);
        }
        if (!preview.refusals().isEmpty()) {
            return ExitCodes.of(preview.refusals().get(0).code());
        }
        return preview.wouldBeRefused() ? ExitCodes.CONFLICTS : ExitCodes.OK;
    }

    static void print(PrintWriter out, Path file, ImportPreview preview) {
        out.println("Preview of importing " + file + " with " + ImportChoice.describe(preview.mode(),
                preview.conflictPolicy()) + " (nothing was written):");
        TextTable table = new TextTable("table", "archive rows", "new", "existing", "rows now",
                "replace would delete");
        long archive = 0;
        long fresh = 0;
        long existing = 0;
        long now = 0;
        long gone = 0;
        for (TablePreview t : preview.tables()) {
            table.row(t.table(), t.archiveRows(), t.newRows(), t.conflicts(), t.targetRows(),
                    t.rowsReplaceWouldDelete());
            archive += t.archiveRows();
            fresh += t.newRows();
            existing += t.conflicts();
            now += t.targetRows();
            gone += t.rowsReplaceWouldDelete();
        }
        table.row("total", archive, fresh, existing, now, gone);
        table.print(out, "  ");
        if (existing > 0) {
            out.println("Keys that already exist (first ones per table):");
            for (TablePreview t : preview.tables()) {
                if (!t.sampleConflictKeys().isEmpty()) {
                    StringJoiner keys = new StringJoiner(", ", "  " + t.table() + ": ",
                            t.conflicts() > KEYS_SHOWN ? ", ..." : "");
                    t.sampleConflictKeys().stream().limit(KEYS_SHOWN).map(Key::toString).forEach(keys::add);
                    out.println(keys);
                }
            }
        }
        printSafeguards(out, preview);
        out.println(verdict(preview, fresh, existing, now, gone));
    }

    private static void printSafeguards(PrintWriter out, ImportPreview preview) {
        List<String> triggers = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        List<String> engines = new ArrayList<>();
        for (TablePreview t : preview.tables()) {
            for (TriggerTreatment trigger : t.triggers()) {
                triggers.add("  " + t.table() + "." + trigger.trigger() + ": " + trigger.treatment().name()
                        .toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + Text.oneLine(trigger.detail()) + ")");
            }
            for (OutsideChange change : t.outsideChanges()) {
                String what = switch (change.action()) {
                    case DELETE -> "deleted";
                    case SET_NULL -> "set to NULL";
                    case SET_DEFAULT -> "set to their defaults";
                    case BLOCK -> "still referencing them (the delete would fail)";
                };
                outside.add("  " + change.table() + ": " + Text.count(change.rows()) + (change.rows() == 1
                        ? " row " : " rows ") + what + ", by deleting rows of " + t.table());
            }
            if (t.nonTransactionalEngine() != null) {
                engines.add("  " + t.table() + ": " + t.nonTransactionalEngine());
            }
        }
        if (!triggers.isEmpty()) {
            out.println("Triggers the import would fire:");
            triggers.forEach(out::println);
        }
        if (!outside.isEmpty()) {
            out.println("Rows of tables outside the import that REPLACE would change:");
            outside.forEach(out::println);
        }
        if (!engines.isEmpty()) {
            out.println("Tables that cannot roll back:");
            engines.forEach(out::println);
        }
        if (!preview.refusals().isEmpty()) {
            out.println("The import would be REFUSED before writing anything:");
            for (Problem refusal : preview.refusals()) {
                out.println("  " + refusal.code() + ": " + Text.oneLine(refusal.message())
                        + Failures.hint(refusal.code()));
            }
        }
    }

    private static String verdict(ImportPreview preview, long fresh, long existing, long now, long gone) {
        if (!preview.refusals().isEmpty()) {
            return "Nothing would be imported: see the reasons above.";
        }
        if (preview.mode() == ImportMode.REPLACE) {
            return "The import would delete the " + Text.count(now) + " rows of these tables ("
                    + Text.count(gone) + " of them have no counterpart in the archive and would be gone) and "
                    + "insert the archive's " + Text.count(fresh + existing) + ".";
        }
        ConflictPolicy policy = preview.conflictPolicy();
        if (policy == ConflictPolicy.FAIL && existing > 0) {
            return "The import would be REFUSED: " + Text.count(existing) + " rows of the archive have keys that "
                    + "already exist. Use --on-conflict skip or overwrite, or --mode replace.";
        }
        String dup = switch (policy) {
            case SKIP -> ", and keep the " + Text.count(existing) + " existing rows whose key the archive also has";
            case OVERWRITE -> ", and overwrite " + Text.count(existing) + " existing rows with the archive's";
            default -> "";
        };
        return "The import would insert " + Text.count(fresh) + " new rows" + dup + ".";
    }
}
