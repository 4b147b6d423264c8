package dev.portability.core.internal.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.api.ArchiveLimits;
import dev.portability.api.ErrorCode;
import dev.portability.api.Problem;
import dev.portability.core.internal.json.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An archive opened for reading: the ZIP's central directory, checked for unsafe and duplicate entry names, and
 * streams over its entries. Entry names are only ever compared with the names the manifest declares; they never
 * become file paths.
 */
public final class ArchiveFile implements Closeable {

    /** Largest manifest accepted, in bytes. */
    static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;

    private final ZipFile zip;
    private final Set<String> entryNames;
    private final List<Problem> problems;
    private final ArchiveLimits limits;
    private final AtomicLong totalRead = new AtomicLong();
    private final ExecutorService readers;

    private ArchiveFile(ZipFile zip, Set<String> entryNames, List<Problem> problems, ArchiveLimits limits,
            ExecutorService readers) {
        this.readers = readers;
        this.zip = zip;
        this.entryNames = entryNames;
        this.problems = problems;
        this.limits = limits;
    }

    /**
     * Opens an archive file.
     *
     * @param path the file
     * @param limits the limits to enforce while reading
     * @param readers the executor of the operation that reads it: each entry is inflated and hashed there, ahead
     *     of its reader (see {@link dev.portability.core.internal.engine.Operation#workers()}); not shut down by
     *     {@link #close()}
     * @return the archive, with the problems found in its directory (see {@link #problems()})
     * @throws ArchiveUnreadableException if the file is not a ZIP archive, or too large
     */
    public static ArchiveFile open(Path path, ArchiveLimits limits, ExecutorService readers)
            throws ArchiveUnreadableException {
        try {
            long size = java.nio.file.Files.size(path);
            if (size > limits.maxArchiveBytes()) {
                throw new ArchiveUnreadableException(new Problem(ErrorCode.LIMIT_EXCEEDED, new LimitExceededException(
                        "the archive is " + size + " bytes, more than " + limits.maxArchiveBytes(),
                        "maxArchiveBytes").getMessage(), null, null, null, null));
            }
        } catch (IOException e) {
            throw new ArchiveUnreadableException(new Problem(ErrorCode.IO_FAILURE,
                    "the file cannot be read: " + e.getMessage(), null, null, null, null));
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new ArchiveUnreadableException(new Problem(ErrorCode.NOT_AN_ARCHIVE,
                    "the file is not a ZIP archive, or it is truncated or damaged (" + e.getMessage()
                            + "); a Portability archive is a ZIP file written by an export",
                    null, null, null, null));
        } catch (IOException e) {
            throw new ArchiveUnreadableException(new Problem(ErrorCode.IO_FAILURE,
                    "the file cannot be read: " + e.getMessage(), null, null, null, null));
        }
        if (zip.size() > limits.maxEntries()) {
            int entries = zip.size();
            closeQuietly(zip);
            throw new ArchiveUnreadableException(new Problem(ErrorCode.LIMIT_EXCEEDED, new LimitExceededException(
                    "the archive holds " + entries + " entries, more than " + limits.maxEntries(), "maxEntries")
                    .getMessage(), null, null, null, null));
        }
        Set<String> names = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (!names.add(name)) {
                problems.add(new Problem(ErrorCode.UNSAFE_ENTRY, "the archive holds two entries with this name; "
                        + "an export never writes that, so the file was altered", name, null, null, null));
            }
            String unsafe = unsafeReason(name);
            if (unsafe != null) {
                problems.add(new Problem(ErrorCode.UNSAFE_ENTRY, "entry name " + unsafe + "; refused",
                        printable(name), null, null, null));
            }
        }
        return new ArchiveFile(zip, Collections.unmodifiableSet(names), problems, limits, readers);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was read from it
        }
    }

    /** @return the limits this archive is read under */
    public ArchiveLimits limits() {
        return limits;
    }

    /** Starts a new pass over the entries: {@link ArchiveLimits#maxTotalBytes()} counts per pass. */
    public void startPass() {
        totalRead.set(0);
    }

    private static String unsafeReason(String name) {
        if (name.startsWith("/") || name.startsWith("\\") || (name.length() > 1 && name.charAt(1) == ':')) {
            return "is an absolute path";
        }
        if (name.contains("\\")) {
            return "contains a backslash";
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..")) {
                return "contains '..'";
            }
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "contains a control character";
            }
        }
        return null;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 200; i++) {
            char c = name.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    /** @return problems of the container itself: duplicate or unsafe entry names, unsupported methods */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** @return the names of all entries, in directory order */
    public Set<String> entryNames() {
        return entryNames;
    }

    /**
     * Reads and parses {@code manifest.json}.
     *
     * @return the manifest tree
     * @throws ArchiveUnreadableException if the manifest is missing, too large or not JSON
     */
    public JsonNode readManifest() throws ArchiveUnreadableException {
        ZipEntry entry = zip.getEntry(ManifestJson.ENTRY);
        if (entry == null) {
            throw new ArchiveUnreadableException(new Problem(ErrorCode.MANIFEST_MISSING,
                    "the archive has no manifest.json entry; it was not written by a Portability export",
                    ManifestJson.ENTRY, null, null, null));
        }
        try (InputStream in = new BoundedInputStream(zip.getInputStream(entry), MAX_MANIFEST_BYTES,
                ManifestJson.ENTRY)) {
            return Json.MAPPER.readTree(in);
        } catch (BoundedInputStream.TooLargeException e) {
            throw new ArchiveUnreadableException(new Problem(ErrorCode.LIMIT_EXCEEDED,
                    "manifest.json is larger than " + MAX_MANIFEST_BYTES + " bytes", ManifestJson.ENTRY, null, null,
                    null));
        } catch (IOException e) {
            throw new ArchiveUnreadableException(new Problem(ErrorCode.MANIFEST_INVALID,
                    "manifest.json is not valid JSON: " + Json.describe(e), ManifestJson.ENTRY, null, null, null));
        }
    }

    /**
     * Opens an entry for reading, counting and hashing its uncompressed bytes; inflating and hashing run ahead on
     * a second thread, unless the entry is at most {@link #READ_AHEAD_FROM_BYTES} long.
     *
     * @param name the entry name, as the manifest declares it
     * @return the stream, or null if the archive has no such entry
     * @throws IOException if the entry cannot be opened
     */
    public EntryStream openEntry(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || !entryNames.contains(name)) {
            return null;
        }
        LimitedEntryStream limited = new LimitedEntryStream(zip.getInputStream(entry), name,
                entry.getMethod() == ZipEntry.STORED ? 0 : entry.getCompressedSize(), limits, totalRead);
        HashingInputStream hashing = new HashingInputStream(limited);
        if (!readsAhead(entry)) {
            return new EntryStream(hashing, hashing, limited); // a few rows: a second thread would only wait
        }
        return new EntryStream(new PrefetchingInputStream(readers, hashing), hashing, limited);
    }

    /**
     * The size (uncompressed, as the ZIP's central directory declares it) from which {@link #openEntry} reads an
     * entry ahead on a second thread: one read-ahead chunk.
     */
    static final long READ_AHEAD_FROM_BYTES = PrefetchingInputStream.CHUNK;

    /** Whether an entry is inflated ahead on a second thread: when its declared size is unknown or large. */
    private static boolean readsAhead(ZipEntry entry) {
        return entry.getSize() < 0 || entry.getSize() > READ_AHEAD_FROM_BYTES;
    }

    /**
     * Opens an entry as {@link #openEntry} does, for a caller that only drains it (verification): inflating runs
     * ahead on a second thread (for an entry larger than {@link #READ_AHEAD_FROM_BYTES}), while counting, the
     * limits and hashing run on the caller's, so that the two threads share the work instead of one doing it all
     * while the other waits.
     *
     * @param name the entry name, as the manifest declares it
     * @return the stream, or null if the archive has no such entry
     * @throws IOException if the entry cannot be opened
     */
    public EntryStream openEntryToDrain(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || !entryNames.contains(name)) {
            return null;
        }
        InputStream in = zip.getInputStream(entry);
        if (readsAhead(entry)) {
            in = new PrefetchingInputStream(readers, in);
        }
        LimitedEntryStream limited = new LimitedEntryStream(in, name, entry.getMethod() == ZipEntry.STORED ? 0
                : entry.getCompressedSize(), limits, totalRead);
        HashingInputStream hashing = new HashingInputStream(limited);
        return new EntryStream(hashing, hashing, limited);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** The archive cannot be read at all; carries the one problem that says why. */
    public static final class ArchiveUnreadableException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        ArchiveUnreadableException(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        /** @return the problem */
        public Problem problem() {
            return problem;
        }
    }
}
