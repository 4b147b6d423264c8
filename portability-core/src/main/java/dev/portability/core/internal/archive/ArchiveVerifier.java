package dev.portability.core.internal.archive;

import dev.portability.api.ArchiveTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-reads a freshly written archive and confirms that every table entry has the bytes, SHA-256 and number of
 * lines the writer recorded. Rows are counted as lines: JSON strings cannot hold a raw line break.
 */
public final class ArchiveVerifier {

    private ArchiveVerifier() {
    }

    /**
     * Verifies an archive.
     *
     * @param path the archive
     * @param expected what the writer recorded per table
     * @param readers the executor of the operation (see {@link ArchiveFile#open})
     * @return a description of each difference; empty when the archive is as written
     * @throws IOException if the archive cannot be read
     */
    public static List<String> verify(Path path, List<ArchiveTable> expected,
            java.util.concurrent.ExecutorService readers) throws IOException {
        List<String> differences = new ArrayList<>();
        ArchiveFile archive;
        try {
            archive = ArchiveFile.open(path, dev.portability.api.ArchiveLimits.defaults(), readers);
        } catch (ArchiveFile.ArchiveUnreadableException e) {
            differences.add(e.getMessage());
            return differences;
        }
        try (archive) {
            try {
                archive.readManifest();
            } catch (ArchiveFile.ArchiveUnreadableException e) {
                differences.add(e.getMessage());
            }
            for (ArchiveTable table : expected) {
                EntryStream in = archive.openEntryToDrain(table.entry());
                if (in == null) {
                    differences.add("entry " + table.entry() + " of table " + table.name() + " is missing");
                    continue;
                }
                long lines;
                try (in) {
                    in.drain();
                    lines = in.lines();
                }
                String sha = in.sha256();
                if (lines != table.rows() || in.count() != table.bytes() || !sha.equals(table.sha256())) {
                    differences.add("entry " + table.entry() + " of table " + table.name() + " holds " + lines
                            + " rows, " + in.count() + " bytes, SHA-256 " + sha + " instead of " + table.rows()
                            + " rows, " + table.bytes() + " bytes, SHA-256 " + table.sha256());
                }
            }
        }
        return differences;
    }
}
