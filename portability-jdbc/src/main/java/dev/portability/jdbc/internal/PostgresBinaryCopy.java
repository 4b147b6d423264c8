package dev.portability.jdbc.internal;

import dev.portability.api.Infinity;
import dev.portability.api.NativeValue;
import dev.portability.api.LogicalType.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format: the server reads them without parsing any text, which leaves more of
 * the machine to the import. Used when every column has a binary form here; otherwise the text format is used.
 * Values are encoded exactly as PostgreSQL would read their text (timestamps rounded to microseconds half to even,
 * as the server's text input does; {@code infinity} for the extreme dates).
 */
final class PostgresBinaryCopy {

    /** The fixed header: signature, flags, header extension length. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);
    /** 2000-01-01T00:00Z in seconds since 1970-01-01T00:00Z: PostgreSQL's timestamps count from there. */
    private static final long EPOCH_SECOND = EPOCH.toEpochDay() * 86_400L;

    /** How one column's values are written. */
    private enum Form { INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC, TEXT, JSONB, BYTEA, BOOL, BIT1, DATE, TIME,
        TIMESTAMP, TIMESTAMPTZ, UUID }

    private final Form[] forms;

    private PostgresBinaryCopy(Form[] forms) {
        this.forms = forms;
    }

    /**
     * The encoder for these columns.
     *
     * @param columns the columns, in load order
     * @return the encoder, or null if a column has no binary form here (arrays, NATIVE types, values that travel
     *     as text)
     */
    static PostgresBinaryCopy of(List<JdbcColumn> columns) {
        Form[] forms = new Form[columns.size()];
        for (int i = 0; i < forms.length; i++) {
            JdbcColumn column = columns.get(i);
            if (!(column.codec() instanceof PostgresCodec codec) || !codec.binaryCopyable()) {
                return null;
            }
            Kind kind = column.column().type().kind();
            String type = codec.baseType();
            forms[i] = switch (kind) {
                case INTEGER -> switch (type) {
                    case "int2" -> Form.INT2;
                    case "int4" -> Form.INT4;
                    case "int8" -> Form.INT8;
                    default -> null;
                };
                case DOUBLE -> type.equals("float4") ? Form.FLOAT4 : type.equals("float8") ? Form.FLOAT8 : null;
                case DECIMAL -> type.equals("numeric") ? Form.NUMERIC : null;
                case TEXT -> Form.TEXT; // text, varchar, bpchar, name, citext and enums receive their text as is
                case JSON -> type.equals("jsonb") ? Form.JSONB : type.equals("json") ? Form.TEXT : null;
                case BINARY -> type.equals("bytea") ? Form.BYTEA : null;
                case BOOLEAN -> type.equals("bool") ? Form.BOOL : type.equals("bit") ? Form.BIT1 : null;
                case DATE -> type.equals("date") ? Form.DATE : null;
                case TIME -> type.equals("time") ? Form.TIME : null;
                case TIMESTAMP -> type.equals("timestamp") ? Form.TIMESTAMP : null;
                case TIMESTAMP_TZ -> type.equals("timestamptz") ? Form.TIMESTAMPTZ : null;
                case UUID -> Form.UUID;
                case ARRAY, NATIVE -> null;
            };
            if (forms[i] == null) {
                return null;
            }
        }
        return new PostgresBinaryCopy(forms);
    }

    /** Text and bytes longer than this are sent on their own, not copied into the buffer first. */
    private static final int LARGE = 1 << 16;

    /**
     * Appends one row to the copy's buffer; a large text, JSON or bytea field is sent straight after what is
     * buffered, so that the buffer never holds a large value (nor a second copy of it).
     *
     * @param copy the copy
     * @param values the canonical values, in column order
     * @throws BadValueException (with the column index) if a value does not fit its column
     * @throws SQLException if the server fails while a large field is sent
     */
    void row(PostgresCopy copy, Object[] values) throws java.sql.SQLException {
        PostgresCopy.Bytes data = copy.binary();
        data.writeShort(values.length);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                data.writeInt(-1);
            } else if (value instanceof byte[] bytes && bytes.length > LARGE && forms[i] == Form.BYTEA) {
                data.writeInt(bytes.length);
                copy.sendDirect(bytes);
            } else if (value instanceof String text && text.length() > LARGE
                    && (forms[i] == Form.TEXT || forms[i] == Form.JSONB)) {
                long length = Limit.Charsets.encodedLength(text, "utf8mb4");
                if (forms[i] == Form.JSONB) {
                    data.writeInt(Math.toIntExact(length + 1));
                    data.writeByte(1); // jsonb's binary format version
                } else {
                    data.writeInt(Math.toIntExact(length));
                }
                copy.sendUtf8(text);
            } else {
                field(data, forms[i], value, i);
            }
        }
    }

    private static void field(PostgresCopy.Bytes out, Form form, Object value, int column) {
        if (value instanceof Infinity infinity) {
            boolean positive = infinity == Infinity.POSITIVE;
            switch (form) {
                case DATE -> {
                    out.writeInt(4);
                    out.writeInt(positive ? Integer.MAX_VALUE : Integer.MIN_VALUE);
                }
                case TIMESTAMP, TIMESTAMPTZ -> {
                    out.writeInt(8);
                    out.writeLong(positive ? Long.MAX_VALUE : Long.MIN_VALUE);
                }
                default -> throw new BadValueException(infinity + " is no value of this column", column);
            }
            return;
        }
        if (value instanceof NativeValue nativeValue && form == Form.NUMERIC) {
            // numeric_recv's special values: no digits, the sign word says which (PostgreSQL 14 and later)
            String text = PostgresText.numericText(nativeValue);
            out.writeInt(8);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(text.equals("NaN") ? NUMERIC_NAN : text.equals("Infinity") ? NUMERIC_PINF : NUMERIC_NINF);
            out.writeShort(0);
            return;
        }
        switch (form) {
            case INT2 -> {
                long v = (Long) value;
                if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                    throw new BadValueException(v + " is out of range for smallint", column);
                }
                out.writeInt(2);
                out.writeShort((int) v);
            }
            case INT4 -> {
                long v = (Long) value;
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new BadValueException(v + " is out of range for integer", column);
                }
                out.writeInt(4);
                out.writeInt((int) v);
            }
            case INT8 -> {
                out.writeInt(8);
                out.writeLong((Long) value);
            }
            case FLOAT4 -> {
                out.writeInt(4);
                out.writeInt(Float.floatToRawIntBits((float) (double) (Double) value)); // nearest, as real's input
            }
            case FLOAT8 -> {
                out.writeInt(8);
                out.writeLong(Double.doubleToRawLongBits((Double) value));
            }
            case NUMERIC -> numeric(out, (BigDecimal) value);
            case TEXT -> bytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
            case JSONB -> {
                byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length + 1);
                out.writeByte(1); // jsonb's binary format version
                out.write(text);
            }
            case BYTEA -> bytes(out, (byte[]) value);
            case BOOL -> {
                out.writeInt(1);
                out.writeByte((Boolean) value ? 1 : 0);
            }
            case BIT1 -> {
                out.writeInt(5);
                out.writeInt(1); // bit length
                out.writeByte((Boolean) value ? 0x80 : 0);
            }
            case DATE -> {
                LocalDate date = (LocalDate) value;
                out.writeInt(4);
                out.writeInt(date.equals(LocalDate.MAX) ? Integer.MAX_VALUE : date.equals(LocalDate.MIN)
                        ? Integer.MIN_VALUE : Math.toIntExact(date.toEpochDay() - EPOCH.toEpochDay()));
            }
            case TIME -> {
                LocalTime time = (LocalTime) value;
                out.writeInt(8);
                out.writeLong(time.equals(LocalTime.MAX) ? 86_400_000_000L
                        : micros(time.toSecondOfDay(), time.getNano()));
            }
            case TIMESTAMP -> {
                LocalDateTime t = (LocalDateTime) value;
                out.writeInt(8);
                out.writeLong(t.equals(LocalDateTime.MAX) ? Long.MAX_VALUE : t.equals(LocalDateTime.MIN)
                        ? Long.MIN_VALUE : micros(t.toEpochSecond(ZoneOffset.UTC) - EPOCH_SECOND, t.getNano()));
            }
            case TIMESTAMPTZ -> {
                OffsetDateTime t = (OffsetDateTime) value;
                out.writeInt(8);
                out.writeLong(t.equals(OffsetDateTime.MAX) ? Long.MAX_VALUE : t.equals(OffsetDateTime.MIN)
                        ? Long.MIN_VALUE : micros(t.toEpochSecond() - EPOCH_SECOND, t.getNano()));
            }
            case UUID -> {
                UUID uuid = (UUID) value;
                out.writeInt(16);
                out.writeLong(uuid.getMostSignificantBits());
                out.writeLong(uuid.getLeastSignificantBits());
            }
            default -> throw new IllegalStateException("unknown form " + form);
        }
    }

    /** Seconds and nanoseconds as microseconds, rounded half to even as PostgreSQL's text input rounds. */
    private static long micros(long seconds, int nanos) {
        return Math.multiplyExact(seconds, 1_000_000L) + (long) Math.rint(nanos / 1000.0);
    }

    private static void bytes(PostgresCopy.Bytes out, byte[] bytes) {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** The sign words of numeric's special values in its binary form (PostgreSQL's numeric.c). */
    private static final int NUMERIC_NAN = 0xC000;
    private static final int NUMERIC_PINF = 0xD000;
    private static final int NUMERIC_NINF = 0xF000;

    /** Unscaled values up to this fit a long after being scaled by up to 10^3. */
    private static final long SMALL = Long.MAX_VALUE / 1000;

    /**
     * PostgreSQL's numeric: base-10000 digits with a weight, a sign and the display scale. Computed with a long when
     * the unscaled value is small enough, else from the decimal text; both give the same bytes.
     */
    static void numeric(PostgresCopy.Bytes out, BigDecimal value) {
        if (value.scale() >= 0 && value.precision() <= 18) {
            long unscaled = Math.abs(value.unscaledValue().longValue());
            if (unscaled <= SMALL) {
                numeric(out, unscaled, value.scale(), value.signum() < 0);
                return;
            }
        }
        numericFromText(out, value);
    }

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};

    /** The value {@code unscaled / 10^scale}, with {@code scale >= 0} and {@code unscaled <= SMALL}. */
    private static void numeric(PostgresCopy.Bytes out, long unscaled, int scale, boolean negative) {
        int fractionGroups = (scale + 3) / 4;
        long aligned = unscaled * POWERS_OF_TEN[fractionGroups * 4 - scale]; // whole base-10000 fraction digits
        short[] digits = new short[6]; // from the least significant: at most 19 decimal digits
        int count = 0;
        while (aligned != 0) {
            digits[count++] = (short) (aligned % 10_000);
            aligned /= 10_000;
        }
        int low = 0;
        while (low < count && digits[low] == 0) {
            low++;
        }
        int ndigits = count - low;
        int weight = ndigits == 0 ? 0 : count - 1 - fractionGroups;
        out.writeInt(8 + 2 * ndigits);
        out.writeShort(ndigits);
        out.writeShort(weight);
        out.writeShort(negative && ndigits > 0 ? 0x4000 : 0);
        out.writeShort(scale);
        for (int i = count - 1; i >= low; i--) {
            out.writeShort(digits[i]);
        }
    }

    /** The same from the decimal text, for any value. */
    static void numericFromText(PostgresCopy.Bytes out, BigDecimal value) {
        int dscale = Math.max(value.scale(), 0);
        String plain = value.abs().toPlainString();
        int point = plain.indexOf('.');
        String integer = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point + 1);
        if (integer.equals("0")) {
            integer = "";
        }
        int integerGroups = (integer.length() + 3) / 4;
        String padded = "0".repeat(integerGroups * 4 - integer.length()) + integer + fraction
                + "0".repeat((4 - fraction.length() % 4) % 4);
        short[] digits = new short[padded.length() / 4];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = Short.parseShort(padded.substring(4 * i, 4 * i + 4));
        }
        int first = 0;
        while (first < digits.length && digits[first] == 0) {
            first++;
        }
        int last = digits.length - 1;
        while (last >= first && digits[last] == 0) {
            last--;
        }
        int ndigits = last - first + 1;
        int weight = ndigits == 0 ? 0 : integerGroups - 1 - first;
        out.writeInt(8 + 2 * ndigits);
        out.writeShort(ndigits);
        out.writeShort(weight);
        out.writeShort(value.signum() < 0 && ndigits > 0 ? 0x4000 : 0);
        out.writeShort(dscale);
        for (int i = first; i <= last; i++) {
            out.writeShort(digits[i]);
        }
    }
}
