package dev.portability.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The limit pipelines written by hand, one thread, no library: what plain JDBC, Jackson's streaming API and the
 * JDK's ZIP support can do on the same table, as the yardstick for the library's figures.
 */
final class RawPipelines {

    private static final JsonFactory JSON = new JsonFactory();

    private RawPipelines() {
    }

    /**
     * {@code SELECT *} → JSON Lines → ZIP at the given deflate level. On MariaDB ({@code textTimestamps}) the
     * session's time zone is set to {@code +00:00} and {@code created} travels as MariaDB's text, which
     * {@link #loadData} passes back unchanged.
     */
    static long export(DataSource dataSource, Path archive, int level, boolean textTimestamps)
            throws SQLException, IOException {
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            if (textTimestamps) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET time_zone = '+00:00'");
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, uid, name, amount, created, active, payload, "
                    + "note FROM item")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery();
                        OutputStream file = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 16);
                        ZipOutputStream zip = new ZipOutputStream(file)) {
                    zip.setLevel(level);
                    zip.putNextEntry(new ZipEntry("item.jsonl"));
                    JsonGenerator g = JSON.createGenerator(zip);
                    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                    while (rs.next()) {
                        g.writeStartObject();
                        g.writeNumberField("id", rs.getLong(1));
                        g.writeStringField("uid", rs.getString(2));
                        g.writeStringField("name", rs.getString(3));
                        g.writeStringField("amount", rs.getBigDecimal(4).toPlainString());
                        g.writeStringField("created", textTimestamps ? rs.getString(5)
                                : rs.getObject(5, OffsetDateTime.class).toString());
                        g.writeBooleanField("active", rs.getBoolean(6));
                        g.writeFieldName("payload");
                        g.writeBinary(rs.getBytes(7));
                        g.writeStringField("note", rs.getString(8));
                        g.writeEndObject();
                        g.writeRaw('\n');
                        rows++;
                    }
                    g.close();
                    zip.closeEntry();
                }
            }
            c.commit();
        }
        return rows;
    }

    /** One parsed row of the raw archive. */
    private record ItemRow(long id, String uid, String name, String amount, String created, boolean active,
            byte[] payload, String note) {
    }

    /** Receives rows. */
    private interface RowSink {
        void accept(ItemRow row) throws SQLException, IOException;
    }

    private static long read(Path archive, String entryName, RowSink sink) throws IOException, SQLException {
        long rows = 0;
        try (RawReader reader = new RawReader(archive, entryName)) {
            for (ItemRow row = reader.next(); row != null; row = reader.next()) {
                sink.accept(row);
                rows++;
            }
        }
        return rows;
    }

    /** Reads the raw archive's rows one at a time. */
    private static final class RawReader implements AutoCloseable {
        private final ZipFile zip;
        private final JsonParser p;

        RawReader(Path archive, String entryName) throws IOException {
            zip = new ZipFile(archive.toFile());
            try {
                p = JSON.createParser(zip.getInputStream(zip.getEntry(entryName)));
            } catch (IOException | RuntimeException e) {
                zip.close();
                throw e;
            }
        }

        /** The next row, or null at the end. */
        ItemRow next() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            long id = 0;
            String uid = null;
            String name = null;
            String amount = null;
            String created = null;
            boolean active = false;
            byte[] payload = null;
            String note = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = p.getLongValue();
                    case "uid" -> uid = p.getText();
                    case "name" -> name = p.getText();
                    case "amount" -> amount = p.getText();
                    case "created" -> created = p.getText();
                    case "active" -> active = p.getBooleanValue();
                    case "payload" -> payload = p.getBinaryValue();
                    case "note" -> note = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                    default -> p.skipChildren();
                }
            }
            return new ItemRow(id, uid, name, amount, created, active, payload, note);
        }

        @Override
        public void close() throws IOException {
            try {
                p.close();
            } finally {
                zip.close();
            }
        }
    }

    /**
     * ZIP → Jackson → MariaDB {@code LOAD DATA LOCAL INFILE}, the file streamed from memory (the driver's
     * {@code setLocalInfileInputStream}) in MariaDB's default text format (tab-separated, backslash escapes,
     * {@code \N} for NULL) in UTF-8 ({@code CHARACTER SET utf8mb4}), the binary column as hexadecimal digits turned
     * back into bytes by {@code UNHEX}, one transaction. Fails if the load leaves a warning (LOCAL turns errors into
     * warnings).
     */
    static long loadData(DataSource dataSource, Path archive, String entry) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection(); RawReader reader = new RawReader(archive, entry)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET time_zone = '+00:00'");
            }
            c.setAutoCommit(false);
            long rows;
            try (Statement s = c.createStatement()) {
                s.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new TsvStream(reader));
                rows = s.executeUpdate("LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE item CHARACTER SET utf8mb4 "
                        + "(id, uid, name, amount, created, active, @payload, note) SET payload = UNHEX(@payload)");
                try (ResultSet warnings = s.executeQuery("SHOW WARNINGS")) {
                    if (warnings.next()) {
                        throw new SQLException("LOAD DATA warned: " + warnings.getString(3));
                    }
                }
            }
            c.commit();
            return rows;
        }
    }

    /** Renders rows as MariaDB's LOAD DATA text, a buffer of rows at a time. */
    private static final class TsvStream extends InputStream {
        private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
        private final RawReader reader;
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1 << 17);
        private byte[] bytes = new byte[0];
        private int position;
        private boolean ended;

        TsvStream(RawReader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (position == bytes.length && !fill()) {
                return -1;
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            buffer.reset();
            while (!ended && buffer.size() < 1 << 16) {
                ItemRow row = reader.next();
                if (row == null) {
                    ended = true;
                    break;
                }
                ascii(Long.toString(row.id()));
                buffer.write('\t');
                ascii(row.uid());
                buffer.write('\t');
                escaped(row.name().getBytes(StandardCharsets.UTF_8));
                buffer.write('\t');
                ascii(row.amount());
                buffer.write('\t');
                ascii(row.created());
                buffer.write('\t');
                buffer.write(row.active() ? '1' : '0');
                buffer.write('\t');
                for (byte b : row.payload()) {
                    buffer.write(HEX[(b >> 4) & 0xf]);
                    buffer.write(HEX[b & 0xf]);
                }
                buffer.write('\t');
                if (row.note() == null) {
                    buffer.write('\\');
                    buffer.write('N');
                } else {
                    escaped(row.note().getBytes(StandardCharsets.UTF_8));
                }
                buffer.write('\n');
            }
            bytes = buffer.toByteArray();
            position = 0;
            return bytes.length > 0;
        }

        private void ascii(String text) {
            for (int i = 0; i < text.length(); i++) {
                buffer.write(text.charAt(i));
            }
        }

        private void escaped(byte[] value) {
            for (byte b : value) {
                switch (b) {
                    case 0 -> {
                        buffer.write('\\');
                        buffer.write('0');
                    }
                    case '\t' -> {
                        buffer.write('\\');
                        buffer.write('t');
                    }
                    case '\n' -> {
                        buffer.write('\\');
                        buffer.write('n');
                    }
                    case '\\' -> {
                        buffer.write('\\');
                        buffer.write('\\');
                    }
                    default -> buffer.write(b);
                }
            }
        }
    }

    /** ZIP → Jackson → batched {@code INSERT} of 1000 rows, one transaction. */
    static long insert(DataSource dataSource, Path archive, String entry) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long rows;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO item VALUES (?,?,?,?,?,?,?,?)")) {
                int[] pending = {0};
                rows = read(archive, entry, row -> {
                    ps.setLong(1, row.id());
                    ps.setObject(2, UUID.fromString(row.uid()));
                    ps.setString(3, row.name());
                    ps.setBigDecimal(4, new BigDecimal(row.amount()));
                    ps.setObject(5, OffsetDateTime.parse(row.created()));
                    ps.setBoolean(6, row.active());
                    ps.setBytes(7, row.payload());
                    ps.setString(8, row.note());
                    ps.addBatch();
                    if (++pending[0] == 1000) {
                        ps.executeBatch();
                        pending[0] = 0;
                    }
                });
                ps.executeBatch();
            }
            c.commit();
            return rows;
        }
    }

    /** ZIP → Jackson → PostgreSQL {@code COPY ... FROM STDIN} in text format, one transaction. */
    static long copy(DataSource dataSource, Path archive, String entry) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY item FROM STDIN");
            long rows;
            try (Writer out = new CopyWriter(copy)) {
                rows = read(archive, entry, row -> {
                    out.write(Long.toString(row.id()));
                    out.write('\t');
                    out.write(row.uid());
                    out.write('\t');
                    text(out, row.name());
                    out.write('\t');
                    out.write(row.amount());
                    out.write('\t');
                    out.write(row.created());
                    out.write('\t');
                    out.write(row.active() ? 't' : 'f');
                    out.write("\t\\\\x");
                    out.write(HexFormat.of().formatHex(row.payload()));
                    out.write('\t');
                    if (row.note() == null) {
                        out.write("\\N");
                    } else {
                        text(out, row.note());
                    }
                    out.write('\n');
                });
            }
            c.commit();
            return rows;
        }
    }

    private static void text(Writer out, String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(ch);
            }
        }
    }

    /** Buffers text and hands it to a COPY in 64 KiB pieces. */
    private static final class CopyWriter extends Writer {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(1 << 16);

        CopyWriter(CopyIn copy) {
            this.copy = copy;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            buffer.append(chars, off, len);
            if (buffer.length() >= 1 << 16) {
                flush();
            }
        }

        @Override
        public void write(int c) throws IOException {
            buffer.append((char) c);
            if (buffer.length() >= 1 << 16) {
                flush();
            }
        }

        @Override
        public void write(String s) throws IOException {
            buffer.append(s);
            if (buffer.length() >= 1 << 16) {
                flush();
            }
        }

        @Override
        public void flush() throws IOException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
