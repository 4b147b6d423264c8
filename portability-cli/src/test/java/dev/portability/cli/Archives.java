package dev.portability.cli;

import dev.portability.api.ArchiveTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Damages archives the way a bad disk or a careless edit would. */
final class Archives {

    private Archives() {
    }

    /**
     * Rewrites an archive with one customer's name changed in the customers entry: a valid ZIP and valid rows,
     * but the entry no longer matches the checksum in the manifest.
     *
     * @param archive the archive
     * @return the damaged copy, beside it
     */
    static Path editedCustomerName(Path archive) throws IOException {
        String entryName = InspectCommand.read(archive).table("customers").map(ArchiveTable::entry).orElseThrow();
        Path damaged = archive.resolveSibling("edited-" + archive.getFileName());
        try (ZipFile zip = new ZipFile(archive.toFile());
                OutputStream file = Files.newOutputStream(damaged);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    String edited = text.replace("\"Customer 7\"", "\"Customer 8\"");
                    if (edited.equals(text)) {
                        throw new IllegalStateException("no customer 7 in " + entryName + ": " + text);
                    }
                    bytes = edited.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return damaged;
    }

    /**
     * Copies the first half of an archive: what an interrupted download leaves.
     *
     * @param archive the archive
     * @return the truncated copy, beside it
     */
    static Path truncated(Path archive) throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        Path cut = archive.resolveSibling("truncated-" + archive.getFileName());
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        return cut;
    }
}
