package dev.portability.core.internal.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.portability.api.ArchiveInfo;
import dev.portability.api.ArchiveTable;
import dev.portability.api.Column;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.core.internal.json.Json;
import dev.portability.core.internal.json.ValueCodec;
import dev.portability.core.internal.json.ValueException;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an archive of format version 1 to a stream: one JSON Lines entry per table, in the order given, then
 * {@code manifest.json}. Streaming: a table's rows pass straight through to the deflater.
 */
public final class ArchiveWriter implements Closeable {

    private final ZipOutputStream zip;
    private final List<ArchiveTable> tables = new ArrayList<>();
    private final ExecutorService compressor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "portability-compress");
        thread.setDaemon(true);
        return thread;
    });
    private TableWriter open;

    /**
     * @param out the target stream; closed by {@link #close()}
     * @param compressionLevel deflate level 0 to 9
     */
    public ArchiveWriter(OutputStream out, int compressionLevel) {
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
        if (open != null) {
            throw new IllegalStateException("table " + open.schema.name() + " is not finished");
        }
        String entry = entryName(tables.size() + 1);
        zip.putNextEntry(new ZipEntry(entry));
        HashingOutputStream hashing = new HashingOutputStream(zip);
        open = new TableWriter(schema, entry, hashing, new PipedEntryStream(compressor, hashing));
        return open;
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
    public ArchiveInfo finish(String application, int schemaVersion, String libraryVersion) throws IOException {
        if (open != null) {
            throw new IllegalStateException("table " + open.schema.name() + " is not finished");
        }
        ArchiveInfo info = new ArchiveInfo(Manifest.FORMAT_VERSION, application, schemaVersion, Instant.now(),
                libraryVersion, tables);
        zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
        Manifest.write(info, zip);
        zip.closeEntry();
        zip.finish();
        return info;
    }

    @Override
    public void close() throws IOException {
        try {
            if (open != null) {
                open.piped.abandon();
            }
        } finally {
            compressor.shutdownNow();
            zip.close();
        }
    }

    /** Writes the rows of one table as JSON Lines. */
    public final class TableWriter {
        private final TableSchema schema;
        private final String entry;
        private final HashingOutputStream hashing;
        private final PipedEntryStream piped;
        private final JsonGenerator generator;
        private final SerializedString[] names;
        private final ValueCodec[] codecs;
        private final boolean[] nullable;
        private long rows;

        private TableWriter(TableSchema schema, String entry, HashingOutputStream hashing, PipedEntryStream piped)
                throws IOException {
            this.schema = schema;
            this.entry = entry;
            this.hashing = hashing;
            this.piped = piped;
            this.generator = Json.FACTORY.createGenerator(piped);
            List<Column> columns = schema.columns();
            this.names = new SerializedString[columns.size()];
            this.codecs = new ValueCodec[columns.size()];
            this.nullable = new boolean[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                names[i] = new SerializedString(columns.get(i).name());
                codecs[i] = ValueCodec.of(columns.get(i).type());
                nullable[i] = columns.get(i).nullable();
            }
        }

        /**
         * Writes one row.
         *
         * @param row a row of this table
         * @throws ColumnValueException if a value does not fit its column (wrong Java type, NULL where not
         *     allowed, out of range); nothing of the row is written to the archive then
         * @throws IOException if writing fails
         */
        public void write(Row row) throws IOException, ColumnValueException {
            Object[] values = new Object[codecs.length];
            for (int i = 0; i < codecs.length; i++) {
                Object value = row.get(i);
                if (value == null) {
                    if (!nullable[i]) {
                        throw new ColumnValueException(i, "NULL in a column declared NOT NULL");
                    }
                } else {
                    try {
                        values[i] = codecs[i].check(value);
                    } catch (ValueException e) {
                        throw new ColumnValueException(i, e.getMessage());
                    }
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
            rows++;
        }

        /** @return rows written so far */
        public long rows() {
            return rows;
        }

        /** @return uncompressed bytes written so far, as far as they reached the compressor */
        public long bytes() {
            return hashing.count();
        }

        /**
         * Finishes the entry.
         *
         * @return the table as the manifest will describe it
         * @throws IOException if writing fails
         */
        public ArchiveTable finish() throws IOException {
            generator.close();
            piped.close();
            hashing.close();
            zip.closeEntry();
            ArchiveTable table = new ArchiveTable(schema, entry, rows, hashing.count(), hashing.sha256());
            tables.add(table);
            open = null;
            return table;
        }
    }

    /** A value the adapter supplied does not fit its column. */
    public static final class ColumnValueException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int column;

        ColumnValueException(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }

        /** @return the column index */
        public int column() {
            return column;
        }
    }
}
