package dev.portability.core.internal.export;

import dev.portability.api.ArchiveTable;
import dev.portability.api.ConfigurationException;
import dev.portability.api.ErrorCode;
import dev.portability.api.ExportOptions;
import dev.portability.api.ExportResult;
import dev.portability.api.GeneratorPosition;
import dev.portability.api.Manifest;
import dev.portability.api.Phase;
import dev.portability.api.PortabilityException;
import dev.portability.api.StoreException;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.archive.ArchiveWriter.ColumnValueException;
import dev.portability.core.internal.archive.ArchiveWriter;
import dev.portability.core.internal.archive.ManifestJson;
import dev.portability.core.internal.archive.ManifestSchema;
import dev.portability.core.internal.engine.DuplicateKeys;
import dev.portability.core.internal.engine.Host;
import dev.portability.core.internal.engine.Operation;
import dev.portability.core.internal.json.Json;
import dev.portability.core.internal.validation.RowKeys;
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
 * Writes the host's tables to an archive from one consistent snapshot, in foreign-key order. The archive is one its
 * own validation accepts: the manifest is checked against its schema before any row is read, and every row is
 * checked as validation checks it (each value against its column's type and nullability, primary keys for
 * repeats); the first row that fails ends the export, naming table, row, key and column, and nothing is kept.
 *
 * @param <U> the store's unit of work
 */
public final class Exporter<U extends UnitOfWork> {

    /** The most key hashes remembered per table for keys that do not arrive in ascending order. */
    public static final int TRACKED_KEYS = 100_000;

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
        checkManifest(tables);
        List<ArchiveTable> written = new ArrayList<>();
        CountingOutputStream counting = new CountingOutputStream(out);
        host.store().inUnitOfWork(Access.READ, work -> {
            Map<String, Long> counts = count(work, tables, operation);
            try (ArchiveWriter writer = new ArchiveWriter(new BufferedOutputStream(counting, 1 << 16),
                    options.compressionLevel(), operation.workers())) {
                for (TableSchema table : tables) {
                    written.add(writeTable(work, writer, table, counts.get(table.name()), operation));
                }
                writer.finish(host.application(), host.schemaVersion(), libraryVersion, generators(work, tables));
            }
            return null;
        });
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        return new ExportResult(written, counting.count, false, duration);
    }

    /**
     * The positions of the generators of the exported tables' columns, read after their rows: a position is never
     * behind a value the archive holds.
     */
    private List<GeneratorPosition> generators(U work, List<TableSchema> tables) {
        List<GeneratorPosition> positions = new ArrayList<>();
        for (TableSchema table : tables) {
            List<GeneratorPosition> found;
            try {
                found = host.adapter(table.name()).generators(work);
            } catch (PortabilityException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StoreException("Reading the generator positions of table " + table.name() + " failed: "
                        + e.getMessage() + ". Nothing was exported.", false, e);
            }
            java.util.Set<String> columns = new java.util.HashSet<>();
            for (GeneratorPosition position : found) {
                if (!position.table().equals(table.name()) || table.indexOf(position.column()) < 0
                        || !columns.add(position.column())) {
                    throw new PortabilityException(ErrorCode.STORE_FAILURE, "Export failed: the table adapter of "
                            + table.name() + " reported the generator position " + position + ", which is not one "
                            + "per column of that table; fix the adapter's generators(). Nothing was exported.");
                }
                positions.add(position);
            }
        }
        return positions;
    }

    private Map<String, Long> count(U work, List<TableSchema> tables, Operation operation) {
        operation.started(Phase.COUNTING, null, tables.size());
        Map<String, Long> counts = new LinkedHashMap<>();
        if (tables.size() > 1) {
            // in as few round trips as the store can (DataStore#count); a failing table is named by its adapter
            List<String> names = tables.stream().map(TableSchema::name).toList();
            try {
                counts.putAll(host.store().count(work, names));
            } catch (PortabilityException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StoreException("Counting the rows of the exported tables failed: " + e.getMessage(), false,
                        e);
            }
        }
        for (TableSchema table : tables) {
            if (counts.containsKey(table.name())) {
                continue;
            }
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

    private ArchiveTable writeTable(U work, ArchiveWriter writer, TableSchema table, long expected,
            Operation operation) throws IOException {
        operation.checkCancelled("exporting table " + table.name());
        operation.started(Phase.EXPORTING, table.name(), expected);
        ArchiveWriter.TableWriter rows = writer.beginTable(table, duplicateKeys(table), expected);
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
        return new ArchiveTable(table, done.entry(), done.rows(), done.bytes(), done.sha256());
    }

    private static PortabilityException badValue(TableSchema table, ColumnValueException e) {
        String column = e.column() < 0 ? "" : ", column " + table.columns().get(e.column()).name();
        String key = table.hasPrimaryKey() ? " (key " + table.keyOf(e.row()) + ")" : "";
        String cause = e.column() < 0 ? "The table adapter returned rows its schema does not allow"
                : "The table adapter returned a value its schema does not allow";
        return new PortabilityException(e.code(), "Export failed: table " + table.name()
                + ", row " + e.rowNumber() + key + column + ": " + e.getMessage() + ". " + cause
                + ", so validation and import would refuse the archive; fix the adapter's schema or the data. "
                + "Nothing was exported.");
    }

    /**
     * Refuses a repeated primary key as validation would ({@link ErrorCode#DUPLICATE_KEY}). Keys an adapter
     * reads in ascending order are checked completely in constant memory; others by up to
     * {@value #TRACKED_KEYS} key hashes per table, beyond which the import's validation checks again.
     */
    private static ArchiveWriter.RowCheck duplicateKeys(TableSchema table) {
        if (!table.hasPrimaryKey()) {
            return null;
        }
        int[] keyIndexes = RowKeys.keyIndexes(table);
        DuplicateKeys seen = new DuplicateKeys(TRACKED_KEYS);
        long[] row = {0};
        return values -> {
            Object[] key = new Object[keyIndexes.length];
            for (int i = 0; i < key.length; i++) {
                key[i] = values[keyIndexes[i]];
            }
            long earlier = seen.add(key, ++row[0]);
            return earlier != DuplicateKeys.NEW ? new ArchiveWriter.RowProblem(ErrorCode.DUPLICATE_KEY, "primary key "
                    + dev.portability.api.Key.of(key) + " appears in " + (earlier > 0 ? "row " + earlier
                            : "an earlier row") + " too") : null;
        };
    }

    /**
     * Checks, before anything is read, that the manifest of these tables matches the manifest's JSON Schema and
     * reads back as written: what validation checks first.
     */
    private void checkManifest(List<TableSchema> tables) {
        List<ArchiveTable> trial = new ArrayList<>();
        for (TableSchema table : tables) {
            trial.add(new ArchiveTable(table, ArchiveWriter.entryName(trial.size() + 1), 0, 0, "0".repeat(64)));
        }
        List<String> problems = new ArrayList<>();
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ManifestJson.write(new Manifest(ManifestJson.FORMAT_VERSION, host.application(), host.schemaVersion(),
                    java.time.Instant.now(), libraryVersion, trial), out);
            com.fasterxml.jackson.databind.JsonNode root = Json.MAPPER.readTree(out.toByteArray());
            problems.addAll(ManifestSchema.validate(root));
            if (problems.isEmpty()) {
                ManifestJson.read(root);
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Export refused before reading any row: the archive's manifest would "
                    + "not match the manifest schema, so validation and import would refuse the archive: "
                    + String.join("; ", problems.subList(0, Math.min(10, problems.size())))
                    + ". Fix the tables' schemas (names, types, keys) the adapters describe. Nothing was exported.");
        }
    }

    /** Carries an exception of ours through the adapter's read loop. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SinkFailure(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Counts the compressed bytes of the archive. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        public CountingOutputStream(OutputStream out) {
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
