package dev.portability.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portability.api.Manifest;
import dev.portability.api.ArchiveTable;
import dev.portability.api.Column;
import dev.portability.api.ExportResult;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportResult;
import dev.portability.api.Key;
import dev.portability.api.OutsideChange;
import dev.portability.api.Problem;
import dev.portability.api.Statistics;
import dev.portability.api.TableCount;
import dev.portability.api.ArchiveTable;
import dev.portability.api.TableImportResult;
import dev.portability.api.TablePreview;
import dev.portability.api.TriggerTreatment;
import dev.portability.api.ValidationReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The JSON documents of {@code --json}; docs/cli.md describes their fields. */
final class JsonOut {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOut() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void print(PrintWriter out, JsonNode node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode statistics(String database, Statistics statistics) {
        ObjectNode node = object();
        node.put("database", database);
        node.put("totalRows", statistics.totalRows());
        ArrayNode tables = node.putArray("tables");
        for (TableCount count : statistics.tables()) {
            tables.addObject().put("table", count.table()).put("rows", count.rows());
        }
        return node;
    }

    static ObjectNode export(Path archive, ExportResult result) {
        ObjectNode node = object();
        node.put("archive", archive.toString());
        node.put("archiveBytes", result.archiveBytes());
        node.put("verified", result.verified());
        node.put("totalRows", result.totalRows());
        node.put("durationMillis", millis(result.duration()));
        ArrayNode tables = node.putArray("tables");
        for (ArchiveTable table : result.tables()) {
            tables.addObject().put("table", table.name()).put("rows", table.rows()).put("bytes", table.bytes())
                    .put("entry", table.entry()).put("sha256", table.sha256());
        }
        return node;
    }

    static ObjectNode archive(Path archive, long fileBytes, Manifest info) {
        ObjectNode node = object();
        node.put("archive", archive.toString());
        node.put("fileBytes", fileBytes);
        node.set("manifest", manifest(info));
        return node;
    }

    static ObjectNode manifest(Manifest info) {
        ObjectNode node = object();
        node.put("formatVersion", info.formatVersion());
        node.put("application", info.application());
        node.put("schemaVersion", info.schemaVersion());
        node.put("createdAt", info.createdAt() == null ? null : info.createdAt().toString());
        node.put("libraryVersion", info.libraryVersion());
        node.put("totalRows", info.totalRows());
        node.put("totalBytes", info.tables().stream().mapToLong(ArchiveTable::bytes).sum());
        ArrayNode tables = node.putArray("tables");
        for (ArchiveTable table : info.tables()) {
            ObjectNode t = tables.addObject();
            t.put("table", table.name()).put("rows", table.rows()).put("bytes", table.bytes())
                    .put("entry", table.entry()).put("sha256", table.sha256());
            ArrayNode columns = t.putArray("columns");
            for (Column column : table.schema().columns()) {
                ObjectNode described = columns.addObject()
                        .put("name", column.name()).put("type", column.type().toString())
                        .put("nullable", column.nullable());
                if (column.nativeType() != null) {
                    described.put("native", column.nativeType().toString());
                }
            }
            ArrayNode key = t.putArray("primaryKey");
            table.schema().primaryKey().forEach(key::add);
        }
        return node;
    }

    static ObjectNode validation(Path archive, String checkedAgainst, ValidationReport report) {
        ObjectNode node = object();
        node.put("archive", archive.toString());
        node.put("valid", report.valid());
        node.put("checkedAgainst", checkedAgainst);
        node.put("problemCount", report.problemCount());
        ArrayNode problems = node.putArray("problems");
        for (Problem problem : report.problems()) {
            ObjectNode p = problems.addObject();
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
        ObjectNode suggestions = node.putObject("suggestions");
        for (Problem problem : report.problems()) {
            if (!suggestions.has(problem.code().name())) {
                suggestions.put(problem.code().name(), problem.code().suggestion());
            }
        }
        ArrayNode steps = node.putArray("migrationSteps");
        report.migrationSteps().forEach(steps::add);
        if (report.archive() == null) {
            node.putNull("manifest");
        } else {
            node.set("manifest", manifest(report.archive()));
        }
        return node;
    }

    static ObjectNode preview(Path archive, ImportPreview preview) {
        ObjectNode node = object();
        node.put("archive", archive.toString());
        node.put("mode", lower(preview.mode()));
        node.put("onDuplicate", lower(preview.conflictPolicy()));
        node.put("wouldBeRefused", preview.wouldBeRefused());
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
                ObjectNode tr = triggers.addObject().put("trigger", trigger.trigger())
                        .put("treatment", trigger.treatment().name()).put("detail", trigger.detail());
                ArrayNode feeds = tr.putArray("feeds");
                trigger.feeds().stream().sorted().forEach(feeds::add);
            }
            ArrayNode outside = t.putArray("outsideChanges");
            for (OutsideChange change : table.outsideChanges()) {
                outside.addObject().put("table", change.table()).put("action", change.action().name())
                        .put("rows", change.rows());
            }
            if (table.nonTransactionalEngine() == null) {
                t.putNull("nonTransactionalEngine");
            } else {
                t.put("nonTransactionalEngine", table.nonTransactionalEngine());
            }
        }
        ArrayNode refusals = node.putArray("refusals");
        for (Problem refusal : preview.refusals()) {
            ObjectNode r = refusals.addObject().put("code", refusal.code().name()).put("message", refusal.message());
            if (refusal.table() == null) {
                r.putNull("table");
            } else {
                r.put("table", refusal.table());
            }
        }
        ArrayNode steps = node.putArray("migrationSteps");
        preview.migrationSteps().forEach(steps::add);
        return node;
    }

    static ObjectNode importResult(Path archive, ImportResult result) {
        ObjectNode node = object();
        node.put("archive", archive.toString());
        node.put("mode", lower(result.mode()));
        node.put("onDuplicate", lower(result.conflictPolicy()));
        node.put("inserted", result.inserted());
        node.put("updated", result.updated());
        node.put("skipped", result.skipped());
        node.put("deleted", result.deleted());
        node.put("durationMillis", millis(result.duration()));
        ArrayNode tables = node.putArray("tables");
        for (TableImportResult table : result.tables()) {
            tables.addObject().put("table", table.table()).put("inserted", table.inserted())
                    .put("updated", table.updated()).put("skipped", table.skipped()).put("deleted", table.deleted())
                    .put("rowsAfter", table.actualRows()).put("expectedRows", table.expectedRows())
                    .put("countMatches", table.countMatches());
        }
        ArrayNode steps = node.putArray("migrationSteps");
        result.migrationSteps().forEach(steps::add);
        return node;
    }

    static ObjectNode error(int exitCode, String code, String message) {
        return error(exitCode, code, message, null);
    }

    static ObjectNode error(int exitCode, String code, String message, String suggestion) {
        ObjectNode node = object();
        ObjectNode error = node.putObject("error");
        error.put("exitCode", exitCode);
        error.put("code", code);
        error.put("message", message);
        error.put("suggestion", suggestion);
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

    static long millis(Duration duration) {
        return duration == null ? 0 : duration.toMillis();
    }

    static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
