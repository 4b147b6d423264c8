package dev.portability.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Reads and rewrites archive files in tests, the way an attacker or a broken disk would. */
final class Archives {

    static final ObjectMapper JSON = new ObjectMapper();

    private Archives() {
    }

    /** @return every entry's name and content, in directory order */
    static Map<String, byte[]> entries(Path archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** Writes the entries as a new archive. */
    static Path write(Path archive, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return archive;
    }

    /** Copies an archive, changing the text of one entry. */
    static Path withEntry(Path archive, Path copy, String entry, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> entries = entries(archive);
        String text = new String(entries.get(entry), StandardCharsets.UTF_8);
        entries.put(entry, change.apply(text).getBytes(StandardCharsets.UTF_8));
        return write(copy, entries);
    }

    /** Copies an archive, changing its manifest. */
    static Path withManifest(Path archive, Path copy, Consumer<ObjectNode> change) throws IOException {
        return withEntry(archive, copy, "manifest.json", text -> {
            try {
                ObjectNode manifest = (ObjectNode) JSON.readTree(text);
                change.accept(manifest);
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** @return the manifest of an archive */
    static JsonNode manifest(Path archive) throws IOException {
        return JSON.readTree(entries(archive).get("manifest.json"));
    }

    /** @return the JSON of one table's entry */
    static ObjectNode table(ObjectNode manifest, String name) {
        for (JsonNode table : manifest.get("tables")) {
            if (table.get("name").asText().equals(name)) {
                return (ObjectNode) table;
            }
        }
        throw new IllegalArgumentException("no table " + name);
    }

    /**
     * Copies an archive, changing the lines of one table's entry and updating the manifest's rows, bytes and
     * SHA-256 to match, so that only the change itself is wrong.
     */
    static Path withRows(Path archive, Path copy, String table, UnaryOperator<java.util.List<String>> change)
            throws IOException {
        Map<String, byte[]> entries = entries(archive);
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        ObjectNode described = table(manifest, table);
        String entry = described.get("entry").asText();
        String text = new String(entries.get(entry), StandardCharsets.UTF_8);
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1); // the empty string after the last line feed
        java.util.List<String> changed = change.apply(lines);
        byte[] bytes = changed.isEmpty() ? new byte[0]
                : (String.join("\n", changed) + "\n").getBytes(StandardCharsets.UTF_8);
        entries.put(entry, bytes);
        described.put("rows", changed.size());
        described.put("bytes", bytes.length);
        described.put("sha256", sha256(bytes));
        entries.put("manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        return write(copy, entries);
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
