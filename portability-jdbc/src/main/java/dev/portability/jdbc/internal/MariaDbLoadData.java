package dev.portability.jdbc.internal;

import dev.portability.api.NativeValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * MariaDB's (and MySQL's) {@code LOAD DATA LOCAL INFILE}, fed from memory through MariaDB Connector/J's
 * {@code org.mariadb.jdbc.Statement#setLocalInfileInputStream} (reached by reflection: the driver is the host's),
 * used as the insert path of a batch where it is exact.
 *
 * <p>The rows travel as MariaDB's tab-separated text with every option spelled out ({@code CHARACTER SET utf8mb4},
 * fields terminated by tab, not enclosed, escaped by backslash, lines terminated by newline): SQL NULL is
 * {@code \N}; a backslash, tab, newline, carriage return and U+0000 inside a text are escaped ({@code \\},
 * {@code \t}, {@code \n}, {@code \r}, {@code \0}), so the text {@code \N} arrives as {@code \\N} and the text
 * {@code NULL} as itself (the word is NULL only where fields are enclosed). Bytes ({@code BINARY},
 * {@code VARBINARY}, the BLOBs) and {@code BIT} values travel as hexadecimal text into a user variable and are
 * stored with {@code SET column = UNHEX(@variable)}: the bytes as they are, never read through a character set.
 * Numbers, dates and times travel in the text MariaDB reads back exactly (a double's shortest round-trip text,
 * a decimal's plain text, fractional seconds only as far as the value has them).
 *
 * <p>{@code LOCAL} turns what would be errors into warnings (a duplicate key skips the row as {@code IGNORE} would;
 * a value the column converts is stored converted; a failed CHECK skips the row), because the server cannot stop
 * the client's upload. So after each load the session's {@code @@warning_count} must be 0 and the number of rows
 * loaded must be the number sent; otherwise the load fails with the first warning as an {@link SQLException}
 * carrying its code (and the SQLState of that code's class), and the import rolls back: a value is never stored as
 * something else. Columns whose text MariaDB would not read back exactly through {@code LOAD DATA} (spatial types,
 * {@code YEAR(2)}, types not listed) make {@link #fields} return null: that table is inserted with statements.
 */
final class MariaDbLoadData {

    /** How a column's values travel. */
    enum Field {
        /** A text, escaped. */
        TEXT,
        /** A 64-bit integer. */
        INTEGER,
        /** A decimal's plain text. */
        DECIMAL,
        /** A double's shortest round-trip text (FLOAT columns hold only doubles that are exactly floats). */
        DOUBLE,
        /** {@code YEAR}: four digits, {@code 0000} for 0 (the text {@code 0} would be 2000). */
        YEAR,
        /** Bytes as hexadecimal, {@code UNHEX}ed. */
        BYTES,
        /** {@code BIT(1)}: a boolean as the byte {@code 01} or {@code 00}, {@code UNHEX}ed. */
        BIT1,
        /** {@code BIT(n)}: the bits text as the bytes of that number, hexadecimal, {@code UNHEX}ed. */
        BITS,
        /** {@code DATE}: {@code LocalDate} or MariaDB's own native text. */
        DATE,
        /** {@code TIME}: {@code LocalTime} or MariaDB's own native text. */
        TIME,
        /** {@code DATETIME}: {@code LocalDateTime} or MariaDB's own native text. */
        DATETIME,
        /** {@code TIMESTAMP}: an instant, at the session's time zone {@code +00:00}, or the zero TIMESTAMP. */
        TIMESTAMP,
        /** {@code UUID}: its text. */
        UUID,
        /** {@code INET4}, {@code INET6}: the address text. */
        ADDRESS;

        boolean hex() {
            return this == BYTES || this == BIT1 || this == BITS;
        }
    }

    /** The driver's class whose {@code setLocalInfileInputStream} feeds a {@code LOAD DATA LOCAL INFILE}. */
    private static final String DRIVER_CONNECTION = "org.mariadb.jdbc.Connection";
    private static final String DRIVER_STATEMENT = "org.mariadb.jdbc.Statement";

    /** MariaDB's error codes saying that local infile is switched off by the server or the client. */
    private static final int ER_NOT_ALLOWED_COMMAND = 1148;
    private static final int ER_LOAD_INFILE_CAPABILITY_DISABLED = 4166;

    private MariaDbLoadData() {
    }

    /**
     * How each column's values travel, from the column's {@code COLUMN_TYPE} (its native type).
     *
     * @param columns the table's columns
     * @return one field per column, or null when some column's values cannot travel exactly through LOAD DATA
     */
    static Field[] fields(List<JdbcColumn> columns) {
        Field[] fields = new Field[columns.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = field(columns.get(i));
            if (fields[i] == null) {
                return null;
            }
        }
        return fields;
    }

    private static Field field(JdbcColumn column) {
        if (column.column().nativeType() == null || column.column().nativeType().typeName() == null) {
            return null;
        }
        String columnType = column.column().nativeType().typeName().toLowerCase(Locale.ROOT).trim();
        int open = columnType.indexOf('(');
        String base = (open < 0 ? columnType : columnType.substring(0, open)).trim();
        return switch (base) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "bool", "boolean" ->
                    columnType.contains("unsigned") && base.equals("bigint") ? Field.DECIMAL : Field.INTEGER;
            case "year" -> columnType.startsWith("year(2)") ? null : Field.YEAR;
            case "decimal", "dec", "numeric", "fixed" -> Field.DECIMAL;
            case "float", "double", "double precision", "real" -> Field.DOUBLE;
            case "bit" -> columnType.equals("bit(1)") || columnType.equals("bit") ? Field.BIT1 : Field.BITS;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "json", "enum", "set" ->
                    Field.TEXT;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> Field.BYTES;
            case "date" -> Field.DATE;
            case "time" -> Field.TIME;
            case "datetime" -> Field.DATETIME;
            case "timestamp" -> Field.TIMESTAMP;
            case "uuid" -> Field.UUID;
            case "inet4", "inet6" -> Field.ADDRESS;
            default -> null; // spatial types, and anything not listed: statements
        };
    }

    /**
     * The {@code LOAD DATA} statement of a table.
     *
     * @param table the quoted, qualified table name
     * @param columns the columns
     * @param fields how each travels
     * @param dialect quotes the column names
     * @return the statement
     */
    static String statement(String table, List<JdbcColumn> columns, Field[] fields, Dialect dialect) {
        boolean anySet = false;
        for (Field field : fields) {
            anySet |= field.hex();
        }
        StringBuilder targets = new StringBuilder();
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            String column = dialect.quote(columns.get(i).sqlName());
            targets.append(i == 0 ? "" : ", ");
            if (fields[i].hex()) {
                targets.append("@v").append(i);
                set.append(set.length() == 0 ? " SET " : ", ").append(column).append(" = UNHEX(@v").append(i)
                        .append(')');
            } else if (anySet && columns.get(i).identity()) {
                // MariaDB 10.11 renumbers a 0 loaded straight into an AUTO_INCREMENT column when the statement has
                // a SET clause, NO_AUTO_VALUE_ON_ZERO notwithstanding; assigned in the SET clause it stays 0
                targets.append("@v").append(i);
                set.append(set.length() == 0 ? " SET " : ", ").append(column).append(" = @v").append(i);
            } else {
                targets.append(column);
            }
        }
        // the file name is never opened: the driver sends the stream set on the statement instead
        return "LOAD DATA LOCAL INFILE 'portability-import.tsv' INTO TABLE " + table + " CHARACTER SET utf8mb4"
                + " FIELDS TERMINATED BY '\\t' ENCLOSED BY '' ESCAPED BY '\\\\'"
                + " LINES STARTING BY '' TERMINATED BY '\\n' (" + targets + ")" + set;
    }

    /**
     * Starts a load of one batch.
     *
     * @param connection the import's connection, possibly wrapped by a pool
     * @param sql the statement of {@link #statement}
     * @param fields how each column travels
     * @return the load, or null when the connection is not MariaDB Connector/J's
     * @throws SQLException if the driver fails
     */
    static Dialect.BulkLoad open(Connection connection, String sql, Field[] fields) throws SQLException {
        Class<?> driverConnection;
        Class<?> driverStatement;
        try {
            ClassLoader loader = connection.getClass().getClassLoader();
            driverConnection = Class.forName(DRIVER_CONNECTION, false, loader);
            driverStatement = Class.forName(DRIVER_STATEMENT, false, driverConnection.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (!connection.isWrapperFor(driverConnection)) {
            return null;
        }
        Method setStream;
        try {
            setStream = driverStatement.getMethod("setLocalInfileInputStream", InputStream.class);
        } catch (NoSuchMethodException e) {
            return null; // a driver before 3.0.7
        }
        Connection driver = (Connection) connection.unwrap(driverConnection);
        return new Load(driver, sql, fields, setStream);
    }

    /** Thrown by {@link Dialect.BulkLoad#finish} when the server or the driver does not allow local infile. */
    static final class Unavailable extends Dialect.BulkLoadUnavailable {
        private static final long serialVersionUID = 1L;

        Unavailable(SQLException cause) {
            super("LOAD DATA LOCAL INFILE is not allowed on this connection: " + cause.getMessage(), cause);
        }
    }

    /** One batch: rows are encoded as they are added, and sent by {@link #finish}. */
    private static final class Load implements Dialect.BulkLoad {
        private final Connection connection;
        private final String sql;
        private final Field[] fields;
        private final Method setStream;
        private final Buffer out = new Buffer(1 << 16);
        private long rows;

        Load(Connection connection, String sql, Field[] fields, Method setStream) {
            this.connection = connection;
            this.sql = sql;
            this.fields = fields;
            this.setStream = setStream;
        }

        @Override
        public void add(Object[] values) {
            int mark = out.size();
            try {
                for (int i = 0; i < fields.length; i++) {
                    if (i > 0) {
                        out.write('\t');
                    }
                    Object value = values[i];
                    if (value == null) {
                        out.write('\\');
                        out.write('N');
                    } else {
                        encode(fields[i], value, i);
                    }
                }
                out.write('\n');
                rows++;
            } catch (BadValueException e) {
                out.truncate(mark);
                throw e;
            }
        }

        private void encode(Field field, Object value, int column) {
            try {
                switch (field) {
                    case TEXT, ADDRESS -> text(textOf(value));
                    case INTEGER -> ascii(Long.toString((Long) value));
                    case DECIMAL -> ascii(((BigDecimal) value).toPlainString());
                    case DOUBLE -> {
                        double d = (Double) value;
                        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0 && 1 / d < 0) {
                            throw new BadValueException(d + " cannot be stored: MariaDB holds finite numbers only, "
                                    + "and -0.0 as 0", column);
                        }
                        ascii(Double.toString(d));
                    }
                    case YEAR -> {
                        long year = (Long) value;
                        ascii(year >= 0 && year < 1000 ? String.format(Locale.ROOT, "%04d", year)
                                : Long.toString(year));
                    }
                    case BYTES -> hex((byte[]) value);
                    case BIT1 -> ascii((Boolean) value ? "01" : "00");
                    case BITS -> hex(bitBytes((String) value, column));
                    case DATE -> ascii(value instanceof LocalDate date ? date.toString() : nativeText(value));
                    case TIME -> ascii(value instanceof LocalTime time ? time(time) : nativeText(value));
                    case DATETIME -> ascii(value instanceof LocalDateTime dateTime ? dateTime(dateTime)
                            : nativeText(value));
                    case TIMESTAMP -> ascii(value instanceof OffsetDateTime instant
                            ? dateTime(instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime())
                            : nativeText(value));
                    case UUID -> ascii(((UUID) value).toString());
                    default -> throw new IllegalStateException(field.toString());
                }
            } catch (ClassCastException e) {
                throw new BadValueException("a " + value.getClass().getSimpleName() + " value cannot be loaded "
                        + "into this column", column);
            } catch (BadValueException e) {
                throw e.column() < 0 ? new BadValueException(e.getMessage(), column) : e;
            }
        }

        private static String textOf(Object value) {
            return (String) value;
        }

        private static String nativeText(Object value) {
            if (value instanceof NativeValue nativeValue && MariaDbCodecs.ENGINE.equals(nativeValue.engine())) {
                return nativeValue.text(); // its shape was checked by the codec's refusal before it was added
            }
            throw new BadValueException("the value " + value + " has no MariaDB form");
        }

        private static byte[] bitBytes(String text, int column) {
            if (text.isEmpty() || !text.chars().allMatch(c -> c == '0' || c == '1')) {
                throw new BadValueException("'" + Codecs.ValueText.cut(text) + "' is not a BIT value", column);
            }
            byte[] number = new BigInteger(text, 2).toByteArray();
            byte[] bytes = new byte[(text.length() + 7) / 8];
            int copied = Math.min(number.length, bytes.length);
            System.arraycopy(number, number.length - copied, bytes, bytes.length - copied, copied);
            return bytes;
        }

        /** {@code HH:mm:ss}, then a fraction only as long as the value has digits (never more than the column's). */
        private static String time(LocalTime time) {
            StringBuilder text = new StringBuilder(15);
            two(text, time.getHour()).append(':');
            two(text, time.getMinute()).append(':');
            two(text, time.getSecond());
            return fraction(text, time.getNano()).toString();
        }

        private static String dateTime(LocalDateTime dateTime) {
            int year = dateTime.getYear();
            if (year < 0 || year > 9999) {
                throw new BadValueException("the year " + year + " is outside MariaDB's 0000 to 9999");
            }
            StringBuilder text = new StringBuilder(26);
            text.append(String.format(Locale.ROOT, "%04d", year)).append('-');
            two(text, dateTime.getMonthValue()).append('-');
            two(text, dateTime.getDayOfMonth()).append(' ');
            return text.append(time(dateTime.toLocalTime())).toString();
        }

        private static StringBuilder two(StringBuilder out, int value) {
            return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }

        private static StringBuilder fraction(StringBuilder out, int nanos) {
            if (nanos == 0) {
                return out;
            }
            String digits = String.format(Locale.ROOT, "%09d", nanos);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            return out.append('.').append(digits, 0, end);
        }

        private void ascii(String text) {
            for (int i = 0; i < text.length(); i++) {
                out.write(text.charAt(i));
            }
        }

        private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        private void hex(byte[] bytes) {
            out.ensure(bytes.length * 2);
            for (byte b : bytes) {
                out.write(HEX[(b >> 4) & 0xf]);
                out.write(HEX[b & 0xf]);
            }
        }

        /** The text in UTF-8, escaped; an unpaired surrogate is refused (it has no UTF-8 form). */
        private void text(String text) {
            int n = text.length();
            out.ensure(n);
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '\\' -> {
                            out.write('\\');
                            out.write('\\');
                        }
                        case '\t' -> {
                            out.write('\\');
                            out.write('t');
                        }
                        case '\n' -> {
                            out.write('\\');
                            out.write('n');
                        }
                        case '\r' -> {
                            out.write('\\');
                            out.write('r');
                        }
                        case '\0' -> {
                            out.write('\\');
                            out.write('0');
                        }
                        default -> out.write(c);
                    }
                } else if (c < 0x800) {
                    out.write(0xc0 | c >> 6);
                    out.write(0x80 | c & 0x3f);
                } else if (Character.isSurrogate(c)) {
                    if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        throw new BadValueException("the text holds an unpaired surrogate (U+"
                                + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ") at character " + (i + 1)
                                + ", which has no UTF-8 form");
                    }
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    out.write(0xf0 | cp >> 18);
                    out.write(0x80 | cp >> 12 & 0x3f);
                    out.write(0x80 | cp >> 6 & 0x3f);
                    out.write(0x80 | cp & 0x3f);
                } else {
                    out.write(0xe0 | c >> 12);
                    out.write(0x80 | c >> 6 & 0x3f);
                    out.write(0x80 | c & 0x3f);
                }
            }
        }

        @Override
        public void finish() throws SQLException {
            if (rows == 0) {
                return;
            }
            long loaded;
            try (Statement statement = connection.createStatement()) {
                try {
                    setStream.invoke(statement.unwrap(setStream.getDeclaringClass()),
                            new ByteArrayInputStream(out.array(), 0, out.size()));
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof SQLException sql ? sql
                            : new SQLException("setLocalInfileInputStream failed: " + e.getCause(), e.getCause());
                } catch (IllegalAccessException e) {
                    throw new SQLException("cannot call the driver's setLocalInfileInputStream: " + e, e);
                }
                try {
                    loaded = statement.executeLargeUpdate(sql);
                } catch (SQLException e) {
                    if (e.getErrorCode() == ER_NOT_ALLOWED_COMMAND
                            || e.getErrorCode() == ER_LOAD_INFILE_CAPABILITY_DISABLED) {
                        throw new Unavailable(e);
                    }
                    throw e;
                }
            }
            checkWarnings(loaded);
        }

        /** Fails unless the load left no warning and loaded every row sent. */
        private void checkWarnings(long loaded) throws SQLException {
            long warnings;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT @@warning_count")) {
                rs.next();
                warnings = rs.getLong(1);
            }
            if (warnings > 0) {
                String level = "Warning";
                int code = 0;
                String message = "(SHOW WARNINGS lists none: max_error_count is 0)";
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("SHOW WARNINGS LIMIT 1")) {
                    if (rs.next()) {
                        level = rs.getString(1);
                        code = rs.getInt(2);
                        message = rs.getString(3);
                    }
                }
                throw new SQLException("LOAD DATA reported " + warnings + " warning" + (warnings == 1 ? "" : "s")
                        + " (LOCAL turns errors into warnings, so the rows were not stored as sent), the first: "
                        + level + " " + code + ": " + message, sqlState(code), code);
            }
            if (loaded != rows) {
                throw new SQLException("LOAD DATA stored " + loaded + " of the " + rows + " rows sent, without a "
                        + "warning", "HY000");
            }
        }

        /** The SQLState of the error a warning's code stands for, by its class: constraint or data. */
        private static String sqlState(int code) {
            return switch (code) {
                case 1022, 1048, 1062, 1451, 1452, 1557, 1586, 3819, 4025 -> "23000";
                case 1264, 1265, 1292, 1300, 1366, 1367, 1406, 1411, 1416, 4038, 4078 -> "22000";
                default -> "HY000";
            };
        }

        @Override
        public void close() {
            // nothing is sent before finish(); an unfinished load leaves nothing behind
        }
    }

    /** A byte buffer whose array is read in place. */
    private static final class Buffer {
        private byte[] bytes;
        private int size;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        void ensure(int more) {
            if (size + more > bytes.length) {
                long wanted = Math.max((long) bytes.length * 2, (long) size + more);
                if (wanted > Integer.MAX_VALUE - 16) {
                    throw new BadValueException("the batch is larger than 2 GiB as LOAD DATA text");
                }
                bytes = Arrays.copyOf(bytes, (int) wanted);
            }
        }

        void write(int b) {
            if (size == bytes.length) {
                ensure(1);
            }
            bytes[size++] = (byte) b;
        }

        int size() {
            return size;
        }

        void truncate(int to) {
            size = to;
        }

        byte[] array() {
            return bytes;
        }
    }
}
