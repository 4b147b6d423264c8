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

    /** {@code SELECT *} → JSON Lines → ZIP at the given deflate level. */
    static long export(DataSource dataSource, Path archive, int level) throws SQLException, IOException {
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
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
                        g.writeStringField("uid", rs.getObject(2, UUID.class).toString());
                        g.writeStringField("name", rs.getString(3));
                        g.writeStringField("amount", rs.getBigDecimal(4).toPlainString());
                        g.writeStringField("created", rs.getObject(5, OffsetDateTime.class).toString());
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
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            try (InputStream in = zip.getInputStream(entry); JsonParser p = JSON.createParser(in)) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
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
                    sink.accept(new ItemRow(id, uid, name, amount, created, active, payload, note));
                    rows++;
                }
            }
        }
        return rows;
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
