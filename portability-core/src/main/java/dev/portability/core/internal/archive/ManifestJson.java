package dev.portability.core.internal.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.api.Manifest;
import dev.portability.api.ArchiveTable;
import dev.portability.api.Column;
import dev.portability.api.ForeignKey;
import dev.portability.api.GeneratorPosition;
import dev.portability.api.LogicalType;
import dev.portability.api.NativeType;
import dev.portability.api.TableSchema;
import dev.portability.core.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code manifest.json}: the mapping between {@link Manifest} and its JSON form, in format
 * version 2 (which adds NATIVE types, each column's {@code native} type and the generators' positions) and
 * version 1.
 */
public final class ManifestJson {

    /** The name of the manifest entry. */
    public static final String ENTRY = "manifest.json";
    /** The value of the manifest's {@code format} field. */
    public static final String FORMAT = "portability-archive";
    /** The format version this library writes; it reads this one and every earlier one. */
    public static final int FORMAT_VERSION = 2;
    /** The oldest format version this library reads. */
    public static final int OLDEST_FORMAT_VERSION = 1;

    private ManifestJson() {
    }

    /**
     * Writes a manifest.
     *
     * @param info what to write
     * @param out where to write it; not closed
     * @throws IOException if writing fails
     */
    public static void write(Manifest info, OutputStream out) throws IOException {
        int version = info.formatVersion();
        if (version < OLDEST_FORMAT_VERSION || version > FORMAT_VERSION) {
            throw new IllegalArgumentException("no format version " + version);
        }
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("formatVersion", info.formatVersion());
            g.writeStringField("application", info.application());
            g.writeNumberField("schemaVersion", info.schemaVersion());
            g.writeStringField("createdAt", info.createdAt().toString());
            g.writeStringField("libraryVersion", info.libraryVersion());
            g.writeArrayFieldStart("tables");
            for (ArchiveTable table : info.tables()) {
                writeTable(g, table, version);
            }
            g.writeEndArray();
            if (!info.generators().isEmpty()) {
                if (version < 2) {
                    throw new IllegalArgumentException("generator positions cannot be written in archive format "
                            + "version " + version);
                }
                g.writeArrayFieldStart("generators");
                for (GeneratorPosition generator : info.generators()) {
                    g.writeStartObject();
                    g.writeStringField("table", generator.table());
                    g.writeStringField("column", generator.column());
                    g.writeStringField("direction", generator.ascending() ? "ascending" : "descending");
                    g.writeNumberField("next", generator.next());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeTable(JsonGenerator g, ArchiveTable table, int version) throws IOException {
        TableSchema schema = table.schema();
        g.writeStartObject();
        g.writeStringField("name", schema.name());
        g.writeStringField("entry", table.entry());
        g.writeNumberField("rows", table.rows());
        g.writeNumberField("bytes", table.bytes());
        g.writeStringField("sha256", table.sha256());
        g.writeArrayFieldStart("columns");
        for (Column column : schema.columns()) {
            g.writeStartObject();
            g.writeStringField("name", column.name());
            writeType(g, column.type(), version);
            g.writeBooleanField("nullable", column.nullable());
            NativeType nativeType = column.nativeType();
            if (nativeType != null && version >= 2) {
                g.writeObjectFieldStart("native");
                g.writeStringField("engine", nativeType.engine());
                g.writeStringField("type", nativeType.typeName());
                if (nativeType.baseTypeName() != null) {
                    g.writeStringField("baseType", nativeType.baseTypeName());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        writeNames(g, "primaryKey", schema.primaryKey());
        g.writeArrayFieldStart("foreignKeys");
        for (ForeignKey fk : schema.foreignKeys()) {
            g.writeStartObject();
            writeNames(g, "columns", fk.columns());
            g.writeStringField("referencedTable", fk.referencedTable());
            writeNames(g, "referencedColumns", fk.referencedColumns());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeType(JsonGenerator g, LogicalType type, int version) throws IOException {
        if (type.kind() == LogicalType.Kind.NATIVE && version < 2) {
            throw new IllegalArgumentException(type + " cannot be written in archive format version " + version);
        }
        g.writeStringField("type", type.kind().name());
        if (type.engine().isPresent()) {
            g.writeStringField("engine", type.engine().get());
            g.writeStringField("nativeType", type.nativeTypeName().orElseThrow());
        }
        if (type.precision().isPresent()) {
            g.writeNumberField("precision", type.precision().get());
            g.writeNumberField("scale", type.scale().orElseThrow());
        }
        if (type.maxLength().isPresent()) {
            g.writeNumberField("maxLength", type.maxLength().get());
        }
        if (type.elementType().isPresent()) {
            g.writeObjectFieldStart("elementType");
            writeType(g, type.elementType().get(), version);
            g.writeEndObject();
        }
    }

    private static void writeNames(JsonGenerator g, String field, List<String> names) throws IOException {
        g.writeArrayFieldStart(field);
        for (String name : names) {
            g.writeString(name);
        }
        g.writeEndArray();
    }

    /**
     * Converts a manifest that passed the JSON Schema into an {@link Manifest}.
     *
     * @param root the manifest tree, valid against the schema
     * @return the archive info
     * @throws IllegalArgumentException with a message naming the field, if the manifest is inconsistent in a way
     *     the schema cannot express (a key column that is not a column, a bad timestamp, ...)
     */
    public static Manifest read(JsonNode root) {
        Instant createdAt;
        try {
            createdAt = OffsetDateTime.parse(root.get("createdAt").asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("createdAt: '" + root.get("createdAt").asText()
                    + "' is not an ISO-8601 date-time with offset, e.g. 2024-05-01T12:00:00Z");
        }
        List<ArchiveTable> tables = new ArrayList<>();
        JsonNode tablesNode = root.get("tables");
        for (int i = 0; i < tablesNode.size(); i++) {
            tables.add(readTable(tablesNode.get(i), "tables[" + i + "]"));
        }
        return new Manifest(root.get("formatVersion").asInt(), root.get("application").asText(),
                root.get("schemaVersion").asInt(), createdAt, root.get("libraryVersion").asText(), tables,
                readGenerators(root.get("generators"), tables));
    }

    private static List<GeneratorPosition> readGenerators(JsonNode node, List<ArchiveTable> tables) {
        List<GeneratorPosition> generators = new ArrayList<>();
        if (node == null) {
            return generators;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode g = node.get(i);
            String table = g.get("table").asText();
            String column = g.get("column").asText();
            String at = "generators[" + i + "]";
            ArchiveTable archived = tables.stream().filter(t -> t.name().equals(table)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(at + ": table " + table
                            + " is not one of the manifest's tables"));
            if (archived.schema().indexOf(column) < 0) {
                throw new IllegalArgumentException(at + ": table " + table + " has no column " + column);
            }
            if (!seen.add(table + '\u0000' + column)) {
                throw new IllegalArgumentException(at + ": column " + column + " of table " + table
                        + " has a position already");
            }
            generators.add(new GeneratorPosition(table, column, g.get("direction").asText().equals("ascending"),
                    g.get("next").asLong()));
        }
        return generators;
    }

    private static ArchiveTable readTable(JsonNode node, String path) {
        String name = node.get("name").asText();
        TableSchema.Builder builder = TableSchema.builder(name);
        JsonNode columns = node.get("columns");
        for (int i = 0; i < columns.size(); i++) {
            JsonNode column = columns.get(i);
            String at = path + ".columns[" + i + "]";
            builder.column(new Column(column.get("name").asText(), readType(column, at),
                    column.get("nullable").asBoolean(), readNativeType(column.get("native"), at)));
        }
        builder.primaryKey(names(node.get("primaryKey")));
        JsonNode fks = node.get("foreignKeys");
        for (JsonNode fk : fks) {
            try {
                builder.foreignKey(new ForeignKey(names(fk.get("columns")), fk.get("referencedTable").asText(),
                        names(fk.get("referencedColumns"))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ".foreignKeys: " + e.getMessage());
            }
        }
        TableSchema schema;
        try {
            schema = builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " (table " + name + "): " + e.getMessage());
        }
        return new ArchiveTable(schema, node.get("entry").asText(), node.get("rows").asLong(),
                node.get("bytes").asLong(), node.get("sha256").asText());
    }

    private static LogicalType readType(JsonNode node, String path) {
        LogicalType.Kind kind = LogicalType.Kind.valueOf(node.get("type").asText());
        try {
            if (node.has("precision")) {
                return LogicalType.decimal(node.get("precision").asInt(), node.get("scale").asInt());
            }
            if (node.has("maxLength")) {
                int max = node.get("maxLength").asInt();
                return kind == LogicalType.Kind.TEXT ? LogicalType.text(max) : LogicalType.binary(max);
            }
            if (kind == LogicalType.Kind.ARRAY) {
                return LogicalType.array(readType(node.get("elementType"), path + ".elementType"));
            }
            if (kind == LogicalType.Kind.NATIVE) {
                return LogicalType.nativeType(node.get("engine").asText(), node.get("nativeType").asText());
            }
            return LogicalType.of(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
    }

    private static NativeType readNativeType(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        try {
            JsonNode base = node.get("baseType");
            return new NativeType(node.get("engine").asText(), node.get("type").asText(),
                    base == null ? null : base.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ".native: " + e.getMessage());
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            names.add(item.asText());
        }
        return names;
    }
}
