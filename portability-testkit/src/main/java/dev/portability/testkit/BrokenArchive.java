package dev.portability.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portability.api.ErrorCode;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.ValidationReport;
import dev.portability.core.ArchiveReader;
import dev.portability.testkit.internal.ZipEntries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The ways an archive can be damaged, each made from a valid archive (one from {@link ArchiveBuilder} or an
 * export), for tests of how a host handles archives its users upload: every variant must be refused by
 * validation, and an import of it must write nothing. Each variant holds exactly one kind of damage and knows
 * the {@link ErrorCode} validation reports for it.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(BrokenArchive.class)
 * void brokenArchivesAreRefused(BrokenArchive damage, @TempDir Path dir) {
 *     Path broken = damage.applyTo(validArchive, dir.resolve("broken.zip"));
 *     ArchiveAssertions.assertRefused(portability, broken, damage.expectedCode());
 * }
 * }</pre>
 */
public enum BrokenArchive {

    /** The manifest's SHA-256 of the first table's entry is changed. */
    WRONG_CHECKSUM(ErrorCode.CHECKSUM_MISMATCH, "the manifest's SHA-256 of the first table's entry is wrong") {
        @Override
        void damage(ZipEntries zip, Path valid, Path target) {
            ObjectNode manifest = zip.manifest();
            ObjectNode table = firstTable(manifest);
            String sha = table.get("sha256").asText();
            table.put("sha256", (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1));
            zip.manifest(manifest);
            zip.write(target);
        }
    },

    /** The file is cut off in the middle, as an interrupted download leaves it. */
    TRUNCATED(ErrorCode.NOT_AN_ARCHIVE, "the file is cut off in the middle") {
        @Override
        void damage(ZipEntries zip, Path valid, Path target) throws IOException {
            byte[] bytes = Files.readAllBytes(valid);
            Files.write(target, Arrays.copyOf(bytes, bytes.length / 2));
        }
    },

    /** The archive has no {@code manifest.json}. */
    MANIFEST_MISSING(ErrorCode.MANIFEST_MISSING, "the manifest.json entry is missing") {
        @Override
        void damage(ZipEntries zip, Path valid, Path target) {
            zip.entries().remove(ZipEntries.MANIFEST);
            zip.write(target);
        }
    },

    /** {@code manifest.json} is not JSON. */
    MANIFEST_NOT_JSON(ErrorCode.MANIFEST_INVALID, "manifest.json is not JSON") {
        @Override
        void damage(ZipEntries zip, Path valid, Path target) {
            zip.entries().put(ZipEntries.MANIFEST, "{\"format\": \"portability-archive\", this is not JSON"
                    .getBytes(StandardCharsets.UTF_8));
            zip.write(target);
        }
    },

    /** {@code manifest.json} is JSON but breaks the manifest's JSON Schema (a row count that is text). */
    MANIFEST_INVALID(ErrorCode.MANIFEST_INVALID, "manifest.json does not match its schema: the first table's row "
            + "count is text") {
        @Override
        void damage(ZipEntries zip, Path valid, Path target) {
            ObjectNode manifest = zip.manifest();
            firstTable(manifest).put("rows", "many");
            zip.manifest(manifest);
            zip.write(target);
        }
    },

    /**
     * A value of the first row of the first non-empty table has the wrong JSON type for its column (e.g. a
     * boolean where a date belongs). Size and checksum match the changed entry: only the value is wrong.
     */
    WRONG_VALUE_TYPE(ErrorCode.INVALID_VALUE, "a value has the wrong type for its column") {
        @Override
        void damage(ZipEntries zip, Path valid, Path target) {
            ObjectNode manifest = zip.manifest();
            for (JsonNode node : ZipEntries.tables(manifest)) {
                ObjectNode table = (ObjectNode) node;
                if (table.get("rows").asLong() == 0) {
                    continue;
                }
                for (JsonNode column : table.get("columns")) {
                    JsonNode wrong = wrongValue(column.get("type").asText(), manifest.get("formatVersion").asInt());
                    if (wrong != null) {
                        byte[] entry = zip.entries().get(table.get("entry").asText());
                        zip.replaceTableEntry(manifest, table, replaceFirstRowValue(entry,
                                column.get("name").asText(), wrong));
                        zip.write(target);
                        return;
                    }
                }
            }
            throw new IllegalArgumentException("WRONG_VALUE_TYPE needs an archive with at least one row in a "
                    + "table with a column that is not JSON");
        }
    },

    /** The manifest says the first table has one row more than its entry holds. */
    ROW_COUNT_MISMATCH(ErrorCode.ROW_COUNT_MISMATCH, "the manifest's row count of the first table is one too "
            + "high") {
        @Override
        void damage(ZipEntries zip, Path valid, Path target) {
            ObjectNode manifest = zip.manifest();
            ObjectNode table = firstTable(manifest);
            table.put("rows", table.get("rows").asLong() + 1);
            zip.manifest(manifest);
            zip.write(target);
        }
    },

    /**
     * The archive holds one more table, {@value #UNKNOWN_TABLE_NAME}, that the host does not have (a copy of the
     * first table under another name, with an entry and checksum of its own).
     */
    UNKNOWN_TABLE(ErrorCode.UNKNOWN_TABLE, "the archive holds a table the application does not have") {
        @Override
        void damage(ZipEntries zip, Path valid, Path target) {
            ObjectNode manifest = zip.manifest();
            ArrayNode tables = ZipEntries.tables(manifest);
            ObjectNode first = firstTable(manifest);
            Set<String> names = new HashSet<>();
            tables.forEach(t -> names.add(t.get("name").asText()));
            if (names.contains(UNKNOWN_TABLE_NAME)) {
                throw new IllegalArgumentException("the archive already holds a table " + UNKNOWN_TABLE_NAME);
            }
            ObjectNode copy = first.deepCopy();
            copy.put("name", UNKNOWN_TABLE_NAME);
            int ordinal = 99_999;
            while (zip.entries().containsKey("tables/" + ordinal + ".jsonl")) {
                ordinal--;
            }
            String entry = "tables/" + ordinal + ".jsonl";
            copy.put("entry", entry);
            copy.set("foreignKeys", ZipEntries.JSON.createArrayNode());
            tables.add(copy);
            zip.entries().put(entry, zip.entries().get(first.get("entry").asText()));
            zip.manifest(manifest);
            zip.write(target);
        }
    };

    /** The name of the table {@link #UNKNOWN_TABLE} adds. */
    public static final String UNKNOWN_TABLE_NAME = "no_such_table_in_this_application";

    private final ErrorCode expectedCode;
    private final String description;

    BrokenArchive(ErrorCode expectedCode, String description) {
        this.expectedCode = expectedCode;
        this.description = description;
    }

    /** @return the problem code validation reports for this damage */
    public ErrorCode expectedCode() {
        return expectedCode;
    }

    /** @return what is damaged, in words */
    public String description() {
        return description;
    }

    /**
     * Writes a copy of a valid archive with this damage.
     *
     * @param validArchive a valid archive with at least one table (and, for {@link #WRONG_VALUE_TYPE}, one row);
     *     read into memory, so keep it small
     * @param target the file to write; must differ from {@code validArchive}
     * @return {@code target}
     * @throws IllegalArgumentException if {@code validArchive} is not valid against its own manifest (checked with
     *     {@link ArchiveReader#verify()}: then the broken copy would hold more than this one damage), or not valid
     *     enough to be damaged this way
     */
    public Path applyTo(Path validArchive, Path target) {
        Objects.requireNonNull(validArchive, "validArchive");
        Objects.requireNonNull(target, "target");
        if (validArchive.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("write the broken archive to another file than the valid one");
        }
        requireValid(validArchive);
        try {
            damage(ZipEntries.read(validArchive), validArchive, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    abstract void damage(ZipEntries zip, Path valid, Path target) throws IOException;

    private static void requireValid(Path archive) {
        ValidationReport report;
        try (ArchiveReader reader = ArchiveReader.open(archive)) {
            report = reader.verify();
        } catch (InvalidArchiveException e) {
            report = e.report();
        }
        if (!report.valid()) {
            throw new IllegalArgumentException("start from a valid archive (one from ArchiveBuilder or an export): "
                    + archive + " is damaged already, so its broken copy would hold more than one damage:\n"
                    + report.summary());
        }
    }

    @Override
    public String toString() {
        return name() + " (" + description + ")";
    }

    private static ObjectNode firstTable(ObjectNode manifest) {
        ArrayNode tables = ZipEntries.tables(manifest);
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException("the archive has no table; start from an archive with one");
        }
        return (ObjectNode) tables.get(0);
    }

    private static JsonNode wrongValue(String kind, int formatVersion) {
        return switch (kind) {
            case "JSON" -> formatVersion == 1 ? null : BooleanNode.TRUE; // format 1 embeds any JSON value
            case "BOOLEAN" -> TextNode.valueOf("yes");
            case "INTEGER", "DOUBLE" -> TextNode.valueOf("forty-two");
            case "ARRAY" -> IntNode.valueOf(42);
            default -> BooleanNode.TRUE; // every other kind is written as a JSON string
        };
    }

    private static byte[] replaceFirstRowValue(byte[] entry, String column, JsonNode value) {
        int end = 0;
        while (end < entry.length && entry[end] != '\n') {
            end++;
        }
        try {
            ObjectNode row = (ObjectNode) ZipEntries.JSON.readTree(Arrays.copyOf(entry, end));
            row.set(column, value);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(ZipEntries.line(row));
            out.write(entry, Math.min(end + 1, entry.length), entry.length - Math.min(end + 1, entry.length));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
