package dev.portability.core.internal.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.portability.api.ArchiveTable;
import dev.portability.api.Column;
import dev.portability.api.ErrorCode;
import dev.portability.api.GeneratorPosition;
import dev.portability.api.Manifest;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.core.internal.engine.Handoff;
import dev.portability.core.internal.json.Json;
import dev.portability.core.internal.json.ValueCodec;
import dev.portability.core.internal.json.ValueException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an archive of the current format version ({@link ManifestJson#FORMAT_VERSION}) to a stream: one JSON Lines entry per table, in the order given, then
 * {@code manifest.json}. Streaming: a table's rows pass straight through to the deflater.
 */
public final class ArchiveWriter implements Closeable {

    private final ZipOutputStream zip;
    private final List<ArchiveTable> tables = new ArrayList<>();
    private final ExecutorService workers;
    private TableWriter open;

    /**
     * @param out the target stream; closed by {@link #close()}
     * @param compressionLevel deflate level 0 to 9
     * @param workers the executor of the operation that writes it: each table's rows are encoded on one of its
     *     threads and compressed on another (see {@link dev.portability.core.internal.engine.Operation#workers()})
     */
    public ArchiveWriter(OutputStream out, int compressionLevel, ExecutorService workers) {
        this.workers = workers;
        this.zip = new ZipOutputStream(out);
        this.zip.setLevel(compressionLevel);
    }

    /**
     * The entry name of the n-th table (1-based): chosen by the writer, never derived from a table name.
     *
     * @param ordinal the table's position in the archive, from 1
     * @return the entry name
     */
    public static String entryName(int ordinal) {
        return String.format("tables/%04d.jsonl", ordinal);
    }

    /**
     * Starts the next table's entry.
     *
     * @param schema the table's schema, written to the manifest
     * @return a writer for its rows; call {@link TableWriter#finish()} before starting the next table
     * @throws IOException if writing fails
     */
    public TableWriter beginTable(TableSchema schema) throws IOException {
        return beginTable(schema, null);
    }

    /**
     * Starts the next table's entry, checking each row also as a whole.
     *
     * @param schema the table's schema, written to the manifest
     * @param check run on every row after its values were checked, on the encoding thread; null for none
     * @return a writer for its rows; call {@link TableWriter#finish()} before starting the next table
     * @throws IOException if writing fails
     */
    public TableWriter beginTable(TableSchema schema, RowCheck check) throws IOException {
        return beginTable(schema, check, Long.MAX_VALUE);
    }

    /**
     * Starts the next table's entry, checking each row also as a whole; a table expected to hold at most
     * {@link #ENCODE_INLINE_ROWS} rows is encoded and deflated on the caller's thread (for a few rows, handing them
     * to two other threads costs more than it overlaps: a schema of thousands of small tables).
     *
     * @param schema the table's schema, written to the manifest
     * @param check run on every row after its values were checked, on the encoding thread; null for none
     * @param expectedRows how many rows the table is expected to hold (any number may be written)
     * @return a writer for its rows; call {@link TableWriter#finish()} before starting the next table
     * @throws IOException if writing fails
     */
    public TableWriter beginTable(TableSchema schema, RowCheck check, long expectedRows) throws IOException {
        if (open != null) {
            throw new IllegalStateException("table " + open.schema.name() + " is not finished");
        }
        String entry = entryName(tables.size() + 1);
        zip.putNextEntry(new ZipEntry(entry));
        if (expectedRows <= ENCODE_INLINE_ROWS) {
            open = new TableWriter(schema, entry, new HashingOutputStream(zip), null, check);
        } else {
            PipedEntryStream piped = new PipedEntryStream(workers, zip);
            open = new TableWriter(schema, entry, new HashingOutputStream(piped), piped, check);
        }
        return open;
    }

    /** The most rows a table may be expected to hold to be encoded on the caller's thread. */
    static final long ENCODE_INLINE_ROWS = 1_000;

    /** A check of a whole row beyond its values (a repeated primary key), run on the encoding thread. */
    @FunctionalInterface
    public interface RowCheck {
        /**
         * @param values the row's canonical values, in column order; not to be kept (the array is reused)
         * @return the problem, or null when the row is fine
         */
        RowProblem check(Object[] values);
    }

    /**
     * What is wrong with a row as a whole.
     *
     * @param code the kind, e.g. {@link ErrorCode#DUPLICATE_KEY}
     * @param message what is wrong
     */
    public record RowProblem(ErrorCode code, String message) {
    }

    /**
     * Writes the manifest and finishes the ZIP container.
     *
     * @param application the host application id
     * @param schemaVersion the host's data schema version
     * @param libraryVersion this library's version
     * @return what the manifest says
     * @throws IOException if writing fails
     */
    public Manifest finish(String application, int schemaVersion, String libraryVersion) throws IOException {
        return finish(application, schemaVersion, libraryVersion, List.of());
    }

    /**
     * Writes the manifest, with the positions of the tables' generators, and finishes the ZIP container.
     *
     * @param application the host application id
     * @param schemaVersion the host's data schema version
     * @param libraryVersion this library's version
     * @param generators the positions of the generators of the written tables' columns
     * @return what the manifest says
     * @throws IOException if writing fails
     */
    public Manifest finish(String application, int schemaVersion, String libraryVersion,
            List<GeneratorPosition> generators) throws IOException {
        if (open != null) {
            throw new IllegalStateException("table " + open.schema.name() + " is not finished");
        }
        Manifest info = new Manifest(ManifestJson.FORMAT_VERSION, application, schemaVersion, Instant.now(),
                libraryVersion, tables, generators);
        zip.putNextEntry(new ZipEntry(ManifestJson.ENTRY));
        ManifestJson.write(info, zip);
        zip.closeEntry();
        zip.finish();
        return info;
    }

    @Override
    public void close() throws IOException {
        try {
            if (open != null) {
                open.abandon();
            }
        } finally {
            zip.close(); // the threads are the operation's: they end with it
        }
    }

    /**
     * Writes the rows of one table as JSON Lines. Rows are handed in batches to an encoding thread, which checks,
     * encodes and hashes them while the caller reads the next rows from the store; a third thread deflates (the
     * costliest step, so it does nothing else). A writer without a piped stream does it all on the caller's thread.
     */
    public final class TableWriter {
        private static final int BATCH = 256;

        private final TableSchema schema;
        private final String entry;
        private final HashingOutputStream hashing;
        private final PipedEntryStream piped;
        private final SerializedString[] names;
        private final ValueCodec[] codecs;
        private final boolean[] nullable;
        private final RowCheck check;
        private final Handoff<List<Row>> handoff = new Handoff<>(4);
        /** The encoding thread's work; null when rows are encoded inline, by {@link #generator}. */
        private final Future<?> encoding;
        private final JsonGenerator generator;
        private final Object[] values;
        private List<Row> pending = new ArrayList<>(BATCH);
        private long rows;

        private TableWriter(TableSchema schema, String entry, HashingOutputStream hashing, PipedEntryStream piped,
                RowCheck check) throws IOException {
            this.schema = schema;
            this.check = check;
            this.entry = entry;
            this.hashing = hashing;
            this.piped = piped;
            List<Column> columns = schema.columns();
            this.names = new SerializedString[columns.size()];
            this.codecs = new ValueCodec[columns.size()];
            this.nullable = new boolean[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                names[i] = new SerializedString(columns.get(i).name());
                codecs[i] = ValueCodec.of(columns.get(i));
                nullable[i] = columns.get(i).nullable();
            }
            JsonGenerator json = Json.FACTORY.createGenerator(hashing);
            if (piped == null) {
                this.generator = json;
                this.values = new Object[codecs.length];
                this.encoding = null;
            } else {
                this.generator = null;
                this.values = null;
                this.encoding = workers.submit(() -> encode(json));
            }
        }

        private Void encode(JsonGenerator generator) throws IOException, ColumnValueException, InterruptedException {
            try {
                long row = 0;
                Object[] values = new Object[codecs.length];
                List<Row> batch;
                while ((batch = handoff.take(Handoff.NOTHING)) != null) {
                    for (Row next : batch) {
                        encode(generator, next, ++row, values);
                    }
                }
                generator.close();
                return null;
            } catch (IOException | ColumnValueException | RuntimeException | InterruptedException e) {
                handoff.stop(); // the writer's next hand-over returns false and finds this failure
                throw e;
            } catch (Handoff.Failed e) {
                throw new IllegalStateException("the writer never fails its hand-off", e);
            }
        }

        private void encode(JsonGenerator generator, Row row, long number, Object[] values)
                throws IOException, ColumnValueException {
            for (int i = 0; i < codecs.length; i++) {
                Object value = row.get(i);
                if (value == null) {
                    if (!nullable[i]) {
                        throw new ColumnValueException(i, ErrorCode.NULL_NOT_ALLOWED, "NULL in a column declared NOT NULL",
                                number, row);
                    }
                    values[i] = null;
                } else {
                    try {
                        values[i] = codecs[i].check(value);
                    } catch (ValueException e) {
                        throw new ColumnValueException(i, ErrorCode.INVALID_VALUE, e.getMessage(), number, row);
                    }
                }
            }
            if (check != null) {
                RowProblem problem = check.check(values);
                if (problem != null) {
                    throw new ColumnValueException(-1, problem.code(), problem.message(), number, row);
                }
            }
            generator.writeStartObject();
            for (int i = 0; i < codecs.length; i++) {
                generator.writeFieldName(names[i]);
                if (values[i] == null) {
                    generator.writeNull();
                } else {
                    codecs[i].write(generator, values[i]);
                }
            }
            generator.writeEndObject();
            generator.writeRaw('\n');
        }

        /**
         * Writes one row; it is checked and encoded on another thread (at once, when the table is encoded inline).
         *
         * @param row a row of this table
         * @throws ColumnValueException if this or an earlier row has a value that does not fit its column (wrong
         *     Java type, NULL where not allowed, out of range); the archive is not usable then
         * @throws IOException if writing fails
         */
        public void write(Row row) throws IOException, ColumnValueException {
            if (encoding == null) {
                encode(generator, row, ++rows, values);
                return;
            }
            pending.add(row);
            rows++;
            if (pending.size() == BATCH) {
                hand(pending);
                pending = new ArrayList<>(BATCH);
            }
        }

        private void hand(List<Row> batch) throws IOException, ColumnValueException {
            try {
                if (!handoff.put(batch)) {
                    rethrow(); // the encoder failed
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the archive");
            }
        }

        private void rethrow() throws IOException, ColumnValueException {
            try {
                encoding.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the archive");
            } catch (CancellationException e) {
                throw new IOException("writing the archive was abandoned", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ColumnValueException bad) {
                    throw bad;
                }
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException("writing the archive failed: " + cause, cause);
            }
            throw new IOException("the archive's encoder stopped early");
        }

        /** @return rows written so far */
        public long rows() {
            return rows;
        }

        /** @return uncompressed bytes written so far, as far as they were encoded */
        public long bytes() {
            return hashing.count();
        }

        /**
         * Finishes the entry: waits until every row is encoded, hashed and deflated.
         *
         * @return the table as the manifest will describe it
         * @throws ColumnValueException if a row has a value that does not fit its column
         * @throws IOException if writing fails
         */
        public ArchiveTable finish() throws IOException, ColumnValueException {
            if (encoding == null) {
                generator.close();
                return finished();
            }
            if (!pending.isEmpty()) {
                hand(pending);
            }
            try {
                handoff.end(); // false when the encoder failed: rethrow() below says how
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the archive");
            }
            try {
                encoding.get();
            } catch (InterruptedException | ExecutionException | CancellationException e) {
                rethrow();
            }
            piped.close();
            return finished();
        }

        private ArchiveTable finished() throws IOException {
            hashing.close();
            zip.closeEntry();
            ArchiveTable table = new ArchiveTable(schema, entry, rows, hashing.count(), hashing.sha256());
            tables.add(table);
            open = null;
            return table;
        }

        private void abandon() {
            if (encoding == null) {
                return; // nothing runs elsewhere
            }
            handoff.stop();
            encoding.cancel(true);
            piped.abandon();
        }
    }

    /**
     * A row the adapter supplied does not fit its table: a value does not fit its column, or the row as a whole is
     * refused by the table's {@link RowCheck}. Validation would refuse the archive for the same reason.
     */
    public static final class ColumnValueException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int column;
        private final ErrorCode code;
        private final long rowNumber;
        private final transient Row row;

        ColumnValueException(int column, ErrorCode code, String message, long rowNumber, Row row) {
            super(message, null, false, false);
            this.column = column;
            this.code = code;
            this.rowNumber = rowNumber;
            this.row = row;
        }

        /** @return the column index, or -1 when the row as a whole is refused */
        public int column() {
            return column;
        }

        /** @return the kind of problem, as validation reports it */
        public ErrorCode code() {
            return code;
        }

        /** @return the 1-based number of the row in its table */
        public long rowNumber() {
            return rowNumber;
        }

        /** @return the row */
        public Row row() {
            return row;
        }
    }
}
