package dev.portability.testkit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portability.api.BoundedArray;
import dev.portability.api.Column;
import dev.portability.api.Infinity;
import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import dev.portability.api.NativeValue;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an archive of format version 2 into the archive format version 1 would have held (docs/archive-format.md,
 * section 6): the manifest says version 1 and loses its {@code native} members, and JSON values are embedded in
 * the rows instead of carried as strings. Refuses values that format 1 cannot hold.
 */
public final class FormatVersion1 {

    private FormatVersion1() {
    }

    /**
     * Checks that format 1 can hold every row.
     *
     * @param tables the tables and their rows
     * @throws IllegalArgumentException naming table, row and column, if a value has no format-1 encoding
     */
    public static void requireRepresentable(Map<String, List<Row>> tables) {
        for (Map.Entry<String, List<Row>> table : tables.entrySet()) {
            long number = 0;
            for (Row row : table.getValue()) {
                number++;
                TableSchema schema = row.schema();
                for (int i = 0; i < schema.columns().size(); i++) {
                    Column column = schema.columns().get(i);
                    String problem = problem(column.type(), row.get(i));
                    if (problem != null) {
                        throw new IllegalArgumentException("ArchiveBuilder: archive format version 1 cannot hold "
                                + "table " + table.getKey() + ", row " + number + ", column " + column.name() + ": "
                                + problem + "; write format version 2");
                    }
                }
            }
        }
    }

    private static String problem(LogicalType type, Object value) {
        if (type.kind() == Kind.NATIVE || type.elementType().map(e -> e.kind() == Kind.NATIVE).orElse(false)) {
            return "it has no " + type + " type";
        }
        if (value == null) {
            return null;
        }
        if (value instanceof Infinity) {
            return "it has no infinite dates";
        }
        if (value instanceof NativeValue) {
            return "it has no native values (" + value + ")";
        }
        if (value instanceof BoundedArray) {
            return "it has no arrays with lower bounds";
        }
        if (type.kind() == Kind.JSON && value instanceof String text && text.strip().equals("null")) {
            return "the JSON literal null is SQL NULL there";
        }
        if (value instanceof List<?> list) {
            LogicalType element = type.elementType().orElse(type);
            for (Object item : list) {
                if (item instanceof List<?>) {
                    return "it has no arrays of several dimensions";
                }
                String problem = problem(element, item);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /**
     * Rewrites an archive of format version 2 in place as format version 1.
     *
     * @param archive the archive, written by this library's export
     */
    public static void rewrite(Path archive) {
        ZipEntries zip = ZipEntries.read(archive);
        ObjectNode manifest = zip.manifest();
        manifest.put("formatVersion", 1);
        for (JsonNode node : ZipEntries.tables(manifest)) {
            ObjectNode table = (ObjectNode) node;
            Set<String> json = new HashSet<>();
            for (JsonNode column : table.get("columns")) {
                ((ObjectNode) column).remove("native");
                boolean isJson = column.get("type").asText().equals("JSON") || column.has("elementType")
                        && column.get("elementType").get("type").asText().equals("JSON");
                if (isJson) {
                    json.add(column.get("name").asText());
                }
            }
            if (!json.isEmpty()) {
                byte[] entry = zip.entries().get(table.get("entry").asText());
                zip.replaceTableEntry(manifest, table, embedJson(entry, json));
            }
        }
        zip.manifest(manifest);
        zip.write(archive);
    }

    private static byte[] embedJson(byte[] entry, Set<String> jsonColumns) {
        JsonFactory factory = ZipEntries.JSON.getFactory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (String line : new String(entry, StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                try (JsonParser parser = factory.createParser(line);
                        JsonGenerator generator = factory.createGenerator(out)) {
                    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    parser.nextToken();
                    generator.writeStartObject();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        generator.writeFieldName(name);
                        JsonToken token = parser.nextToken();
                        if (!jsonColumns.contains(name)) {
                            copyVerbatim(parser, generator);
                        } else if (token == JsonToken.START_ARRAY) {
                            generator.writeStartArray();
                            while (parser.nextToken() != JsonToken.END_ARRAY) {
                                embed(parser, generator, factory);
                            }
                            generator.writeEndArray();
                        } else {
                            embed(parser, generator, factory);
                        }
                    }
                    generator.writeEndObject();
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Copies the current value, numbers as written (-0.0 stays -0.0). */
    private static void copyVerbatim(JsonParser parser, JsonGenerator generator) throws IOException {
        int depth = 0;
        do {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                generator.writeNumber(parser.getText());
            } else {
                generator.copyCurrentEvent(parser);
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
        } while (depth > 0 && parser.nextToken() != null);
    }

    private static void embed(JsonParser parser, JsonGenerator generator, JsonFactory factory) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            generator.writeNull();
            return;
        }
        try (JsonParser value = factory.createParser(parser.getText())) {
            value.nextToken();
            generator.copyCurrentStructureExact(value);
        }
    }
}
