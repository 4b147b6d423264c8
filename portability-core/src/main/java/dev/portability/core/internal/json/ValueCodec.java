package dev.portability.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.portability.api.BoundedArray;
import dev.portability.api.Column;
import dev.portability.api.Infinity;
import dev.portability.api.LogicalType;
import dev.portability.api.NativeValue;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Reads, writes and checks the values of one logical type: the compiled per-type checker of the archive format.
 * One instance per column type and format version, built once per table; stateless and thread-safe.
 *
 * <p>{@link #check(Object)} decides which Java values a type holds, whatever the format; {@link #read} and
 * {@link #write} are the encodings of one format version (docs/archive-format.md). Format 2 differs from format 1
 * in JSON values (a JSON string holding the JSON text, so that the JSON literal {@code null} is the string
 * {@code "null"}), PostgreSQL's infinities in dates and timestamps, {@link NativeValue}s of decimals, dates and
 * times (the engine's text, a JSON string that is not the type's own encoding), arrays of several dimensions and
 * arrays with lower bounds, and NATIVE values. A format-1 codec refuses to check values that only format 2 can
 * hold.
 *
 * <p>A codec made for a column ({@link #of(Column, int)}) knows the engine its {@link Column#nativeType()} names:
 * only that engine's native values that {@link NativeValue#fits(LogicalType)} allows are read and checked; every
 * other native value is refused (a codec of a bare type holds none).
 */
public abstract class ValueCodec {

    /** The format version whose encodings {@link #of(LogicalType)} uses: the one writers write. */
    public static final int CURRENT_FORMAT = 2;

    /** Largest absolute scale accepted for an unconstrained DECIMAL: beyond it a value is surely hostile. */
    static final int MAX_UNCONSTRAINED_SCALE = 10_000;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    final LogicalType type;

    ValueCodec(LogicalType type) {
        this.type = type;
    }

    /**
     * The codec of a type in the current format version ({@value #CURRENT_FORMAT}), for a column without a native
     * type: it holds no {@link NativeValue}.
     *
     * @param type the logical type
     * @return its codec
     */
    public static ValueCodec of(LogicalType type) {
        return of(type, CURRENT_FORMAT, null);
    }

    /**
     * The codec of a column in the current format version ({@value #CURRENT_FORMAT}).
     *
     * @param column the column: its type, and the engine its native type names
     * @return its codec
     */
    public static ValueCodec of(Column column) {
        return of(column, CURRENT_FORMAT);
    }

    /**
     * The codec of a column in a format version.
     *
     * @param column the column: its type, and the engine its native type names
     * @param formatVersion 1 or 2
     * @return its codec
     * @throws IllegalArgumentException for another version
     */
    public static ValueCodec of(Column column, int formatVersion) {
        return of(column.type(), formatVersion, column.nativeType() == null ? null : column.nativeType().engine());
    }

    /**
     * The codec of a type in a format version.
     *
     * @param type the logical type
     * @param formatVersion 1 or 2
     * @param engine the engine whose {@link NativeValue}s the column holds (where
     *     {@link NativeValue#fits(LogicalType)} allows them), or null for none
     * @return its codec
     * @throws IllegalArgumentException for another version
     */
    public static ValueCodec of(LogicalType type, int formatVersion, String engine) {
        if (formatVersion != 1 && formatVersion != 2) {
            throw new IllegalArgumentException("no format version " + formatVersion);
        }
        boolean v2 = formatVersion >= 2;
        String natives = v2 ? engine : null;
        return switch (type.kind()) {
            case BOOLEAN -> new BooleanCodec(type);
            case INTEGER -> new IntegerCodec(type);
            case DECIMAL -> new DecimalCodec(type, v2, natives);
            case DOUBLE -> new DoubleCodec(type);
            case TEXT -> new TextCodec(type);
            case BINARY -> new BinaryCodec(type);
            case DATE -> new TemporalCodec(type, DateTimeFormatter.ISO_LOCAL_DATE, Iso::date, LocalDate::parse, v2,
                    natives);
            case TIME -> new TemporalCodec(type, DateTimeFormatter.ISO_LOCAL_TIME, Iso::time, LocalTime::parse, v2,
                    natives);
            case TIMESTAMP -> new TemporalCodec(type, DateTimeFormatter.ISO_LOCAL_DATE_TIME, Iso::dateTime,
                    LocalDateTime::parse, v2, natives);
            case TIMESTAMP_TZ -> new TemporalCodec(type, DateTimeFormatter.ISO_OFFSET_DATE_TIME,
                    Iso::offsetDateTime, OffsetDateTime::parse, v2, natives);
            case UUID -> new UuidCodec(type);
            case JSON -> v2 ? new JsonTextCodec(type) : new JsonCodec(type);
            case ARRAY -> v2 ? new ArrayCodec(type, of(type.elementType().orElseThrow(), formatVersion, engine))
                    : new FlatArrayCodec(type, of(type.elementType().orElseThrow(), formatVersion, engine));
            case NATIVE -> new NativeCodec(type);
        };
    }

    /**
     * Examples of the native values of an engine and a type, for messages: {@code 0000-00-00, 2024-00-15}.
     *
     * @return the examples, or null when the pair has no native values
     */
    static String nativeExamples(String engine, LogicalType type) {
        if (engine == null) {
            return null;
        }
        return switch (engine) {
            case "mariadb" -> switch (type.kind()) {
                case DATE -> "0000-00-00, 2024-00-15";
                case TIME -> "838:59:59, -00:00:01.500000";
                case TIMESTAMP -> "0000-00-00 00:00:00, 2020-05-00 10:00:00";
                case TIMESTAMP_TZ -> "0000-00-00 00:00:00";
                default -> null;
            };
            case "postgresql" -> type.kind() != LogicalType.Kind.DECIMAL ? null
                    : type.precision().isEmpty() ? "NaN, Infinity, -Infinity" : "NaN";
            case "h2" -> type.kind() == LogicalType.Kind.DECIMAL && type.precision().isEmpty()
                    ? "NaN, Infinity, -Infinity" : null;
            default -> null;
        };
    }

    /**
     * Reads the engine's text of a value the type cannot hold, the format-2 encoding of a {@link NativeValue}.
     *
     * @param engine the column's engine, or null
     * @param text the JSON string, which is not the type's own encoding
     * @return the native value, or null when the text is none of the engine's for this type
     */
    static NativeValue readNative(String engine, LogicalType type, String text) {
        if (engine == null) {
            return null;
        }
        NativeValue value = new NativeValue(engine, text);
        return value.fits(type) ? value : null;
    }

    /** @return " nor the mariadb text of a DATE it cannot hold (such as ...)", or "" */
    static String nativeHint(String engine, LogicalType type) {
        String examples = nativeExamples(engine, type);
        return examples == null ? "" : ", nor " + engine + "'s text of a value " + type + " cannot hold (such as "
                + examples + ")";
    }

    /**
     * Checks a {@link NativeValue} against a column: format 2, the column's engine, a text the engine writes for a
     * value of the type that the type cannot hold.
     *
     * @return the value
     * @throws ValueException naming what is wrong
     */
    NativeValue checkNative(NativeValue value, boolean v2, String engine) throws ValueException {
        if (!v2) {
            throw new ValueException("the " + value.engine() + " value " + show(value.text())
                    + " cannot be written in archive format version 1");
        }
        if (!value.engine().equals(engine)) {
            throw new ValueException("the " + value.engine() + " value " + show(value.text()) + " is no " + type
                    + " value, and only a column whose native type is " + value.engine() + "'s holds it; this "
                    + "column's native type " + (engine == null ? "is not known (Column.nativeType)"
                    : "is " + engine + "'s"));
        }
        if (!value.fits(type)) {
            String examples = nativeExamples(engine, type);
            throw new ValueException("the " + engine + " value " + show(value.text()) + " is not " + engine
                    + "'s text of a value " + type + " cannot hold (" + (examples == null ? engine
                    + " has none for " + type : "such as " + examples) + "); a value of the type itself is "
                    + "passed as its Java value");
        }
        return value;
    }

    /** @return whether the text is {@code -?[0-9]+(\.[0-9]+)?}, the archive's decimal form */
    static boolean plainDecimal(String text) {
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        int start = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (text.charAt(i) != '.' || i == n - 1) {
            return false;
        }
        for (i++; i < n; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Hexadecimal digits' values by character, -1 for every other character below 128. */
    private static final byte[] HEX = new byte[128];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int i = 0; i < 10; i++) {
            HEX['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            HEX['a' + i] = (byte) (10 + i);
            HEX['A' + i] = (byte) (10 + i);
        }
    }

    /**
     * Parses a UUID in the canonical 8-4-4-4-12 form (either case), as {@link UUID#fromString} would, in one pass
     * over the characters and without making a string of them.
     *
     * @return the UUID, or null if the text is not in that form
     */
    static UUID uuid(char[] text, int offset, int length) {
        if (length != 36) {
            return null;
        }
        long most = 0;
        long least = 0;
        for (int i = 0; i < 36; i++) {
            char c = text[offset + i];
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int digit = c < 128 ? HEX[c] : -1;
            if (digit < 0) {
                return null;
            }
            if (i < 19) {
                most = most << 4 | digit;
            } else {
                least = least << 4 | digit;
            }
        }
        return new UUID(most, least);
    }

    /** @return the type this codec handles */
    public LogicalType type() {
        return type;
    }

    /**
     * Reads one non-null value; the parser's current token is the value's first token, and after the call it is
     * the value's last token.
     *
     * @param parser the parser
     * @return the canonical Java value
     * @throws ValueException if the value does not fit the type
     * @throws IOException if the JSON itself is broken
     */
    public abstract Object read(JsonParser parser) throws IOException, ValueException;

    /**
     * Checks any Java value against the type and returns its canonical form (e.g. an {@code Integer} becomes a
     * {@code Long}, a decimal gets the declared scale).
     *
     * @param value a non-null value
     * @return the canonical value
     * @throws ValueException if the value does not fit the type
     */
    public abstract Object check(Object value) throws ValueException;

    /**
     * Writes one non-null canonical value (as returned by {@link #check(Object)}).
     *
     * @param generator the generator
     * @param value the value
     * @throws IOException if writing fails
     */
    public abstract void write(JsonGenerator generator, Object value) throws IOException;

    ValueException notA(Object shown) {
        return new ValueException(show(shown) + " is not " + article(type) + " " + type);
    }

    ValueException wrongJavaType(Object value) {
        if (value instanceof NativeValue nativeValue) {
            return new ValueException("the " + nativeValue.engine() + " value " + show(nativeValue.text())
                    + " is not " + article(type) + " " + type);
        }
        if (value instanceof Infinity infinity) {
            return new ValueException(infinity + " is not " + article(type) + " " + type);
        }
        return new ValueException("a " + value.getClass().getName() + " value is not " + article(type) + " " + type);
    }

    static String article(LogicalType type) {
        return switch (type.kind()) {
            case INTEGER, ARRAY, UUID -> "an";
            default -> "a";
        };
    }

    /**
     * Renders a value for a message: strings quoted and cut at 40 characters, so that a message never carries a
     * whole document or a secret.
     *
     * @param value the value
     * @return the rendering
     */
    public static String show(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return value instanceof String ? "'" + text + "'" : text;
    }

    static String tokenText(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return "an object";
        }
        if (token == JsonToken.START_ARRAY) {
            return "an array";
        }
        String text = parser.getText();
        return token == JsonToken.VALUE_STRING ? show(text) : show((Object) text);
    }

    private static final class BooleanCodec extends ValueCodec {
        BooleanCodec(LogicalType type) {
            super(type);
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_TRUE) {
                return Boolean.TRUE;
            }
            if (token == JsonToken.VALUE_FALSE) {
                return Boolean.FALSE;
            }
            throw notA(new RawText(tokenText(parser)));
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (value instanceof Boolean) {
                return value;
            }
            throw wrongJavaType(value);
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            generator.writeBoolean((Boolean) value);
        }
    }

    private static final class IntegerCodec extends ValueCodec {
        IntegerCodec(LogicalType type) {
            super(type);
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                JsonParser.NumberType numberType = parser.getNumberType();
                if (numberType == JsonParser.NumberType.INT || numberType == JsonParser.NumberType.LONG) {
                    return parser.getLongValue();
                }
                throw new ValueException(show(new RawText(parser.getText()))
                        + " is outside the range of an INTEGER (64-bit)");
            }
            throw notA(new RawText(tokenText(parser)));
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (value instanceof Long) {
                return value;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger big) {
                if (big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0) {
                    return big.longValue();
                }
                throw new ValueException(show(big) + " is outside the range of an INTEGER (64-bit)");
            }
            if (value instanceof BigDecimal decimal) {
                try {
                    return decimal.longValueExact();
                } catch (ArithmeticException e) {
                    throw new ValueException(show(decimal.toPlainString()) + " is not an INTEGER (64-bit)");
                }
            }
            throw wrongJavaType(value);
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            generator.writeNumber((Long) value);
        }
    }

    private static final class DecimalCodec extends ValueCodec {
        private final Integer precision;
        private final Integer scale;
        private final boolean v2;
        private final String engine;

        DecimalCodec(LogicalType type, boolean v2, String engine) {
            super(type);
            this.precision = type.precision().orElse(null);
            this.scale = type.scale().orElse(null);
            this.v2 = v2;
            this.engine = engine;
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new ValueException(tokenText(parser) + " is not " + article(type) + " " + type
                        + " (decimals are written as JSON strings, e.g. \"12.50\")");
            }
            String text = parser.getText();
            if (!plainDecimal(text)) {
                NativeValue nativeValue = readNative(engine, type, text);
                if (nativeValue != null) {
                    return nativeValue;
                }
                throw new ValueException(show(text) + " is not " + article(type) + " " + type
                        + nativeHint(engine, type));
            }
            return fit(new BigDecimal(text), text);
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (value instanceof BigDecimal decimal) {
                return fit(decimal, decimal);
            }
            if (value instanceof NativeValue nativeValue) {
                return checkNative(nativeValue, v2, engine);
            }
            if (value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte) {
                return fit(BigDecimal.valueOf(((Number) value).longValue()), value);
            }
            if (value instanceof BigInteger big) {
                return fit(new BigDecimal(big), value);
            }
            throw wrongJavaType(value);
        }

        private BigDecimal fit(BigDecimal value, Object shown) throws ValueException {
            if (precision == null) {
                if (Math.abs(value.scale()) > MAX_UNCONSTRAINED_SCALE) {
                    throw new ValueException(show(shown) + " has a scale beyond +/-" + MAX_UNCONSTRAINED_SCALE);
                }
                return value;
            }
            BigDecimal scaled;
            try {
                scaled = value.setScale(scale);
            } catch (ArithmeticException e) {
                throw new ValueException(show(shown) + " is not " + article(type) + " " + type + ": it has more than "
                        + scale + " digits after the decimal point");
            }
            if (scaled.precision() > precision && scaled.signum() != 0) {
                throw new ValueException(show(shown) + " is not " + article(type) + " " + type + ": it has more than "
                        + (precision - scale) + " digits before the decimal point");
            }
            return scaled;
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            if (value instanceof NativeValue nativeValue) {
                generator.writeString(nativeValue.text());
            } else {
                generator.writeString(((BigDecimal) value).toPlainString());
            }
        }
    }

    private static final class DoubleCodec extends ValueCodec {
        DoubleCodec(LogicalType type) {
            super(type);
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
                double value = parser.getDoubleValue();
                if (Double.isInfinite(value)) {
                    throw new ValueException(show(new RawText(parser.getText()))
                            + " is outside the range of a DOUBLE; write infinities as \"Infinity\" or \"-Infinity\"");
                }
                return value;
            }
            if (token == JsonToken.VALUE_STRING) {
                switch (parser.getText()) {
                    case "NaN":
                        return Double.NaN;
                    case "Infinity":
                        return Double.POSITIVE_INFINITY;
                    case "-Infinity":
                        return Double.NEGATIVE_INFINITY;
                    default:
                        break;
                }
            }
            throw notA(new RawText(tokenText(parser)));
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (value instanceof Double) {
                return value;
            }
            if (value instanceof Float f) {
                return f.doubleValue();
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).doubleValue();
            }
            if (value instanceof Long l) {
                double d = l.doubleValue();
                if ((long) d == l && Math.abs(l) <= (1L << 53)) {
                    return d;
                }
                throw new ValueException(show(l) + " cannot be held exactly by a DOUBLE");
            }
            throw wrongJavaType(value);
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            double d = (Double) value;
            if (Double.isNaN(d)) {
                generator.writeString("NaN");
            } else if (Double.isInfinite(d)) {
                generator.writeString(d > 0 ? "Infinity" : "-Infinity");
            } else {
                generator.writeNumber(d);
            }
        }
    }

    private static final class TextCodec extends ValueCodec {
        private final int maxLength;

        TextCodec(LogicalType type) {
            super(type);
            this.maxLength = type.maxLength().orElse(Integer.MAX_VALUE);
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw notA(new RawText(tokenText(parser)));
            }
            return check(parser.getText());
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (!(value instanceof String text)) {
                throw wrongJavaType(value);
            }
            if (text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength) {
                throw new ValueException("text of " + text.codePointCount(0, text.length())
                        + " characters is longer than " + type + " allows");
            }
            requireWellFormed(text);
            return text;
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            generator.writeString((String) value);
        }
    }

    /**
     * Refuses text with an unpaired surrogate: it has no UTF-8 encoding and databases reject or mangle it.
     *
     * @param text the text
     * @throws ValueException if a surrogate is unpaired
     */
    static void requireWellFormed(String text) throws ValueException {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw new ValueException("text holds an unpaired UTF-16 surrogate at character " + i
                            + ", which is not valid Unicode");
                }
            }
        }
    }

    private static final class BinaryCodec extends ValueCodec {
        private final int maxLength;

        BinaryCodec(LogicalType type) {
            super(type);
            this.maxLength = type.maxLength().orElse(Integer.MAX_VALUE);
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw notA(new RawText(tokenText(parser)));
            }
            return check(Base64Text.decode(parser));
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (!(value instanceof byte[] bytes)) {
                throw wrongJavaType(value);
            }
            if (bytes.length > maxLength) {
                throw new ValueException(bytes.length + " bytes are more than " + type + " allows");
            }
            return bytes;
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            generator.writeBinary((byte[]) value);
        }
    }

    @FunctionalInterface
    private interface Parse {
        Object parse(CharSequence text);
    }

    @FunctionalInterface
    private interface FastParse {
        Object parse(String text);
    }

    private static final class TemporalCodec extends ValueCodec {
        private final DateTimeFormatter format;
        private final FastParse fast;
        private final Parse parse;
        private final boolean v2;
        private final boolean infinite;
        private final String engine;

        TemporalCodec(LogicalType type, DateTimeFormatter format, FastParse fast, Parse parse, boolean v2,
                String engine) {
            super(type);
            this.format = format;
            this.fast = fast;
            this.parse = parse;
            this.v2 = v2;
            this.infinite = type.kind() != LogicalType.Kind.TIME;
            this.engine = engine;
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw notA(new RawText(tokenText(parser)));
            }
            String text = parser.getText();
            if (text.length() > 64) {
                throw notA(text);
            }
            if (v2 && infinite) {
                if (text.equals("infinity")) {
                    return Infinity.POSITIVE;
                }
                if (text.equals("-infinity")) {
                    return Infinity.NEGATIVE;
                }
            }
            try {
                Object value = fast.parse(text);
                return value != null ? value : parse.parse(text);
            } catch (DateTimeParseException e) {
                return nativeOr(text, e.getMessage().replaceFirst("^Text '.*' ", ""));
            } catch (java.time.DateTimeException e) {
                return nativeOr(text, e.getMessage());
            }
        }

        /** The engine's native value of the text, or the refusal of a text that is neither. */
        private NativeValue nativeOr(String text, String reason) throws ValueException {
            NativeValue nativeValue = readNative(engine, type, text);
            if (nativeValue != null) {
                return nativeValue;
            }
            throw new ValueException(show(text) + " is not " + article(type) + " " + type + " (" + reason + ")"
                    + nativeHint(engine, type));
        }

        @Override
        public Object check(Object value) throws ValueException {
            switch (type.kind()) {
                case DATE:
                    if (value instanceof LocalDate) {
                        return value;
                    }
                    break;
                case TIME:
                    if (value instanceof LocalTime) {
                        return value;
                    }
                    break;
                case TIMESTAMP:
                    if (value instanceof LocalDateTime) {
                        return value;
                    }
                    break;
                default:
                    if (value instanceof OffsetDateTime) {
                        return value;
                    }
                    if (value instanceof ZonedDateTime zoned) {
                        return zoned.toOffsetDateTime();
                    }
                    if (value instanceof Instant instant) {
                        return instant.atOffset(ZoneOffset.UTC);
                    }
                    break;
            }
            if (value instanceof Infinity) {
                if (!infinite) {
                    throw new ValueException(value + " is not a TIME: only dates and timestamps have infinities");
                }
                if (!v2) {
                    throw new ValueException(value + " cannot be written in archive format version 1");
                }
                return value;
            }
            if (value instanceof NativeValue nativeValue) {
                return checkNative(nativeValue, v2, engine);
            }
            throw wrongJavaType(value);
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            if (value instanceof Infinity infinity) {
                generator.writeString(infinity.text());
                return;
            }
            if (value instanceof NativeValue nativeValue) {
                generator.writeString(nativeValue.text());
                return;
            }
            String text = Iso.format(value);
            generator.writeString(text != null ? text : format.format((java.time.temporal.TemporalAccessor) value));
        }
    }

    private static final class UuidCodec extends ValueCodec {
        UuidCodec(LogicalType type) {
            super(type);
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                UUID uuid = uuid(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                if (uuid != null) {
                    return uuid;
                }
            }
            throw notA(new RawText(tokenText(parser)));
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (value instanceof UUID) {
                return value;
            }
            throw wrongJavaType(value);
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class JsonCodec extends ValueCodec {
        JsonCodec(LogicalType type) {
            super(type);
        }

        @Override
        public Object read(JsonParser parser) throws IOException {
            StringWriter out = new StringWriter();
            try (JsonGenerator generator = parser.getCodec() == null
                    ? Json.VALUES.createGenerator(out)
                    : parser.getCodec().getFactory().createGenerator(out)) {
                generator.copyCurrentStructureExact(parser);
            }
            return out.toString();
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (!(value instanceof String text)) {
                throw wrongJavaType(value);
            }
            try (JsonParser parser = Json.VALUES.createParser(text)) {
                if (parser.nextToken() == null) {
                    throw new ValueException("empty text is not JSON");
                }
                parser.skipChildren();
                if (parser.nextToken() != null) {
                    throw new ValueException("the text holds more than one JSON value");
                }
            } catch (IOException e) {
                throw new ValueException("the text is not JSON: " + Json.describe(e));
            }
            return text;
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            try (JsonParser parser = Json.VALUES.createParser((String) value)) {
                parser.nextToken();
                generator.copyCurrentStructureExact(parser);
            }
        }
    }

    /**
     * JSON in format 2: a JSON string holding the JSON text exactly as the store holds it (whitespace, key order,
     * duplicate keys, number spelling), so that the JSON literal {@code null} is the string {@code "null"}.
     */
    private static final class JsonTextCodec extends ValueCodec {
        JsonTextCodec(LogicalType type) {
            super(type);
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new ValueException(tokenText(parser) + " is not " + article(type) + " " + type
                        + " (format version 2 writes JSON values as a JSON string holding the JSON text, e.g. "
                        + "\"{\\\"a\\\":1}\" or \"null\")");
            }
            return check(parser.getText());
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (!(value instanceof String text)) {
                throw wrongJavaType(value);
            }
            requireWellFormed(text);
            try (JsonParser parser = Json.CONTENT.createParser(text)) {
                if (parser.nextToken() == null) {
                    throw new ValueException("empty text is not JSON");
                }
                parser.skipChildren();
                if (parser.nextToken() != null) {
                    throw new ValueException("the text holds more than one JSON value");
                }
            } catch (IOException e) {
                throw new ValueException("the text is not JSON: " + Json.describe(e));
            }
            return text;
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            generator.writeString((String) value);
        }
    }

    /** A NATIVE value: the engine's text form of the value, as a JSON string. */
    private static final class NativeCodec extends ValueCodec {
        NativeCodec(LogicalType type) {
            super(type);
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw notA(new RawText(tokenText(parser)));
            }
            return check(parser.getText());
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (!(value instanceof String text)) {
                throw wrongJavaType(value);
            }
            requireWellFormed(text);
            return text;
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            generator.writeString((String) value);
        }
    }

    /** ARRAY in format 1: one dimension, a JSON array of encoded elements. */
    private static final class FlatArrayCodec extends ValueCodec {
        private final ValueCodec element;

        FlatArrayCodec(LogicalType type, ValueCodec element) {
            super(type);
            this.element = element;
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw notA(new RawText(tokenText(parser)));
            }
            List<Object> values = new ArrayList<>();
            String firstError = null;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new IOException("unexpected end of input inside an array");
                }
                if (token == JsonToken.VALUE_NULL) {
                    values.add(null);
                    continue;
                }
                try {
                    values.add(element.read(parser));
                } catch (ValueException e) {
                    parser.skipChildren();
                    if (firstError == null) {
                        firstError = "element " + values.size() + ": " + e.getMessage();
                    }
                    values.add(null);
                }
            }
            if (firstError != null) {
                throw new ValueException(firstError);
            }
            return Collections.unmodifiableList(values);
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (value instanceof BoundedArray) {
                throw new ValueException("an array with lower bounds cannot be written in archive format version 1");
            }
            if (!(value instanceof List<?> list)) {
                throw wrongJavaType(value);
            }
            List<Object> values = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item instanceof List<?>) {
                    throw new ValueException("an array of several dimensions cannot be written in archive format "
                            + "version 1");
                }
                try {
                    values.add(item == null ? null : element.check(item));
                } catch (ValueException e) {
                    throw new ValueException("element " + i + ": " + e.getMessage());
                }
            }
            return Collections.unmodifiableList(values);
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            List<?> list = (List<?>) value;
            generator.writeStartArray(list, list.size());
            for (Object item : list) {
                if (item == null) {
                    generator.writeNull();
                } else {
                    element.write(generator, item);
                }
            }
            generator.writeEndArray();
        }
    }

    /**
     * ARRAY in format 2: a JSON array of encoded elements, nested for several dimensions (rectangular: the arrays of
     * one level have equal lengths, and no level mixes arrays with elements), or
     * {@code {"lowerBounds": [...], "elements": [...]}} when a dimension does not start at 1. The Java value is a
     * list (nested lists for several dimensions) or a {@link BoundedArray}.
     */
    private static final class ArrayCodec extends ValueCodec {
        private final ValueCodec element;

        ArrayCodec(LogicalType type, ValueCodec element) {
            super(type);
            this.element = element;
        }

        @Override
        public Object read(JsonParser parser) throws IOException, ValueException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                return readBounded(parser);
            }
            if (token != JsonToken.START_ARRAY) {
                throw notA(new RawText(tokenText(parser)));
            }
            String[] firstError = new String[1];
            List<Object> values = readLevel(parser, "", firstError);
            if (firstError[0] != null) {
                throw new ValueException(firstError[0]);
            }
            shape(values);
            return values;
        }

        /** Reads one level of nested arrays; the parser is on its start, and after the call on its end. */
        private List<Object> readLevel(JsonParser parser, String path, String[] firstError) throws IOException {
            List<Object> values = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new IOException("unexpected end of input inside an array");
                }
                if (token == JsonToken.VALUE_NULL) {
                    values.add(null);
                } else if (token == JsonToken.START_ARRAY) {
                    values.add(readLevel(parser, path + "[" + values.size() + "]", firstError));
                } else {
                    try {
                        values.add(element.read(parser));
                    } catch (ValueException e) {
                        parser.skipChildren();
                        if (firstError[0] == null) {
                            firstError[0] = "element " + (path.isEmpty() ? String.valueOf(values.size())
                                    : path + "[" + values.size() + "]") + ": " + e.getMessage();
                        }
                        values.add(null);
                    }
                }
            }
            return Collections.unmodifiableList(values);
        }

        private Object readBounded(JsonParser parser) throws IOException, ValueException {
            List<Object> bounds = null;
            List<Object> elements = null;
            String problem = null;
            String[] firstError = new String[1];
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (token == null) {
                    throw new IOException("unexpected end of input inside an object");
                }
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("elements".equals(name) && value == JsonToken.START_ARRAY && elements == null) {
                    elements = readLevel(parser, "", firstError);
                } else if ("lowerBounds".equals(name) && value == JsonToken.START_ARRAY && bounds == null) {
                    bounds = new ArrayList<>();
                    while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
                        if (value == JsonToken.VALUE_NUMBER_INT
                                && parser.getNumberType() == JsonParser.NumberType.INT) {
                            bounds.add(parser.getIntValue());
                        } else {
                            parser.skipChildren();
                            if (problem == null) {
                                problem = "lowerBounds holds " + tokenText(parser)
                                        + ", not a 32-bit integer";
                            }
                        }
                    }
                } else {
                    parser.skipChildren();
                    if (problem == null) {
                        problem = "elements".equals(name) || "lowerBounds".equals(name)
                                ? "its member " + name + " is not an array, or comes twice"
                                : "it has a member " + show(name) + " besides lowerBounds and elements";
                    }
                }
            }
            if (problem == null && (bounds == null || elements == null)) {
                problem = "it lacks " + (bounds == null ? "lowerBounds" : "elements");
            }
            if (problem != null) {
                throw new ValueException("an object is not " + article(type) + " " + type + ": " + problem
                        + " (an array with lower bounds is {\"lowerBounds\": [0], \"elements\": [10, 20]})");
            }
            if (firstError[0] != null) {
                throw new ValueException(firstError[0]);
            }
            List<Integer> lowerBounds = new ArrayList<>(bounds.size());
            bounds.forEach(b -> lowerBounds.add((Integer) b));
            return bounded(lowerBounds, elements);
        }

        /**
         * The dimensions of a nested list, checking that it is rectangular and has no empty inner level.
         *
         * @return the length of each dimension, outermost first; {@code [0]} for an empty array
         */
        static int[] shape(List<?> values) throws ValueException {
            if (values.isEmpty()) {
                return new int[] {0};
            }
            List<Integer> lengths = new ArrayList<>();
            Object level = values;
            while (level instanceof List<?> list) {
                lengths.add(list.size());
                if (list.isEmpty()) {
                    throw new ValueException("an array of several dimensions has an empty inner array; an empty "
                            + "array is written [] and has no dimensions");
                }
                level = list.get(0);
            }
            int[] dims = new int[lengths.size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = lengths.get(i);
            }
            if (dims.length > 1) {
                requireShape(values, dims, 0, "");
            } else {
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) instanceof List<?>) {
                        throw new ValueException("element " + i + " is an array where element 0 is not: an array of "
                                + "several dimensions is rectangular");
                    }
                }
            }
            return dims;
        }

        private static void requireShape(List<?> level, int[] dims, int depth, String path) throws ValueException {
            if (level.size() != dims[depth]) {
                throw new ValueException("element " + path + " has " + level.size() + " elements where the first "
                        + "array of its level has " + dims[depth] + ": an array of several dimensions is "
                        + "rectangular");
            }
            boolean inner = depth + 1 < dims.length;
            for (int i = 0; i < level.size(); i++) {
                Object item = level.get(i);
                String at = path + "[" + i + "]";
                if (inner) {
                    if (!(item instanceof List<?> list)) {
                        throw new ValueException("element " + at + " is " + (item == null ? "NULL" : "a value")
                                + " where an array of " + dims[depth + 1] + " elements belongs: an array of "
                                + "several dimensions is rectangular, and only its innermost elements may be NULL");
                    }
                    requireShape(list, dims, depth + 1, at);
                } else if (item instanceof List<?>) {
                    throw new ValueException("element " + at + " is an array where elements belong: an array of "
                            + "several dimensions is rectangular");
                }
            }
        }

        private Object bounded(List<Integer> lowerBounds, List<?> elements) throws ValueException {
            if (elements.isEmpty()) {
                throw new ValueException("an empty array has no lower bounds; it is written []");
            }
            int[] dims = shape(elements);
            if (lowerBounds.size() != dims.length) {
                throw new ValueException("the array has " + dims.length + " dimension(s) but " + lowerBounds.size()
                        + " lower bound(s)");
            }
            boolean allOne = true;
            for (int i = 0; i < dims.length; i++) {
                long upper = (long) lowerBounds.get(i) + dims[i] - 1;
                if (upper > Integer.MAX_VALUE) {
                    throw new ValueException("dimension " + (i + 1) + " ends at " + upper + ", beyond a 32-bit "
                            + "index");
                }
                allOne &= lowerBounds.get(i) == 1;
            }
            return allOne ? elements : new BoundedArray(lowerBounds, elements);
        }

        @Override
        public Object check(Object value) throws ValueException {
            if (value instanceof BoundedArray array) {
                if (!(array.elements() instanceof List<?>)) {
                    throw wrongJavaType(array.elements());
                }
                return bounded(array.lowerBounds(), checkLevel(array.elements(), ""));
            }
            if (!(value instanceof List<?> list)) {
                throw wrongJavaType(value);
            }
            List<Object> values = checkLevel(list, "");
            shape(values);
            return values;
        }

        private List<Object> checkLevel(List<?> list, String path) throws ValueException {
            List<Object> values = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item == null) {
                    values.add(null);
                } else if (item instanceof List<?> inner) {
                    values.add(checkLevel(inner, path + "[" + i + "]"));
                } else {
                    try {
                        values.add(element.check(item));
                    } catch (ValueException e) {
                        throw new ValueException("element " + (path.isEmpty() ? String.valueOf(i)
                                : path + "[" + i + "]") + ": " + e.getMessage());
                    }
                }
            }
            return Collections.unmodifiableList(values);
        }

        @Override
        public void write(JsonGenerator generator, Object value) throws IOException {
            if (value instanceof BoundedArray array) {
                generator.writeStartObject();
                generator.writeArrayFieldStart("lowerBounds");
                for (Integer bound : array.lowerBounds()) {
                    generator.writeNumber(bound);
                }
                generator.writeEndArray();
                generator.writeFieldName("elements");
                writeLevel(generator, array.elements());
                generator.writeEndObject();
            } else {
                writeLevel(generator, (List<?>) value);
            }
        }

        private void writeLevel(JsonGenerator generator, List<?> list) throws IOException {
            generator.writeStartArray(list, list.size());
            for (Object item : list) {
                if (item == null) {
                    generator.writeNull();
                } else if (item instanceof List<?> inner) {
                    writeLevel(generator, inner);
                } else {
                    element.write(generator, item);
                }
            }
            generator.writeEndArray();
        }
    }

    /** Text shown in a message as it is, without quotes. */
    private record RawText(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
