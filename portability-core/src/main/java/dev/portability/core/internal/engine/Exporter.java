package dev.portability.core.internal.engine;

import dev.portability.api.ArchiveTable;
import dev.portability.api.ErrorCode;
import dev.portability.api.ExportOptions;
import dev.portability.api.ExportResult;
import dev.portability.api.Phase;
import dev.portability.api.PortabilityException;
import dev.portability.api.StoreException;
import dev.portability.api.TableExport;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.archive.ArchiveWriter;
import dev.portability.core.internal.archive.ArchiveWriter.ColumnValueException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the host's tables to an archive from one consistent snapshot, in foreign-key order.
 *
 * @param <U> the store's unit of work
 */
public final class Exporter<U extends UnitOfWork> {

    private final Host<U> host;
    private final String libraryVersion;

    /**
     * @param host the host
     * @param libraryVersion this library's version, for the manifest
     */
    public Exporter(Host<U> host, String libraryVersion) {
        this.host = host;
        this.libraryVersion = libraryVersion;
    }

    /**
     * Writes the archive to a stream.
     *
     * @param out the stream; not closed
     * @param options what to export
     * @param operation progress and cancellation
     * @return what was written, not yet verified
     * @throws IOException if writing fails
     */
    public ExportResult write(OutputStream out, ExportOptions options, Operation operation) throws IOException {
        long start = System.nanoTime();
        List<TableSchema> tables = host.select(options.tables(), "tables");
        List<TableExport> written = new ArrayList<>();
        CountingOutputStream counting = new CountingOutputStream(out);
        U work = host.store().begin(Access.READ);
        try {
            Map<String, Long> counts = count(work, tables, operation);
            try (ArchiveWriter writer = new ArchiveWriter(new BufferedOutputStream(counting, 1 << 16),
                    options.compressionLevel())) {
                for (TableSchema table : tables) {
                    written.add(writeTable(work, writer, table, counts.get(table.name()), operation));
                }
                writer.finish(host.application(), host.schemaVersion(), libraryVersion);
            }
            work.commit();
        } catch (RuntimeException | IOException e) {
            rollbackQuietly(work, e);
            throw e;
        } finally {
            work.close();
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        return new ExportResult(written, counting.count, false, duration);
    }

    private Map<String, Long> count(U work, List<TableSchema> tables, Operation operation) {
        operation.started(Phase.COUNTING, null, tables.size());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TableSchema table : tables) {
            TableAdapter<U> adapter = host.adapter(table.name());
            try {
                counts.put(table.name(), adapter.count(work));
            } catch (PortabilityException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StoreException("Counting the rows of table " + table.name() + " failed: "
                        + e.getMessage(), false, e);
            }
        }
        operation.finished(Phase.COUNTING, null, tables.size(), tables.size(), 0);
        return counts;
    }

    private TableExport writeTable(U work, ArchiveWriter writer, TableSchema table, long expected,
            Operation operation) throws IOException {
        operation.checkCancelled("exporting table " + table.name());
        operation.started(Phase.EXPORTING, table.name(), expected);
        ArchiveWriter.TableWriter rows = writer.beginTable(table);
        TableAdapter<U> adapter = host.adapter(table.name());
        try {
            adapter.read(work, row -> {
                try {
                    rows.write(row);
                } catch (IOException e) {
                    throw new SinkFailure(e);
                } catch (ColumnValueException e) {
                    throw new SinkFailure(badValue(table, e));
                }
                if ((rows.rows() & 1023) == 0) {
                    try {
                        operation.progress(Phase.EXPORTING, table.name(), rows.rows(), expected, rows.bytes());
                    } catch (PortabilityException e) {
                        throw new SinkFailure(e);
                    }
                }
            });
        } catch (SinkFailure e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (PortabilityException) e.getCause();
        } catch (PortabilityException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("Reading table " + table.name() + " failed after " + rows.rows()
                    + " rows: " + e.getMessage(), false, e);
        }
        ArchiveTable done;
        try {
            done = rows.finish();
        } catch (ColumnValueException e) {
            throw badValue(table, e);
        }
        if (done.rows() != expected) {
            throw new PortabilityException(ErrorCode.STORE_FAILURE, "Table " + table.name() + " counted "
                    + expected + " rows but reading it returned " + done.rows() + " in the same unit of work: the "
                    + "store's READ unit of work is not a consistent snapshot. Nothing was exported.");
        }
        operation.finished(Phase.EXPORTING, table.name(), done.rows(), expected, done.bytes());
        return new TableExport(table.name(), done.entry(), done.rows(), done.bytes(), done.sha256());
    }

    private static PortabilityException badValue(TableSchema table, ColumnValueException e) {
        String column = table.columns().get(e.column()).name();
        String key = table.hasPrimaryKey() ? " (key " + table.keyOf(e.row()) + ")" : "";
        return new PortabilityException(ErrorCode.INVALID_VALUE, "Export failed: table " + table.name()
                + ", row " + e.rowNumber() + key + ", column " + column + ": " + e.getMessage()
                + ". The table adapter returned a value its schema does not allow; fix the adapter's schema or the "
                + "data. Nothing was exported.");
    }

    private static void rollbackQuietly(UnitOfWork work, Exception failure) {
        try {
            work.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Carries an exception of ours through the adapter's read loop. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailure(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Counts the compressed bytes of the archive. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush(); // the caller owns the stream
        }
    }

    /**
     * Moves a finished temporary file into place, atomically where the file system allows.
     *
     * @param temp the finished file
     * @param target the final path
     * @throws IOException if the move fails
     */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
