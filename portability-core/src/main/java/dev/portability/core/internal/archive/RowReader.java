package dev.portability.core.internal.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.portability.api.Column;
import dev.portability.api.ErrorCode;
import dev.portability.api.Problem;
import dev.portability.api.TableSchema;
import dev.portability.core.internal.json.Json;
import dev.portability.core.internal.json.ValueCodec;
import dev.portability.core.internal.json.ValueException;
import dev.portability.core.internal.validation.Problems;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON Lines entry of one table, row by row, checking every value against the type the manifest
 * declares. Row {@code n} must be line {@code n}, one JSON object holding exactly the declared columns.
 * Problems of a single row are collected ({@link #problems()}) and reading goes on; JSON that cannot be parsed
 * any further ends the entry with a {@link MalformedEntryException}.
 */
public final class RowReader implements Closeable {

    private static final Object MISSING = new Object();

    private final TableSchema schema;
    private final EntryStream in;
    private final JsonParser parser;
    private final SerializedString[] names;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final ValueCodec[] codecs;
    private final boolean[] nullable;
    private final Object[] values;
    private final String entry;
    private final List<Problem> problems = new ArrayList<>();
    private final long maxRows;
    private long row;
    /** The column whose value is being read, or -1. */
    private int reading = -1;

    /**
     * @param entry the entry\'s name, for problems
     * @param schema the table as the manifest declares it
     * @param in the entry's bytes
     * @param factory the parser factory (carries the limits)
     * @param maxRows the most rows the entry may hold
     * @param formatVersion the archive's format version, which fixes the value encodings
     * @throws IOException if the parser cannot be created
     */
    public RowReader(String entry, TableSchema schema, EntryStream in, JsonFactory factory, long maxRows,
            int formatVersion) throws IOException {
        this.entry = entry;
        this.schema = schema;
        this.maxRows = maxRows;
        this.in = in;
        this.parser = factory.createParser(in);
        List<Column> columns = schema.columns();
        int n = columns.size();
        this.names = new SerializedString[n];
        this.codecs = new ValueCodec[n];
        this.nullable = new boolean[n];
        this.values = new Object[n];
        for (int i = 0; i < n; i++) {
            Column column = columns.get(i);
            names[i] = new SerializedString(column.name());
            indexByName.put(column.name(), i);
            codecs[i] = ValueCodec.of(column, formatVersion);
            nullable[i] = column.nullable();
        }
    }

    /** @return the table as the manifest declares it */
    public TableSchema schema() {
        return schema;
    }

    /**
     * Reads the next row.
     *
     * @return false at the end of the entry
     * @throws MalformedEntryException if the entry's JSON cannot be read any further
     * @throws IOException if reading the archive fails
     */
    public boolean next() throws IOException, MalformedEntryException {
        problems.clear();
        JsonToken token;
        try {
            token = parser.nextToken();
        } catch (IOException e) {
            throw malformed(row + 1, e);
        }
        if (token == null) {
            return false;
        }
        row++;
        if (row > maxRows) {
            throw new LimitExceededException("table " + schema.name() + " has more than " + maxRows + " rows",
                    "maxRowsPerTable");
        }
        try {
            readRow(token);
        } catch (IOException e) {
            throw malformed(row, e);
        }
        return true;
    }

    private void readRow(JsonToken token) throws IOException, MalformedEntryException {
        long startLine = parser.currentTokenLocation().getLineNr();
        if (startLine != row) {
            throw new MalformedEntryException(Math.min(startLine, row), startLine < row
                    ? "line " + startLine + " holds more than one JSON value; each line must hold exactly one row"
                    : "line " + row + " is empty; each line must hold exactly one row");
        }
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            problem(ErrorCode.MALFORMED_ROW, -1, "the line holds a JSON " + describe(token)
                    + ", not an object");
            return;
        }
        Arrays.fill(values, MISSING);
        int expected = 0;
        while (true) {
            if (expected < names.length) {
                if (parser.nextFieldName(names[expected])) {
                    readValue(expected++);
                    continue;
                }
            } else {
                parser.nextToken();
            }
            if (parser.currentToken() == JsonToken.END_OBJECT) {
                break;
            }
            Integer found = indexByName.get(parser.currentName());
            if (found == null) {
                problem(ErrorCode.MALFORMED_ROW, -1, "the row has a member "
                        + ValueCodec.show(parser.currentName()) + " that the manifest does not declare");
                parser.nextToken();
                parser.skipChildren();
                continue;
            }
            readValue(found);
            expected = found + 1;
        }
        if (parser.currentTokenLocation().getLineNr() != startLine) {
            throw new MalformedEntryException(row, "row " + row + " spans more than one line; each row must be "
                    + "exactly one line");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == MISSING) {
                values[i] = null;
                problem(ErrorCode.MALFORMED_ROW, i, "the row lacks this column (write null for "
                        + "NULL)");
            }
        }
    }

    private void readValue(int index) throws IOException {
        reading = index;
        readValueOf(index);
        reading = -1;
    }

    private void readValueOf(int index) throws IOException {
        if (values[index] != MISSING) {
            problem(ErrorCode.MALFORMED_ROW, index, "the row names this column twice");
            parser.nextToken();
            parser.skipChildren();
            return;
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            values[index] = null;
            if (!nullable[index]) {
                problem(ErrorCode.NULL_NOT_ALLOWED, index, "NULL in a column declared NOT NULL");
            }
            return;
        }
        try {
            values[index] = codecs[index].read(parser);
        } catch (ValueException e) {
            values[index] = null;
            JsonToken current = parser.currentToken();
            if (current == JsonToken.START_OBJECT || current == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
            problem(ErrorCode.INVALID_VALUE, index, e.getMessage());
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            default -> "null";
        };
    }

    private MalformedEntryException malformed(long line, IOException e) throws IOException {
        if (e instanceof LimitExceededException limit) {
            throw limit; // the entry is larger or more compressed than allowed: a limit, not a malformed row
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException constraint) {
            LimitExceededException limit = LimitExceededException.of(constraint, limitsOf(constraint));
            int column = reading;
            reading = -1;
            if (column >= 0) {
                // a value too large for the limits, refused by its size while the parser reads it, before it is
                // made a value: say which
                Column declared = schema.columns().get(column);
                throw limit.at(line, declared.name(), partialKey(), limit.limit().equals("maxStringLength")
                        ? describeLong(declared, parser.streamReadConstraints().getMaxStringLength()) : null);
            }
            throw limit;
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return new MalformedEntryException(line, "the JSON cannot be read: " + Json.describe(e));
        }
        throw e;
    }

    /** What a string longer than the limit is, for a column's type. */
    private static String describeLong(Column column, int maxStringLength) {
        String kind = column.type().kind().name();
        return switch (column.type().kind()) {
            case BINARY -> "a BINARY value of more than " + String.format(java.util.Locale.ROOT, "%,d",
                    (long) maxStringLength / 4 * 3) + " bytes (its base64 text is longer than " + String.format(
                    java.util.Locale.ROOT, "%,d", maxStringLength) + " characters)";
            case TEXT, JSON, NATIVE -> "a " + kind + " value longer than " + String.format(java.util.Locale.ROOT,
                    "%,d", maxStringLength) + " characters";
            default -> "a JSON string longer than " + String.format(java.util.Locale.ROOT, "%,d", maxStringLength)
                    + " characters in a " + column.type() + " value";
        };
    }

    /** @return the current row's primary key when every key column was read already, else null */
    private Object partialKey() {
        List<String> key = schema.primaryKey();
        if (key.isEmpty()) {
            return null;
        }
        Object[] parts = new Object[key.size()];
        for (int i = 0; i < parts.length; i++) {
            Integer at = indexByName.get(key.get(i));
            if (at == null || values[at] == MISSING || values[at] == null) {
                return null;
            }
            parts[i] = values[at];
        }
        return dev.portability.api.Key.of(parts);
    }

    private dev.portability.api.ArchiveLimits limitsOf(com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
        com.fasterxml.jackson.core.StreamReadConstraints c = parser.streamReadConstraints();
        return dev.portability.api.ArchiveLimits.defaults().withMaxNestingDepth(c.getMaxNestingDepth())
                .withMaxStringLength(c.getMaxStringLength()).withMaxNumberLength(c.getMaxNumberLength());
    }

    /** @return the 1-based number of the current row, which is also its line */
    public long row() {
        return row;
    }

    /** @return the problems of the current row, as the API reports them; empty when it is valid */
    public List<Problem> problems() {
        return problems;
    }

    private void problem(ErrorCode code, int column, String message) {
        problems.add(new Problem(code, message, entry, row, schema.name(),
                column < 0 ? null : schema.columns().get(column).name()));
    }

    /**
     * The values of the current row, in the manifest's column order. Valid only while {@link #issues()} is empty;
     * the array is reused by the next call to {@link #next()}.
     *
     * @return the values
     */
    public Object[] values() {
        return values;
    }

    /**
     * Reads the rest of the entry so that {@link #bytes()} and {@link #sha256()} cover all of it.
     *
     * @throws IOException if reading fails
     */
    public void drain() throws IOException {
        in.drain();
    }

    /** @return the entry bytes read so far */
    public long bytes() {
        return in.count();
    }

    /** @return the SHA-256 of the entry bytes read, lowercase hex; call once, after {@link #drain()} */
    public String sha256() {
        return in.sha256();
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            in.close();
        }
    }


    /** The entry's JSON is broken; nothing after {@link #line()} can be read. */
    public static final class MalformedEntryException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long line;

        MalformedEntryException(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        /** @return the line where reading stopped */
        public long line() {
            return line;
        }
    }
}
