package dev.portability.core;

import dev.portability.api.ArchiveLimits;
import dev.portability.api.ArchiveTable;
import dev.portability.api.Cancellation;
import dev.portability.api.ConfigurationException;
import dev.portability.api.ErrorCode;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.Manifest;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.ProgressListener;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import dev.portability.core.internal.archive.ArchiveFile;
import dev.portability.core.internal.archive.LimitExceededException;
import dev.portability.core.internal.engine.Operation;
import dev.portability.core.internal.engine.TablePlan;
import dev.portability.core.internal.validation.TableRows;
import dev.portability.core.internal.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An archive opened for reading, without a store or an application: its manifest, each table's rows, and a check
 * of all of it. Like {@code pg_restore --list}, it needs no database.
 *
 * <pre>{@code
 * try (ArchiveReader archive = ArchiveReader.open(Path.of("backup.zip"))) {
 *     Manifest manifest = archive.manifest();
 *     try (ArchiveReader.RowStream rows = archive.rows("customers")) {
 *         while (rows.hasNext()) {
 *             Row row = rows.next();
 *             System.out.println(row.get("name"));
 *         }
 *     }
 *     ValidationReport report = archive.verify();
 * }
 * }</pre>
 *
 * <p>Rows are the API's {@link Row}s in the archive's own schema: the tables and columns its manifest declares, at
 * the schema version it was written at. They are <em>not</em> migrated: migrations belong to the application
 * ({@link Portability.Builder#migrations}), and an import through {@link Portability} applies them.
 *
 * <p>Archives are untrusted input. The {@link ArchiveLimits} given to {@link #open(Path, ArchiveLimits)} apply to
 * everything read, as in {@link Portability.Builder#limits(ArchiveLimits)}: the file's size and its number of
 * entries when opening; each entry's uncompressed size, the compression ratio, line length, JSON nesting, string
 * and number length, and rows per table while rows stream. {@link ArchiveLimits#maxTotalBytes()} counts the bytes
 * inflated since the reader was opened, across its row streams; {@link #verify()} counts afresh.
 *
 * <p>The reader holds the file open and one read-ahead thread per open row stream; {@link #close()} releases
 * them all, including row streams still open. It is not thread-safe: use it from one thread at a time (row
 * streams of several tables may be open at once).
 */
public final class ArchiveReader implements AutoCloseable {

    /** Problems kept in a {@link #verify()} report, as {@link Portability.Builder#maxProblems(int)} defaults. */
    private static final int MAX_PROBLEMS = 1000;

    private final Path path;
    private final ArchiveFile archive;
    private final Validator.Settings settings;
    private final Manifest manifest;
    /** The reader's own operation: its threads read ahead in the entries, and end when the reader is closed. */
    private final Operation reading;
    private final Set<RowStream> open = new LinkedHashSet<>();
    private boolean closed;

    private ArchiveReader(Path path, ArchiveFile archive, Validator.Settings settings, Manifest manifest,
            Operation reading) {
        this.reading = reading;
        this.path = path;
        this.archive = archive;
        this.settings = settings;
        this.manifest = manifest;
    }

    /**
     * Opens an archive with the default limits ({@link ArchiveLimits#defaults()}) and reads its manifest.
     *
     * @param archive the archive file
     * @return the reader; close it
     * @see #open(Path, ArchiveLimits)
     */
    public static ArchiveReader open(Path archive) {
        return open(archive, ArchiveLimits.defaults());
    }

    /**
     * Opens an archive and reads its manifest, checking it against the manifest's JSON Schema of its format
     * version. Nothing else is read yet: the content is checked as it is read ({@link #rows(String)}), or all at
     * once by {@link #verify()}.
     *
     * @param archive the archive file
     * @param limits the limits that stop hostile or runaway archives
     * @return the reader; close it
     * @throws PortabilityException with {@link ErrorCode#IO_FAILURE} if the file does not exist or cannot be read
     * @throws InvalidArchiveException if the file is not a ZIP archive, is larger than
     *     {@link ArchiveLimits#maxArchiveBytes()} or holds more than {@link ArchiveLimits#maxEntries()} entries, or
     *     its manifest is missing, not JSON, of a format version this library does not read, or invalid; its
     *     {@link InvalidArchiveException#report() report} lists every problem of the container and the manifest
     */
    public static ArchiveReader open(Path archive, ArchiveLimits limits) {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(limits, "limits");
        if (!Files.isRegularFile(archive)) {
            throw new PortabilityException(ErrorCode.IO_FAILURE, "Archive " + archive.toAbsolutePath()
                    + " does not exist or is not a file.");
        }
        Operation reading = new Operation("read", ProgressListener.NONE, null);
        ArchiveFile file;
        try {
            file = ArchiveFile.open(archive, limits, reading.workers());
        } catch (ArchiveFile.ArchiveUnreadableException e) {
            reading.close();
            throw new InvalidArchiveException(new ValidationReport(null, List.of(e.problem()), 1, List.of()),
                    CANNOT_OPEN);
        }
        Validator.Settings settings = Validator.Settings.of(limits, MAX_PROBLEMS);
        try {
            ValidationReport report = Validator.validateAgainstManifest(file, settings, reading, false);
            if (report.archive() == null) {
                throw new InvalidArchiveException(report, CANNOT_OPEN);
            }
            return new ArchiveReader(archive, file, settings, report.archive(), reading);
        } catch (RuntimeException e) {
            try {
                file.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            reading.close();
            throw e;
        }
    }

    /**
     * What the archive's manifest says: format and schema version, application, creation time, and per table its
     * schema, entry, rows, bytes and SHA-256, as the file claims them; {@link #verify()} checks the claims.
     *
     * @return the manifest
     */
    public Manifest manifest() {
        return manifest;
    }

    /**
     * Opens a stream over one table's rows, in the order the archive holds them. Each row is checked as it is
     * read, as validation checks it (every value against its column's declared type, NULL only where allowed);
     * at the end of the entry, its row count, size and SHA-256 are compared with the manifest's. The stream holds
     * the entry open until it reaches its end or is closed; memory stays bounded by one row.
     *
     * <p>Keys are not checked for duplicates here; {@link #verify()} does that.
     *
     * @param table the table's name, as the manifest lists it
     * @return the rows; close the stream (or read it to the end)
     * @throws ConfigurationException if the archive holds no such table (the message lists the tables it holds)
     * @throws InvalidArchiveException if the table's entry is missing from the archive
     * @throws IllegalStateException if this reader is closed
     */
    public RowStream rows(String table) {
        Objects.requireNonNull(table, "table");
        requireOpen();
        ArchiveTable archived = manifest.table(table).orElseThrow(() -> {
            List<String> names = new ArrayList<>();
            manifest.tables().forEach(t -> names.add(t.name()));
            return new ConfigurationException("table: the archive holds no table " + table + "; it holds "
                    + names);
        });
        if (!archive.entryNames().contains(archived.entry())) {
            throw invalid(new Problem(ErrorCode.ENTRY_MISSING, "the manifest lists this entry for table " + table
                    + " but the archive does not contain it", archived.entry(), null, table, null));
        }
        TableRows rows;
        try {
            rows = TableRows.open(archive, TablePlan.asArchived(archived, manifest.formatVersion()),
                    settings.factory());
        } catch (LimitExceededException e) {
            throw invalid(limitProblem(e, archived));
        } catch (IOException e) {
            throw ioFailure(e);
        }
        RowStream stream = new RowStream(archived, rows);
        open.add(stream);
        return stream;
    }

    /**
     * Reads every row of one table, closing what it opened; see {@link #rows(String)}.
     *
     * @param table the table's name
     * @param action receives each row
     * @throws ConfigurationException if the archive holds no such table
     * @throws InvalidArchiveException at the first problem of the table's content
     */
    public void forEachRow(String table, Consumer<? super Row> action) {
        Objects.requireNonNull(action, "action");
        try (RowStream rows = rows(table)) {
            rows.forEachRemaining(action);
        }
    }

    /**
     * Checks all of the archive against its own manifest and the format, reading it once: what
     * {@link Portability#validate(Path)} checks of the archive itself, and what the CLI's {@code validate} without
     * a database reports. That is the container (unsafe or duplicate entry names, entries missing or not listed),
     * the manifest, and every row of every table (each value against its column's type, NULLs, duplicate primary
     * keys, row count, size and SHA-256). Nothing about an application is checked: not its id, its schema version
     * or its tables.
     *
     * @return the report listing every problem found (at most 1,000, all counted); valid when there is none
     * @throws IllegalStateException if this reader is closed
     */
    public ValidationReport verify() {
        return verify(ProgressListener.NONE, null);
    }

    /**
     * Checks all of the archive, as {@link #verify()} does, reporting progress ({@code VALIDATING} events) and
     * stopping when cancelled.
     *
     * @param listener receives the progress of this call
     * @param cancellation checked between rows; null for none
     * @return the report listing every problem found
     * @throws dev.portability.api.OperationCancelledException if cancelled
     * @throws IllegalStateException if this reader is closed
     */
    public ValidationReport verify(ProgressListener listener, Cancellation cancellation) {
        Objects.requireNonNull(listener, "listener");
        requireOpen();
        return Validator.validateAgainstManifest(archive, settings, new Operation("validate", listener,
                cancellation), true);
    }

    /**
     * Closes the file, every row stream still open, and the read-ahead threads. Idempotent.
     *
     * @throws PortabilityException with {@link ErrorCode#IO_FAILURE} if closing the file fails
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (RowStream stream : List.copyOf(open)) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                failure = keep(failure, e);
            }
        }
        try {
            archive.close();
        } catch (IOException e) {
            failure = keep(failure, new PortabilityException(ErrorCode.IO_FAILURE, "Closing archive "
                    + path.toAbsolutePath() + " failed: " + e.getMessage() + ".", e));
        } finally {
            reading.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException keep(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the archive reader of " + path + " is closed");
        }
    }

    private static final String CANNOT_OPEN = "The archive cannot be opened.";

    private InvalidArchiveException invalid(Problem problem) {
        return new InvalidArchiveException(new ValidationReport(manifest, List.of(problem), 1, List.of()),
                "Reading stopped at this problem; verify() lists every problem of the archive.");
    }

    private static Problem limitProblem(LimitExceededException e, ArchiveTable table) {
        return new Problem(ErrorCode.LIMIT_EXCEEDED, e.getMessage(), table.entry(), e.line(), table.name(),
                e.column());
    }

    private PortabilityException ioFailure(IOException e) {
        return new PortabilityException(ErrorCode.IO_FAILURE, "Reading archive " + path.toAbsolutePath()
                + " failed: " + e.getMessage() + ".", e);
    }

    /**
     * The rows of one table, read one at a time, each a {@link Row} of the table's schema as the archive declares
     * it ({@link #schema()}). Holds the table's entry open: close it, or read it to its end (which closes it).
     * {@link #hasNext()} and {@link #next()} throw {@link InvalidArchiveException} at the first problem of the
     * content, naming entry, row and column (run {@link ArchiveReader#verify()} for the full list), and
     * {@link PortabilityException} with {@link ErrorCode#IO_FAILURE} if the file cannot be read. Not thread-safe.
     */
    public final class RowStream implements Iterator<Row>, AutoCloseable {

        private final ArchiveTable table;
        private final TableRows rows;
        private Row next;
        private boolean finished;

        private RowStream(ArchiveTable table, TableRows rows) {
            this.table = table;
            this.rows = rows;
        }

        /** @return the table's schema as the archive declares it: the schema of every row */
        public TableSchema schema() {
            return table.schema();
        }

        /** @return the 1-based number of the last row read (its line in the entry), 0 before the first */
        public long row() {
            return rows.row();
        }

        /**
         * @return whether another row follows; false at the end of the entry, once its row count, size and
         *     checksum matched the manifest
         * @throws InvalidArchiveException at the first problem of the content
         * @throws IllegalStateException if the stream or its reader was closed before its end (or after a
         *     problem was thrown)
         */
        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (finished) {
                return false;
            }
            if (!open.contains(this)) {
                throw new IllegalStateException("the row stream of table " + table.name() + " was closed after "
                        + rows.row() + " rows, before its end");
            }
            try {
                next = rows.next(this::fail);
                if (next == null) {
                    rows.finish(this::fail);
                    finished = true;
                    close();
                }
            } catch (LimitExceededException e) {
                close();
                throw invalid(limitProblem(e, table));
            } catch (IOException e) {
                close();
                throw ioFailure(e);
            } catch (UncheckedIOException e) {
                close();
                throw ioFailure(e.getCause());
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            return next != null;
        }

        private void fail(Problem problem) {
            throw invalid(problem);
        }

        /**
         * @return the next row
         * @throws NoSuchElementException at the end of the entry
         * @throws InvalidArchiveException at the first problem of the content
         */
        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException("table " + table.name() + " has no more rows (" + rows.row()
                        + " read)");
            }
            Row row = next;
            next = null;
            return row;
        }

        /** Releases the entry. Idempotent; the reader stays open. */
        @Override
        public void close() {
            next = null;
            if (open.remove(this)) {
                try {
                    rows.close();
                } catch (IOException e) {
                    throw ioFailure(e);
                }
            }
        }
    }
}
