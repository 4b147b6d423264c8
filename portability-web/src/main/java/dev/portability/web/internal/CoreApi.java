package dev.portability.web.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portability.api.Manifest;
import dev.portability.api.ArchiveTable;
import dev.portability.api.Cancellation;
import dev.portability.api.Column;
import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ExportOptions;
import dev.portability.api.ExportResult;
import dev.portability.api.ImportConflictException;
import dev.portability.api.ImportMode;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportRefusedException;
import dev.portability.api.ImportResult;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.Key;
import dev.portability.api.OperationCancelledException;
import dev.portability.api.OutsideChange;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.ProgressEvent;
import dev.portability.api.ProgressListener;
import dev.portability.api.Statistics;
import dev.portability.api.StoreException;
import dev.portability.api.TableCount;
import dev.portability.api.ArchiveTable;
import dev.portability.api.TableImportResult;
import dev.portability.api.TablePreview;
import dev.portability.api.TriggerTreatment;
import dev.portability.api.ValidationReport;
import dev.portability.core.Portability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The one place where the console meets the library's API: every call into {@link Portability}, and the mapping
 * of its results and exceptions to the HTTP API's JSON, which uses the library's names ({@code conflictPolicy},
 * {@code conflicts}, {@code manifest}).
 */
public final class CoreApi {

    /** Problems listed in a refused archive's problem details; all are counted. */
    static final int PROBLEMS_LISTED = 50;

    private final Portability portability;
    private final UnaryOperator<ImportOptions> hostImportOptions;
    private final UnaryOperator<ExportOptions> hostExportOptions;

    /**
     * @param portability the library
     * @param hostImportOptions the host's settings, applied to every import and preview after the request's
     *     choices; must not change mode, conflict policy or tables
     * @param hostExportOptions the host's settings, applied to every export
     */
    public CoreApi(Portability portability, UnaryOperator<ImportOptions> hostImportOptions,
            UnaryOperator<ExportOptions> hostExportOptions) {
        this.portability = Objects.requireNonNull(portability, "portability");
        this.hostImportOptions = Objects.requireNonNull(hostImportOptions, "importOptions");
        this.hostExportOptions = Objects.requireNonNull(hostExportOptions, "exportOptions");
    }

    /** @return the application id */
    String application() {
        return portability.application();
    }

    /** @return the application's data schema version */
    int schemaVersion() {
        return portability.schemaVersion();
    }

    /** @return the library version */
    static String libraryVersion() {
        return Portability.version();
    }

    /** @return the largest archive the library accepts, in bytes */
    long maxArchiveBytes() {
        return portability.limits().maxArchiveBytes();
    }

    /** @return {@code {totalRows, tables: [{table, rows}]}}, counted in one snapshot */
    ObjectNode stats() {
        Statistics stats = portability.stats();
        ObjectNode node = Json.object();
        node.put("totalRows", stats.totalRows());
        ArrayNode tables = node.putArray("tables");
        for (TableCount count : stats.tables()) {
            tables.addObject().put("table", count.table()).put("rows", count.rows());
        }
        return node;
    }

    /**
     * Exports every table to a file.
     *
     * @param target the file
     * @param control progress and cancellation
     * @return {@code {totalRows, archiveBytes, verified, durationMillis, tables: [{table, rows, bytes, sha256}]}}
     */
    ObjectNode export(Path target, OperationControl control) {
        Cancellation cancellation = cancellation(control);
        ExportOptions options = hostExportOptions.apply(ExportOptions.defaults()).withListener(listener(control))
                .withCancellation(cancellation);
        if (!options.tables().isEmpty()) {
            throw new HttpProblem(WebError.INTERNAL, "The host's export options limit the tables ("
                    + options.tables() + "); the console exports every table. Remove the table filter from "
                    + "PortabilityWeb.Builder.exportOptions.");
        }
        ExportResult result = portability.export(target, options);
        ObjectNode node = Json.object();
        node.put("totalRows", result.totalRows());
        node.put("archiveBytes", result.archiveBytes());
        node.put("verified", result.verified());
        node.put("durationMillis", result.duration().toMillis());
        ArrayNode tables = node.putArray("tables");
        for (ArchiveTable table : result.tables()) {
            tables.addObject().put("table", table.name()).put("rows", table.rows()).put("bytes", table.bytes())
                    .put("sha256", table.sha256());
        }
        return node;
    }

    /**
     * Validates an archive against the application.
     *
     * @param archive the file
     * @param control progress and cancellation
     * @return the report: {@code {valid, problemCount, problems, suggestions, migrationSteps, manifest}}
     */
    ObjectNode validate(Path archive, OperationControl control) {
        return report(portability.validate(archive, listener(control), cancellation(control)));
    }

    /**
     * Previews an import.
     *
     * @param archive the file
     * @param choice the request's choices
     * @param control progress and cancellation
     * @return {@code {mode, conflictPolicy, wouldBeRefused, refusals, archiveRows, newRows, conflicts,
     *     rowsReplaceWouldDelete, tables: [...], migrationSteps}}
     */
    ObjectNode preview(Path archive, ImportChoice choice, OperationControl control) {
        ImportPreview preview = portability.preview(archive, options(choice, control));
        return preview(preview);
    }

    /**
     * @param preview the library's preview
     * @return its JSON; {@code refusals} lists, in the shape of validation problems, why the import would be
     *     refused before writing: the library's refusals (triggers, changes outside the import, tables that cannot
     *     roll back), then one {@code CONFLICTS} problem per table with conflicts under MERGE with FAIL; each table
     *     carries its {@code triggers}, {@code outsideChanges} and {@code nonTransactionalEngine}
     */
    static ObjectNode preview(ImportPreview preview) {
        ObjectNode node = Json.object();
        node.put("mode", preview.mode().name());
        node.put("conflictPolicy", policy(preview.mode(), preview.conflictPolicy()));
        node.put("wouldBeRefused", preview.wouldBeRefused());
        node.set("refusals", problems(refusals(preview), Integer.MAX_VALUE));
        node.put("archiveRows", preview.tables().stream().mapToLong(TablePreview::archiveRows).sum());
        node.put("newRows", preview.tables().stream().mapToLong(TablePreview::newRows).sum());
        node.put("conflicts", preview.conflicts());
        node.put("rowsReplaceWouldDelete",
                preview.tables().stream().mapToLong(TablePreview::rowsReplaceWouldDelete).sum());
        ArrayNode tables = node.putArray("tables");
        for (TablePreview table : preview.tables()) {
            ObjectNode t = tables.addObject();
            t.put("table", table.table()).put("archiveRows", table.archiveRows()).put("newRows", table.newRows())
                    .put("conflicts", table.conflicts()).put("targetRows", table.targetRows())
                    .put("rowsReplaceWouldDelete", table.rowsReplaceWouldDelete());
            keys(t.putArray("sampleConflictKeys"), table.sampleConflictKeys());
            ArrayNode triggers = t.putArray("triggers");
            for (TriggerTreatment trigger : table.triggers()) {
                ArrayNode feeds = triggers.addObject().put("trigger", trigger.trigger())
                        .put("treatment", trigger.treatment().name()).put("detail", trigger.detail())
                        .putArray("feeds");
                trigger.feeds().stream().sorted().forEach(feeds::add);
            }
            ArrayNode outside = t.putArray("outsideChanges");
            for (OutsideChange change : table.outsideChanges()) {
                outside.addObject().put("table", change.table()).put("action", change.action().name())
                        .put("rows", change.rows());
            }
            t.put("nonTransactionalEngine", table.nonTransactionalEngine());
        }
        steps(node, preview.migrationSteps());
        return node;
    }

    /**
     * @param preview a preview
     * @return why the import it previews would be refused before writing, as problems with their table
     */
    private static List<Problem> refusals(ImportPreview preview) {
        List<Problem> refusals = new ArrayList<>(preview.refusals());
        if (preview.mode() == ImportMode.MERGE && preview.conflictPolicy() == ConflictPolicy.FAIL) {
            for (TablePreview table : preview.tables()) {
                if (table.conflicts() > 0) {
                    refusals.add(new Problem(ErrorCode.CONFLICTS, table.conflicts() + (table.conflicts() == 1
                            ? " key of the archive exists" : " keys of the archive exist") + " in table "
                            + table.table() + "; the conflict policy FAIL refuses the import.", null, null,
                            table.table(), null));
                }
            }
        }
        return refusals;
    }

    /**
     * Imports an archive.
     *
     * @param archive the file
     * @param choice the request's choices
     * @param control progress and cancellation
     * @return {@code {mode, conflictPolicy, inserted, updated, skipped, deleted, durationMillis, tables: [...],
     *     migrationSteps}}
     */
    ObjectNode importArchive(Path archive, ImportChoice choice, OperationControl control) {
        ImportResult result = portability.importArchive(archive, options(choice, control));
        ObjectNode node = Json.object();
        node.put("mode", result.mode().name());
        node.put("conflictPolicy", policy(result.mode(), result.conflictPolicy()));
        node.put("inserted", result.inserted());
        node.put("updated", result.updated());
        node.put("skipped", result.skipped());
        node.put("deleted", result.deleted());
        node.put("durationMillis", result.duration().toMillis());
        ArrayNode tables = node.putArray("tables");
        for (TableImportResult table : result.tables()) {
            tables.addObject().put("table", table.table()).put("inserted", table.inserted())
                    .put("updated", table.updated()).put("skipped", table.skipped()).put("deleted", table.deleted())
                    .put("rowsAfter", table.actualRows()).put("expectedRows", table.expectedRows())
                    .put("countMatches", table.countMatches());
        }
        steps(node, result.migrationSteps());
        return node;
    }

    /**
     * The request's choices, then the host's settings. The host's function may set any option but these three;
     * a host function that changes them is a configuration error, not something a request can cause.
     */
    private ImportOptions options(ImportChoice choice, OperationControl control) {
        ImportOptions requested = choice.mode() == ImportChoice.Mode.REPLACE ? ImportOptions.replace()
                : ImportOptions.merge(ConflictPolicy.valueOf(choice.conflictPolicy().name()));
        requested = requested.withTables(choice.tables());
        ImportOptions options = hostImportOptions.apply(requested);
        if (options == null || options.mode() != requested.mode()
                || options.conflictPolicy() != requested.conflictPolicy()
                || !options.tables().equals(requested.tables())) {
            throw new HttpProblem(WebError.INTERNAL, "The host's import options changed the mode, the conflict "
                    + "policy or the tables the request chose; PortabilityWeb.Builder.importOptions may set only "
                    + "the other options.");
        }
        return options.withListener(listener(control)).withCancellation(cancellation(control));
    }

    private static Cancellation cancellation(OperationControl control) {
        Cancellation cancellation = new Cancellation();
        control.onCancel(cancellation::cancel);
        return cancellation;
    }

    private static ProgressListener listener(OperationControl control) {
        return (ProgressEvent event) -> control.progress(new Progress(event.phase().name(), event.table(),
                event.rowsDone(), event.rowsTotal(), event.bytesDone()));
    }

    private static String policy(ImportMode mode, ConflictPolicy policy) {
        return mode == ImportMode.REPLACE || policy == null ? null : policy.name();
    }

    private static void steps(ObjectNode node, List<String> steps) {
        ArrayNode array = node.putArray("migrationSteps");
        steps.forEach(array::add);
    }

    private static ObjectNode report(ValidationReport report) {
        ObjectNode node = Json.object();
        node.put("valid", report.valid());
        node.put("problemCount", report.problemCount());
        node.set("problems", problems(report.problems(), Integer.MAX_VALUE));
        node.set("suggestions", suggestions(report.problems()));
        steps(node, report.migrationSteps());
        node.set("manifest", report.archive() == null ? null : manifest(report.archive()));
        return node;
    }

    private static ArrayNode problems(List<Problem> problems, int max) {
        ArrayNode array = Json.object().arrayNode();
        for (Problem problem : problems.subList(0, Math.min(max, problems.size()))) {
            ObjectNode p = array.addObject();
            p.put("code", problem.code().name());
            p.put("message", problem.message());
            p.put("entry", problem.entry());
            if (problem.line() == null) {
                p.putNull("line");
            } else {
                p.put("line", problem.line());
            }
            p.put("table", problem.table());
            p.put("column", problem.column());
        }
        return array;
    }

    /** @return {code: suggestion} for each kind of problem listed, in the order first found */
    private static ObjectNode suggestions(List<Problem> problems) {
        ObjectNode node = Json.object();
        Set<ErrorCode> seen = EnumSet.noneOf(ErrorCode.class);
        for (Problem problem : problems) {
            if (seen.add(problem.code())) {
                node.put(problem.code().name(), problem.code().suggestion());
            }
        }
        return node;
    }

    private static ObjectNode manifest(Manifest info) {
        ObjectNode node = Json.object();
        node.put("formatVersion", info.formatVersion());
        node.put("application", info.application());
        node.put("schemaVersion", info.schemaVersion());
        node.set("createdAt", Json.tree(info.createdAt()));
        node.put("libraryVersion", info.libraryVersion());
        node.put("totalRows", info.totalRows());
        node.put("totalBytes", info.tables().stream().mapToLong(ArchiveTable::bytes).sum());
        ArrayNode tables = node.putArray("tables");
        for (ArchiveTable table : info.tables()) {
            ObjectNode t = tables.addObject();
            t.put("table", table.name()).put("rows", table.rows()).put("bytes", table.bytes());
            ArrayNode columns = t.putArray("columns");
            for (Column column : table.schema().columns()) {
                columns.addObject().put("name", column.name()).put("type", column.type().toString())
                        .put("nullable", column.nullable());
            }
            ArrayNode key = t.putArray("primaryKey");
            table.schema().primaryKey().forEach(key::add);
        }
        return node;
    }

    private static void keys(ArrayNode array, List<Key> keys) {
        for (Key key : keys) {
            List<Object> values = key.values();
            if (values.size() == 1) {
                value(array, values.get(0));
            } else {
                ArrayNode parts = array.addArray();
                values.forEach(v -> value(parts, v));
            }
        }
    }

    private static void value(ArrayNode array, Object value) {
        if (value == null) {
            array.addNull();
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            array.add(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            array.add(b);
        } else if (value instanceof byte[]) {
            array.add(Key.of(value).toString());
        } else {
            array.add(value.toString());
        }
    }

    /**
     * Describes a failure as problem details.
     *
     * @param failure what a library call threw
     * @param operationId the operation, named in the detail of an unexpected failure
     * @return the problem
     */
    static HttpProblem problem(Throwable failure, String operationId) {
        if (failure instanceof HttpProblem problem) {
            return problem;
        }
        if (failure instanceof InvalidArchiveException invalid) {
            ValidationReport report = invalid.report();
            List<Problem> problems = report.problems();
            long count = report.problemCount();
            String detail = "The archive is invalid: " + count + (count == 1 ? " problem" : " problems")
                    + (problems.isEmpty() ? "." : "; the first: " + problems.get(0) + ".");
            HttpProblem problem = of(invalid.code(), detail, false);
            problem.extensions().put("problemCount", count);
            problem.extensions().set("problems", problems(problems, PROBLEMS_LISTED));
            problem.extensions().set("suggestions", suggestions(problems));
            return problem;
        }
        if (failure instanceof ImportRefusedException refused) {
            List<Problem> refusals = refused.refusals();
            HttpProblem problem = of(refused.code(), refused.getMessage(), false);
            problem.extensions().put("problemCount", refusals.size());
            problem.extensions().set("problems", problems(refusals, PROBLEMS_LISTED));
            problem.extensions().set("suggestions", suggestions(refusals));
            return problem;
        }
        if (failure instanceof ImportConflictException conflicts) {
            HttpProblem problem = of(ErrorCode.CONFLICTS, conflicts.getMessage(), false);
            problem.extensions().put("conflictCount", conflicts.conflictCount());
            ObjectNode tables = problem.extensions().putObject("conflicts");
            new TreeMap<>(conflicts.conflicts()).forEach((table, keys) -> keys(tables.putArray(table), keys));
            return problem;
        }
        if (failure instanceof StoreException store) {
            return of(ErrorCode.STORE_FAILURE, store.getMessage(), store.retryable());
        }
        if (failure instanceof PortabilityException portability) {
            return of(portability.code(), portability.getMessage(), portability.code() == ErrorCode.CANCELLED);
        }
        return new HttpProblem(WebError.INTERNAL, "Unexpected failure (" + failure.getClass().getName() + ")"
                + (operationId == null ? "" : " in operation " + operationId) + "; the server log has the details.");
    }

    private static HttpProblem of(ErrorCode code, String detail, boolean retryable) {
        Status status = status(code);
        return new HttpProblem(status.code(), status.title(), code.name(), detail, retryable, code.suggestion());
    }

    private record Status(int code, String title) {
    }

    /** The HTTP status of each library error; a code added to the API fails to compile here until mapped. */
    private static Status status(ErrorCode code) {
        return switch (code) {
            case NOT_AN_ARCHIVE, MANIFEST_MISSING, MANIFEST_INVALID, UNSUPPORTED_FORMAT, UNSAFE_ENTRY, ENTRY_MISSING,
                    ENTRY_UNLISTED, CHECKSUM_MISMATCH, SIZE_MISMATCH, ROW_COUNT_MISMATCH, LIMIT_EXCEEDED,
                    MALFORMED_ROW, INVALID_VALUE, NULL_NOT_ALLOWED, DUPLICATE_KEY -> new Status(422,
                    "Invalid archive");
            case WRONG_APPLICATION, UNKNOWN_TABLE, UNKNOWN_COLUMN, MISSING_COLUMN, TYPE_MISMATCH, ARCHIVE_TOO_NEW,
                    MIGRATION_MISSING, MIGRATION_FAILED -> new Status(422, "Archive does not fit this application");
            case NO_PRIMARY_KEY, FOREIGN_KEY_CYCLE, TRIGGER_REFUSED, CASCADES_OUTSIDE_IMPORT,
                    NON_TRANSACTIONAL_TABLE -> new Status(422, "Import not possible");
            case ROWS_HIDDEN -> new Status(422, "Export not possible");
            case UNSUPPORTED_COLUMN -> new Status(422, "Column not supported");
            case CONFLICTS -> new Status(409, "Conflicts refused");
            case CANCELLED -> new Status(409, "Cancelled");
            case STORE_FAILURE -> new Status(503, "Database failure");
            case IO_FAILURE, EXPORT_VERIFICATION_FAILED -> new Status(500, "File failure");
            case LISTENER_FAILED -> new Status(500, "Internal error");
            case INVALID_CONFIGURATION -> new Status(400, "Invalid request");
        };
    }
}
