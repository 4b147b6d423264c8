package dev.portability.jdbc.internal;

import dev.portability.api.GeneratorPosition;
import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import dev.portability.api.spi.Access;
import dev.portability.jdbc.JdbcDialect;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL 15 and later. */
final class PostgresDialect extends Dialect {

    /** Most bind parameters one statement may carry through the driver. */
    private static final int MAX_PARAMETERS = 32_767;

    /** Most rows in one multi-row INSERT. */
    private static final int MAX_ROWS_PER_INSERT = 128;

    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'(?:::regclass)?\\)");

    /** numeric as text: NaN and infinities (which PostgreSQL allows) have no BigDecimal. */
    private static final Codec NUMERIC = new Codec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            String text = rs.getString(index);
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new BadValueException("numeric " + text + " cannot be carried: DECIMAL holds finite numbers "
                        + "only (PostgreSQL numeric allows NaN and infinity)");
            }
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            Codecs.DECIMAL.bind(ps, index, value);
        }
    };

    /** bit(1) as BOOLEAN: read as '1'/'0', bound as text the server converts. */
    private static final Codec BIT1 = Codecs.untyped(new Codec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            String text = rs.getString(index);
            return text == null ? null : text.equals("1");
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) {
            throw new UnsupportedOperationException();
        }
    }, value -> (Boolean) value ? "1" : "0");

    /** text, varchar, char and name: PostgreSQL cannot store U+0000 in text. */
    private static final Codec TEXT = withoutNul(Codecs.TEXT, false);

    /** json and enums: text bound with an unspecified type, so the server converts it to the column's. */
    private static final Codec UNTYPED_TEXT = withoutNul(Codecs.untyped(Codecs.TEXT, String.class::cast), false);

    /** jsonb: like {@link #UNTYPED_TEXT}, and jsonb cannot hold the escape <code>&#92;u0000</code> either. */
    private static final Codec JSONB = withoutNul(Codecs.untyped(Codecs.TEXT, String.class::cast), true);

    /** The first bytes of SHA-256 of this and a schema name make the key of the schema's import lock. */
    private static final String IMPORT_LOCK_PREFIX = "dev.portability.import:";

    @Override
    public JdbcDialect kind() {
        return JdbcDialect.POSTGRESQL;
    }

    @Override
    public Hints hints(Connection connection, String catalog, String schema) throws SQLException {
        Set<String> partitions = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.relname FROM pg_catalog.pg_class c "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relispartition")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    partitions.add(rs.getString(1));
                }
            }
        }
        Set<String> enums = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT typname FROM pg_catalog.pg_type WHERE typtype = 'e'")) {
            while (rs.next()) {
                enums.add(rs.getString(1));
            }
        }
        Set<String> always = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT table_name, column_name FROM "
                + "information_schema.columns WHERE table_schema = ? AND identity_generation = 'ALWAYS'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    always.add(Hints.key(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return new Hints(partitions, enums, always, Set.of());
    }

    @Override
    public Mapping map(ColumnInfo column, Hints hints) {
        String name = column.typeName() == null ? "" : column.typeName();
        if (column.sqlType() == Types.ARRAY && name.startsWith("_")) {
            Mapping element = scalar(name.substring(1), column.size(), column.scale(), hints);
            if (element == null) {
                return null;
            }
            Kind kind = element.type().kind();
            boolean jsonb = name.equalsIgnoreCase("_jsonb");
            return new Mapping(LogicalType.array(element.type()), new Codec() {
                @Override
                public Object read(ResultSet rs, int index) throws SQLException {
                    return Codecs.readArray(rs, index, element.codec());
                }

                @Override
                public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                    if (value == null) {
                        ps.setNull(index, Types.OTHER);
                        return;
                    }
                    List<?> values = (List<?>) value;
                    if (kind == Kind.TEXT || kind == Kind.JSON) {
                        for (int i = 0; i < values.size(); i++) {
                            if (values.get(i) instanceof String text) {
                                checkNul(text, jsonb, " (array element " + (i + 1) + ")");
                            }
                        }
                    }
                    ps.setObject(index, arrayLiteral(values, kind), Types.OTHER);
                }
            });
        }
        return scalar(name, column.size(), column.scale(), hints);
    }

    private static Mapping scalar(String typeName, int size, int scale, Hints hints) {
        String name = typeName.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "int2", "int4", "int8", "smallserial", "serial", "bigserial", "oid" ->
                    new Mapping(LogicalType.integer(), Codecs.LONG);
            case "numeric" -> new Mapping(numeric(size, scale), NUMERIC);
            case "float4" -> new Mapping(LogicalType.float64(), Codecs.FLOAT32);
            case "float8" -> new Mapping(LogicalType.float64(), Codecs.DOUBLE);
            case "bpchar", "varchar" -> new Mapping(size > 0 && size < Integer.MAX_VALUE
                    ? LogicalType.text(size) : LogicalType.text(), TEXT);
            case "text", "name" -> new Mapping(LogicalType.text(), TEXT);
            case "bytea" -> new Mapping(LogicalType.binary(), Codecs.BYTES);
            case "bool" -> new Mapping(LogicalType.bool(), Codecs.BOOLEAN);
            case "bit" -> size == 1 ? new Mapping(LogicalType.bool(), BIT1) : null;
            case "date" -> new Mapping(LogicalType.date(), Codecs.DATE);
            case "time" -> new Mapping(LogicalType.time(), Codecs.TIME);
            case "timestamp" -> new Mapping(LogicalType.timestamp(), Codecs.TIMESTAMP);
            case "timestamptz" -> new Mapping(LogicalType.timestampTz(), Codecs.TIMESTAMP_TZ);
            case "uuid" -> new Mapping(LogicalType.uuid(), Codecs.UUID_OBJECT);
            case "json" -> new Mapping(LogicalType.json(), UNTYPED_TEXT);
            case "jsonb" -> new Mapping(LogicalType.json(), JSONB);
            default -> hints.enumTypes().contains(unqualified(typeName))
                    ? new Mapping(LogicalType.text(), UNTYPED_TEXT) : null;
        };
    }

    /**
     * The DECIMAL of a numeric column. The driver reports the typmod's scale as an unsigned 11-bit number, so a
     * negative scale (PostgreSQL 15) arrives as 2048 minus its magnitude.
     */
    private static LogicalType numeric(int precision, int rawScale) {
        int scale = rawScale >= 1024 ? rawScale - 2048 : rawScale;
        if (precision < 1 || precision > LogicalType.MAX_DECIMAL_PRECISION || scale > precision) {
            return LogicalType.decimal(); // unconstrained, or a scale above the precision (numeric(3,5))
        }
        return LogicalType.decimal(precision, scale);
    }

    /**
     * Refuses text PostgreSQL cannot store before it reaches the driver: U+0000 in any text, and the JSON escape
     * <code>&#92;u0000</code> in jsonb. Scanning a string is cheap next to sending it.
     */
    private static Codec withoutNul(Codec codec, boolean jsonb) {
        return new Codec() {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return codec.read(rs, index);
            }

            @Override
            public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                if (value instanceof String text) {
                    checkNul(text, jsonb, "");
                }
                codec.bind(ps, index, value);
            }

            @Override
            public String select(String quotedColumn) {
                return codec.select(quotedColumn);
            }

            @Override
            public String parameter() {
                return codec.parameter();
            }
        };
    }

    private static void checkNul(String text, boolean jsonb, String where) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new BadValueException("the text" + where + " contains the character U+0000 (NUL) at position "
                    + (nul + 1) + ", which PostgreSQL cannot store in text, varchar, char, json or jsonb; remove it "
                    + "from the archive (or store such values in a bytea column)");
        }
        if (jsonb) {
            int escape = nulEscape(text);
            if (escape >= 0) {
                throw new BadValueException("the JSON" + where + " contains the escape \\u0000 at position "
                        + (escape + 1) + ", which PostgreSQL cannot store in jsonb; remove it from the archive "
                        + "(or use a json column, which keeps it)");
            }
        }
    }

    /** The index of a JSON escape <code>&#92;u0000</code> in JSON text (not "&#92;&#92;u0000"), or -1. */
    static int nulEscape(String json) {
        int from = 0;
        int found;
        while ((found = json.indexOf("\\u0000", from)) >= 0) {
            int backslashes = 0;
            for (int i = found; i >= 0 && json.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                return found;
            }
            from = found + 1;
        }
        return -1;
    }

    /** The type name without a schema and quotes: the driver writes other schemas' types as {@code "s"."t"}. */
    private static String unqualified(String typeName) {
        String name = typeName;
        int dot = name.lastIndexOf("\".\"");
        if (dot >= 0) {
            name = name.substring(dot + 2);
        }
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }

    @Override
    public BulkLoad bulkLoad(Connection connection, String table, List<JdbcColumn> columns) throws SQLException {
        StringBuilder names = new StringBuilder();
        for (JdbcColumn column : columns) {
            names.append(names.length() == 0 ? "" : ", ").append(quote(column.sqlName()));
        }
        PostgresBinaryCopy binary = PostgresBinaryCopy.of(columns, BIT1);
        PostgresCopy copy = PostgresCopy.open(connection, "COPY " + table + " (" + names + ") FROM STDIN"
                + (binary != null ? " (FORMAT binary)" : ""));
        if (copy == null) {
            return null;
        }
        Kind[] kinds = new Kind[columns.size()];
        boolean[] bits = new boolean[columns.size()];
        for (int i = 0; i < kinds.length; i++) {
            LogicalType type = columns.get(i).column().type();
            kinds[i] = type.kind() == Kind.ARRAY ? type.elementType().orElseThrow().kind() : type.kind();
            bits[i] = columns.get(i).codec() == BIT1;
        }
        boolean[] arrays = new boolean[columns.size()];
        boolean[] jsonb = new boolean[columns.size()];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = columns.get(i).column().type().kind() == Kind.ARRAY;
            String typeName = columns.get(i).typeName();
            jsonb[i] = typeName != null && typeName.replaceFirst("^_", "").equalsIgnoreCase("jsonb");
        }
        if (binary != null) {
            copy.binary().writeBytes(PostgresBinaryCopy.HEADER);
            return new BulkLoad() {
                @Override
                public void add(Object[] values) throws SQLException {
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] != null) {
                            try {
                                refuseNul(values[i], jsonb[i]);
                            } catch (BadValueException e) {
                                throw new BadValueException(e.getMessage(), i);
                            }
                        }
                    }
                    binary.row(copy.binary(), values);
                    copy.flushIfFull();
                }

                @Override
                public void finish() throws SQLException {
                    copy.binary().write(0xff); // the trailer: a field count of -1
                    copy.binary().write(0xff);
                    copy.finish();
                }

                @Override
                public void close() {
                    copy.close();
                }
            };
        }
        return new BulkLoad() {
            @Override
            public void add(Object[] values) throws SQLException {
                StringBuilder out = copy.buffer();
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        out.append('\t');
                    }
                    Object value = values[i];
                    if (value == null) {
                        out.append("\\N");
                        continue;
                    }
                    try {
                        refuseNul(value, jsonb[i]);
                    } catch (BadValueException e) {
                        throw new BadValueException(e.getMessage(), i);
                    }
                    String text = bits[i] ? ((Boolean) value ? "1" : "0")
                            : arrays[i] ? arrayLiteral((List<?>) value, kinds[i]) : element(value, kinds[i]);
                    copyEscape(out, text);
                }
                out.append('\n');
                copy.flushIfFull();
            }

            @Override
            public void finish() throws SQLException {
                copy.finish();
            }

            @Override
            public void close() {
                copy.close();
            }
        };
    }

    /** The checks {@link #withoutNul} makes when binding, for values that travel by COPY. */
    private static void refuseNul(Object value, boolean jsonb) {
        if (value instanceof String text) {
            checkNul(text, jsonb, "");
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String text) {
                    checkNul(text, jsonb, " (array element " + (i + 1) + ")");
                }
            }
        }
    }

    /** Appends a field of COPY's text format: backslash, tab, line feed and carriage return escaped. */
    private static void copyEscape(StringBuilder out, String text) {
        int n = text.length();
        int plain = 0;
        while (plain < n) {
            char ch = text.charAt(plain);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                break;
            }
            plain++;
        }
        out.append(text, 0, plain);
        for (int i = plain; i < n; i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    /**
     * An array's input text, e.g. {@code {"1",NULL,"3"}}: every element quoted and escaped, so no value can end
     * the literal early; the server converts the text to the column's type.
     *
     * @param values the elements
     * @param kind the element kind
     * @return the literal
     */
    static String arrayLiteral(List<?> values, Kind kind) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values.get(i);
            if (value == null) {
                out.append("NULL");
                continue;
            }
            String text = element(value, kind);
            out.append('"');
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    private static String element(Object value, Kind kind) {
        return switch (kind) {
            case BOOLEAN -> (Boolean) value ? "t" : "f";
            case DECIMAL -> ((BigDecimal) value).toString();
            case DOUBLE -> {
                double d = (Double) value;
                yield Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                        : Double.toString(d);
            }
            case BINARY -> "\\x" + HexFormat.of().formatHex((byte[]) value);
            case DATE -> value.equals(LocalDate.MAX) ? "infinity" : value.equals(LocalDate.MIN) ? "-infinity"
                    : date((LocalDate) value) + era((LocalDate) value);
            case TIME -> value.equals(LocalTime.MAX) ? "24:00:00" : value.toString();
            case TIMESTAMP -> {
                LocalDateTime t = (LocalDateTime) value;
                yield t.equals(LocalDateTime.MAX) ? "infinity" : t.equals(LocalDateTime.MIN) ? "-infinity"
                        : date(t.toLocalDate()) + " " + t.toLocalTime() + era(t.toLocalDate());
            }
            case TIMESTAMP_TZ -> {
                OffsetDateTime t = (OffsetDateTime) value;
                yield t.equals(OffsetDateTime.MAX) ? "infinity" : t.equals(OffsetDateTime.MIN) ? "-infinity"
                        : date(t.toLocalDate()) + " " + t.toLocalTime() + Codecs.offsetText(t.getOffset())
                                + era(t.toLocalDate());
            }
            default -> value.toString(); // INTEGER, TEXT, JSON, UUID
        };
    }

    /** A date in PostgreSQL's input form: years before 1 AD count backwards with a {@code BC} suffix. */
    private static String date(LocalDate date) {
        int year = date.getYear() <= 0 ? 1 - date.getYear() : date.getYear();
        StringBuilder out = new StringBuilder(10);
        String digits = Integer.toString(year);
        for (int i = digits.length(); i < 4; i++) {
            out.append('0');
        }
        out.append(digits).append('-');
        if (date.getMonthValue() < 10) {
            out.append('0');
        }
        out.append(date.getMonthValue()).append('-');
        if (date.getDayOfMonth() < 10) {
            out.append('0');
        }
        return out.append(date.getDayOfMonth()).toString();
    }

    private static String era(LocalDate date) {
        return date.getYear() <= 0 ? " BC" : "";
    }

    /**
     * Imports run READ COMMITTED: every statement sees what was committed before it started, so an import that
     * waited for the import lock sees the result of the import it waited for (a REPEATABLE READ snapshot would be
     * taken before the wait, by the statement that takes the lock).
     */
    @Override
    public int writeIsolation(int hostIsolation) {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    /** Bounds lock waits with {@code SET LOCAL lock_timeout}, which ends with the transaction. */
    @Override
    public void beginTransaction(Connection connection, Access access, Duration lockTimeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
        }
    }

    /**
     * Takes a transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) whose key is derived from the schema
     * name; the wait is bounded by the transaction's {@code lock_timeout}, and the lock ends with the transaction.
     */
    @Override
    public ImportLock lockImports(Connection connection, String schema, Duration timeout) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, importLockKey(schema));
            ps.executeQuery().close();
            return ImportLock.TRANSACTIONAL;
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                return null; // lock_not_available: lock_timeout ran out
            }
            throw e;
        }
    }

    /**
     * @param schema a schema name
     * @return the advisory lock key of imports into it
     */
    static long importLockKey(String schema) {
        return ByteBuffer.wrap(sha256(IMPORT_LOCK_PREFIX + schema)).getLong();
    }

    /**
     * Defers every deferrable constraint to commit, so that rows of a foreign-key cycle can arrive in any order.
     * Constraints not declared DEFERRABLE are unaffected; the setting ends with the transaction.
     */
    @Override
    public void beginWrite(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET CONSTRAINTS ALL DEFERRED");
        }
    }

    /**
     * Text is compared byte by byte under a deterministic collation (the default), so most keys compare by value.
     * Not so: {@code char(n)} ({@code bpchar}), which ignores trailing blanks (collation key {@code rtrim}),
     * {@code citext}, which compares {@code lower()} of both sides (collation key {@code lower}), and a column
     * with a nondeterministic ICU collation, for which PostgreSQL has no collation key function. Parameters are
     * cast to the column's type, so that the comparison is the column's.
     */
    @Override
    public KeyComparison keyComparison(Connection connection, JdbcTable table) throws SQLException {
        List<String> parameters = new java.util.ArrayList<>();
        List<String> collationKeys = new java.util.ArrayList<>();
        boolean byValue = true;
        for (String key : table.schema().primaryKey()) {
            JdbcColumn column = table.columns().get(table.schema().indexOf(key));
            try (PreparedStatement ps = connection.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod), "
                    + "coalesce(b.typname, t.typname), coalesce(co.collisdeterministic, true) "
                    + "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                    + "LEFT JOIN pg_catalog.pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype "
                    + "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
                    + "WHERE a.attrelid = CAST(? AS regclass) AND a.attname = ?")) {
                ps.setString(1, table.qualifiedName());
                ps.setString(2, column.sqlName());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return KeyComparison.BY_VALUE;
                    }
                    String type = rs.getString(1);
                    String base = rs.getString(2);
                    boolean deterministic = rs.getBoolean(3);
                    parameters.add("CAST(? AS " + type + ")");
                    if (!deterministic) {
                        byValue = false;
                        collationKeys.add(null);
                    } else if ("bpchar".equals(base)) {
                        byValue = false;
                        collationKeys.add("rtrim(CAST(? AS text))");
                    } else if ("citext".equals(base)) {
                        byValue = false;
                        collationKeys.add("lower(CAST(? AS text))");
                    } else {
                        collationKeys.add(null);
                    }
                }
            }
        }
        return byValue ? KeyComparison.BY_VALUE : new KeyComparison(false, parameters, collationKeys);
    }

    /** A {@code VALUES} list of the keys, joined to the table (an index lookup per key). */
    @Override
    public String existingKeysQuery(String table, List<String> keyColumns, List<String> parameters, int keys) {
        StringBuilder sql = new StringBuilder("SELECT v.i FROM (VALUES ");
        for (int i = 0; i < keys; i++) {
            sql.append(i == 0 ? "(" : ", (").append(i);
            for (String parameter : parameters) {
                sql.append(", ").append(parameter);
            }
            sql.append(')');
        }
        sql.append(") AS v(i");
        for (int c = 0; c < parameters.size(); c++) {
            sql.append(", k").append(c);
        }
        return sql.append(')').append(keyJoin(table, keyColumns)).toString();
    }

    @Override
    public int rowsPerInsert(int columns) {
        return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / Math.max(1, columns)));
    }

    /**
     * Moves the column's sequence (identity or serial, found with {@code pg_get_serial_sequence}, or named by a
     * {@code nextval(...)} default) with {@code setval}. Sequences are not transactional in PostgreSQL: the move
     * stays if the import rolls back, which is harmless because it only ever moves forward.
     */
    @Override
    public void advanceIdentity(Connection connection, JdbcTable table, JdbcColumn column) throws SQLException {
        String sequence = sequenceOf(connection, table, column);
        if (sequence == null) {
            return;
        }
        long[] position = position(connection, sequence);
        if (position == null) {
            return;
        }
        long increment = position[0];
        long next = position[1];
        Long extreme = table.extreme(connection, column, increment > 0);
        if (extreme == null || (increment > 0 ? extreme < next : extreme > next)) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT setval(CAST(? AS regclass), ?, true)")) {
            ps.setString(1, sequence);
            ps.setLong(2, extreme);
            ps.executeQuery().close();
        }
    }

    /**
     * The sequence that feeds a column: an identity's or a serial's ({@code pg_get_serial_sequence}), or the one a
     * {@code nextval(...)} default names.
     */
    private static String sequenceOf(Connection connection, JdbcTable table, JdbcColumn column) throws SQLException {
        String sequence = null;
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
            ps.setString(1, table.qualifiedName());
            ps.setString(2, column.sqlName());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    sequence = rs.getString(1);
                }
            }
        }
        if (sequence == null && column.defaultValue() != null) {
            Matcher m = NEXTVAL.matcher(column.defaultValue().trim());
            if (m.matches()) {
                sequence = m.group(1).replace("''", "'");
            }
        }
        return sequence;
    }

    /** The increment and the next value {@code nextval} would return, or null if the sequence is not found. */
    private static long[] position(Connection connection, String sequence) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT s.seqincrement, s.seqstart, "
                + "pg_sequence_last_value(s.seqrelid) FROM pg_catalog.pg_sequence s "
                + "WHERE s.seqrelid = CAST(? AS regclass)")) {
            ps.setString(1, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long increment = rs.getLong(1);
                long start = rs.getLong(2);
                long last = rs.getLong(3);
                return new long[] {increment, rs.wasNull() ? start : last + increment};
            }
        }
    }

    /** The identity columns, serials and columns whose default is {@code nextval(...)}: their sequences. */
    @Override
    public List<GeneratorPosition> generators(Connection connection, JdbcTable table) throws SQLException {
        List<GeneratorPosition> positions = new java.util.ArrayList<>();
        for (JdbcColumn column : table.columns()) {
            if (!column.identity() || column.column().type().kind() != Kind.INTEGER) {
                continue;
            }
            String sequence = sequenceOf(connection, table, column);
            long[] position = sequence == null ? null : position(connection, sequence);
            if (position != null) {
                positions.add(new GeneratorPosition(table.schema().name(), column.column().name(), position[0] > 0,
                        position[1]));
            }
        }
        return positions;
    }

    /**
     * {@code setval(sequence, next, false)} where the archive's position is further than the sequence's, inside
     * the import's transaction: PostgreSQL never rolls a sequence back, which is harmless because it only moves
     * forward. A sequence that also feeds tables outside the import only moves forward too.
     */
    @Override
    public void advanceGenerators(Connection connection, JdbcTable table, List<GeneratorPosition> archived,
            boolean committed) throws SQLException {
        if (committed) {
            return;
        }
        for (GeneratorPosition archive : archived) {
            JdbcColumn column = table.column(archive.column());
            if (column == null || !column.identity() || column.column().type().kind() != Kind.INTEGER) {
                continue;
            }
            String sequence = sequenceOf(connection, table, column);
            long[] position = sequence == null ? null : position(connection, sequence);
            if (position == null) {
                continue;
            }
            long target = GeneratorPosition.further(position[0] > 0, position[1], archive.next());
            if (target != position[1]) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT setval(CAST(? AS regclass), ?, false)")) {
                    ps.setString(1, sequence);
                    ps.setLong(2, target);
                    ps.executeQuery().close();
                }
            }
        }
    }
}
