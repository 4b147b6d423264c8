package dev.portability.testkit.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The entries of a small archive in memory, to change and write back: how the broken variants are made. Knows
 * the manifest's field names ({@code tables}, {@code name}, {@code entry}, {@code rows}, {@code bytes},
 * {@code sha256}) from the archive format.
 */
public final class ZipEntries {

    /** The manifest entry. */
    public static final String MANIFEST = "manifest.json";

    /** Exact numbers, so that rewriting a row changes nothing but what is meant to change. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Map<String, byte[]> entries;

    private ZipEntries(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    /**
     * Reads every entry of an archive.
     *
     * @param archive the archive
     * @return the entries, in directory order
     */
    public static ZipEntries read(Path archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read archive " + archive + ": " + e.getMessage(), e);
        }
        return new ZipEntries(entries);
    }

    /** @return the entries by name, modifiable */
    public Map<String, byte[]> entries() {
        return entries;
    }

    /** @return the manifest, parsed */
    public ObjectNode manifest() {
        byte[] bytes = entries.get(MANIFEST);
        if (bytes == null) {
            throw new IllegalArgumentException("the archive has no " + MANIFEST + "; start from a valid archive");
        }
        try {
            return (ObjectNode) JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("the archive's " + MANIFEST + " is not JSON; start from a valid "
                    + "archive", e);
        }
    }

    /**
     * Replaces the manifest.
     *
     * @param manifest the new manifest
     */
    public void manifest(JsonNode manifest) {
        try {
            entries.put(MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the manifest's table list */
    public static ArrayNode tables(ObjectNode manifest) {
        return (ArrayNode) manifest.get("tables");
    }

    /**
     * Replaces a table's entry and records its new size and checksum in the manifest, so that only the content
     * differs.
     *
     * @param table the table's node in the manifest
     * @param content the new content
     */
    public void replaceTableEntry(ObjectNode manifest, ObjectNode table, byte[] content) {
        entries.put(table.get("entry").asText(), content);
        table.put("bytes", content.length);
        table.put("sha256", sha256(content));
        manifest(manifest);
    }

    /**
     * @param content bytes
     * @return their SHA-256, lowercase hex
     */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Writes the entries as a new ZIP file.
     *
     * @param target the file to create or replace
     */
    public void write(Path target) {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Serialises one JSON value as a line of JSON Lines.
     *
     * @param node the value
     * @return the bytes, ending with a newline
     */
    public static byte[] line(JsonNode node) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JSON.writeValue(out, node);
            out.write('\n');
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
