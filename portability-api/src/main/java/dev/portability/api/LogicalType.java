package dev.portability.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The portable type of a column: what a value means, independent of any database.
 *
 * <p>Each type has one canonical Java representation, which adapters produce on export and receive on import:
 *
 * <table>
 *   <caption>Logical types and their Java values</caption>
 *   <tr><th>kind</th><th>Java value</th><th>archive encoding</th></tr>
 *   <tr><td>{@link Kind#BOOLEAN}</td><td>{@link Boolean}</td><td>{@code true} / {@code false}</td></tr>
 *   <tr><td>{@link Kind#INTEGER}</td><td>{@link Long} (64-bit signed)</td><td>JSON integer</td></tr>
 *   <tr><td>{@link Kind#DECIMAL}</td><td>{@link java.math.BigDecimal}; or a {@link NativeValue} (PostgreSQL's
 *       {@code NaN}, H2's {@code DECFLOAT} infinities)</td><td>string, e.g. {@code "-12.50"}; a native value as
 *       its text, e.g. {@code "NaN"}</td></tr>
 *   <tr><td>{@link Kind#DOUBLE}</td><td>{@link Double}</td><td>JSON number, or {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}</td></tr>
 *   <tr><td>{@link Kind#TEXT}</td><td>{@link String}</td><td>JSON string</td></tr>
 *   <tr><td>{@link Kind#BINARY}</td><td>{@code byte[]}</td><td>base64 string</td></tr>
 *   <tr><td>{@link Kind#DATE}</td><td>{@link java.time.LocalDate}</td><td>{@code "2024-02-29"}</td></tr>
 *   <tr><td>{@link Kind#TIME}</td><td>{@link java.time.LocalTime}</td><td>{@code "13:45:30.123456"}</td></tr>
 *   <tr><td>{@link Kind#TIMESTAMP}</td><td>{@link java.time.LocalDateTime}</td><td>{@code "2024-02-29T13:45:30.5"}</td></tr>
 *   <tr><td>{@link Kind#TIMESTAMP_TZ}</td><td>{@link java.time.OffsetDateTime}</td><td>{@code "2024-02-29T13:45:30+05:30"}</td></tr>
 *   <tr><td>{@link Kind#UUID}</td><td>{@link java.util.UUID}</td><td>{@code "6f1c..."}</td></tr>
 *   <tr><td>{@link Kind#JSON}</td><td>{@link String} holding JSON text, exactly as the store holds it; the JSON
 *       literal {@code null} is the string {@code "null"}</td><td>a JSON string holding that text</td></tr>
 *   <tr><td>{@link Kind#ARRAY}</td><td>{@link java.util.List} of element values; nested lists of equal length for
 *       several dimensions; a {@link BoundedArray} when a dimension does not start at 1</td><td>JSON array
 *       (nested for several dimensions), or {@code {"lowerBounds": [...], "elements": [...]}}</td></tr>
 *   <tr><td>{@link Kind#NATIVE}</td><td>{@link String}: the value in its engine's canonical text form (hex for
 *       binary forms), see {@link #nativeType(String, String)}</td><td>JSON string</td></tr>
 * </table>
 *
 * <p>Besides these, a DATE, TIMESTAMP or TIMESTAMP_TZ value may be {@link Infinity} (PostgreSQL's
 * {@code infinity} and {@code -infinity}), and a DECIMAL, DATE, TIME, TIMESTAMP or TIMESTAMP_TZ value may be a
 * {@link NativeValue}: what the source engine stored that has no value of the type (a MariaDB zero date
 * {@code 0000-00-00}, a MariaDB {@code TIME} beyond 24 hours, a PostgreSQL {@code numeric} {@code NaN} or
 * {@code Infinity}, an H2 {@code DECFLOAT} {@code NaN}), where {@link NativeValue#fits(LogicalType)} allows it and
 * the column's {@link Column#nativeType()} names the value's engine. The archive writes it as the engine's text,
 * a JSON string that is not the type's own encoding. Only a store of the same engine whose column can hold it
 * accepts it; any other target refuses it rather than store something else.
 *
 * <p>SQL NULL is Java {@code null} and JSON {@code null} in the archive, always distinct from an empty string,
 * empty binary and the JSON literal {@code null}. Instances are immutable and compare by value.
 */
public final class LogicalType {

    /** The kinds of logical type. */
    public enum Kind {
        /** true or false. */
        BOOLEAN,
        /** A 64-bit signed integer. */
        INTEGER,
        /**
         * An exact decimal number, optionally limited by precision and scale (a value may also be one of the
         * {@link NativeValue}s of {@code numeric} and {@code DECFLOAT}: {@code NaN}, {@code Infinity},
         * {@code -Infinity}).
         */
        DECIMAL,
        /** An IEEE 754 64-bit floating point number, including NaN, infinities and -0.0. */
        DOUBLE,
        /** Unicode text of any length, optionally limited to a maximum length in characters. */
        TEXT,
        /** A byte string of any length, optionally limited to a maximum length in bytes. */
        BINARY,
        /** A calendar date without time zone. */
        DATE,
        /** A time of day without time zone, up to nanosecond precision. */
        TIME,
        /** A date and time without time zone. */
        TIMESTAMP,
        /** A date and time with a UTC offset. */
        TIMESTAMP_TZ,
        /** A 128-bit UUID. */
        UUID,
        /** Any JSON value (object, array, string, number, boolean, null), as text. */
        JSON,
        /**
         * An array of values of one element type, of one or more dimensions, each with a lower bound (1 unless
         * said otherwise); elements may be null.
         */
        ARRAY,
        /**
         * A value of one database engine's own type that no other kind holds exactly (a PostgreSQL
         * {@code interval}, {@code inet} or range, a MariaDB {@code GEOMETRY}), in the engine's canonical text
         * form. A store of the same engine with a column of the same type holds it exactly; a text column of any
         * store holds its text; nothing else accepts it.
         */
        NATIVE
    }

    private static final LogicalType BOOLEAN = new LogicalType(Kind.BOOLEAN, null, null, null, null);
    private static final LogicalType INTEGER = new LogicalType(Kind.INTEGER, null, null, null, null);
    private static final LogicalType DECIMAL = new LogicalType(Kind.DECIMAL, null, null, null, null);
    private static final LogicalType DOUBLE = new LogicalType(Kind.DOUBLE, null, null, null, null);
    private static final LogicalType TEXT = new LogicalType(Kind.TEXT, null, null, null, null);
    private static final LogicalType BINARY = new LogicalType(Kind.BINARY, null, null, null, null);
    private static final LogicalType DATE = new LogicalType(Kind.DATE, null, null, null, null);
    private static final LogicalType TIME = new LogicalType(Kind.TIME, null, null, null, null);
    private static final LogicalType TIMESTAMP = new LogicalType(Kind.TIMESTAMP, null, null, null, null);
    private static final LogicalType TIMESTAMP_TZ = new LogicalType(Kind.TIMESTAMP_TZ, null, null, null, null);
    private static final LogicalType UUID = new LogicalType(Kind.UUID, null, null, null, null);
    private static final LogicalType JSON = new LogicalType(Kind.JSON, null, null, null, null);

    /** Largest precision a DECIMAL may declare. */
    public static final int MAX_DECIMAL_PRECISION = 1000;

    private final Kind kind;
    private final Integer precision;
    private final Integer scale;
    private final Integer maxLength;
    private final LogicalType elementType;
    private final String engine;
    private final String nativeTypeName;

    private LogicalType(Kind kind, Integer precision, Integer scale, Integer maxLength, LogicalType elementType) {
        this(kind, precision, scale, maxLength, elementType, null, null);
    }

    private LogicalType(Kind kind, Integer precision, Integer scale, Integer maxLength, LogicalType elementType,
            String engine, String nativeTypeName) {
        this.kind = kind;
        this.precision = precision;
        this.scale = scale;
        this.maxLength = maxLength;
        this.elementType = elementType;
        this.engine = engine;
        this.nativeTypeName = nativeTypeName;
    }

    /** @return the BOOLEAN type */
    public static LogicalType bool() {
        return BOOLEAN;
    }

    /** @return the INTEGER type (64-bit signed) */
    public static LogicalType integer() {
        return INTEGER;
    }

    /** @return a DECIMAL of unlimited precision and scale */
    public static LogicalType decimal() {
        return DECIMAL;
    }

    /**
     * A DECIMAL with at most {@code precision} significant digits, {@code scale} of them after the point.
     *
     * @param precision total digits, 1 to {@value #MAX_DECIMAL_PRECISION}
     * @param scale digits after the decimal point; negative where the database allows it (rounding to tens,
     *     hundreds, ...), never above {@code precision}
     * @return the type
     * @throws IllegalArgumentException if precision or scale is out of range
     */
    public static LogicalType decimal(int precision, int scale) {
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
            throw new IllegalArgumentException(
                    "DECIMAL precision must be between 1 and " + MAX_DECIMAL_PRECISION + ", was " + precision);
        }
        if (scale > precision || scale < -MAX_DECIMAL_PRECISION) {
            throw new IllegalArgumentException(
                    "DECIMAL scale must not exceed precision " + precision + " (nor be below -"
                            + MAX_DECIMAL_PRECISION + "), was " + scale);
        }
        return new LogicalType(Kind.DECIMAL, precision, scale, null, null);
    }

    /** @return the DOUBLE type */
    public static LogicalType float64() {
        return DOUBLE;
    }

    /** @return TEXT of unlimited length */
    public static LogicalType text() {
        return TEXT;
    }

    /**
     * TEXT of at most {@code maxLength} characters (Unicode code points).
     *
     * @param maxLength the limit, at least 1
     * @return the type
     */
    public static LogicalType text(int maxLength) {
        requirePositiveLength(maxLength, "TEXT");
        return new LogicalType(Kind.TEXT, null, null, maxLength, null);
    }

    /** @return BINARY of unlimited length */
    public static LogicalType binary() {
        return BINARY;
    }

    /**
     * BINARY of at most {@code maxLength} bytes.
     *
     * @param maxLength the limit, at least 1
     * @return the type
     */
    public static LogicalType binary(int maxLength) {
        requirePositiveLength(maxLength, "BINARY");
        return new LogicalType(Kind.BINARY, null, null, maxLength, null);
    }

    /** @return the DATE type */
    public static LogicalType date() {
        return DATE;
    }

    /** @return the TIME type */
    public static LogicalType time() {
        return TIME;
    }

    /** @return the TIMESTAMP type (no time zone) */
    public static LogicalType timestamp() {
        return TIMESTAMP;
    }

    /** @return the TIMESTAMP_TZ type (with UTC offset) */
    public static LogicalType timestampTz() {
        return TIMESTAMP_TZ;
    }

    /** @return the UUID type */
    public static LogicalType uuid() {
        return UUID;
    }

    /** @return the JSON type */
    public static LogicalType json() {
        return JSON;
    }

    /**
     * An ARRAY of the given element type.
     *
     * @param elementType the type of every element; not itself an ARRAY
     * @return the type
     */
    public static LogicalType array(LogicalType elementType) {
        Objects.requireNonNull(elementType, "elementType");
        if (elementType.kind == Kind.ARRAY) {
            throw new IllegalArgumentException("ARRAY of ARRAY is not supported; use JSON for nested arrays");
        }
        return new LogicalType(Kind.ARRAY, null, null, null, elementType);
    }

    /**
     * A NATIVE type: values of one engine's own type, carried in the engine's canonical text form.
     *
     * <p>The engine is the lower-case name of the database product ({@code postgresql}, {@code mariadb},
     * {@code h2}); the type name is the engine's name of the value's type as its catalog spells it, without a
     * schema (for a domain: the domain's base type, since that fixes the values), e.g. {@code interval},
     * {@code int4range}, {@code geometry}. Two NATIVE types hold the same values exactly when engine and type name
     * are equal. {@code docs/jdbc-types.md} lists each type's canonical text form.
     *
     * @param engine the engine, lower case, e.g. {@code postgresql}
     * @param typeName the type's name in that engine, e.g. {@code interval}
     * @return the type
     * @throws IllegalArgumentException if either is blank, or the engine is not lower case
     */
    public static LogicalType nativeType(String engine, String typeName) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(typeName, "typeName");
        if (engine.isBlank() || typeName.isBlank()) {
            throw new IllegalArgumentException("a NATIVE type needs an engine and a type name, was '" + engine
                    + "' and '" + typeName + "'");
        }
        if (!engine.equals(engine.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("a NATIVE type's engine is lower case, was '" + engine + "'");
        }
        return new LogicalType(Kind.NATIVE, null, null, null, null, engine, typeName);
    }

    /**
     * The unparameterised type of a kind ({@link Kind#ARRAY} needs an element type and is refused here).
     *
     * @param kind the kind
     * @return the type
     */
    public static LogicalType of(Kind kind) {
        return switch (kind) {
            case BOOLEAN -> BOOLEAN;
            case INTEGER -> INTEGER;
            case DECIMAL -> DECIMAL;
            case DOUBLE -> DOUBLE;
            case TEXT -> TEXT;
            case BINARY -> BINARY;
            case DATE -> DATE;
            case TIME -> TIME;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMP_TZ -> TIMESTAMP_TZ;
            case UUID -> UUID;
            case JSON -> JSON;
            case ARRAY -> throw new IllegalArgumentException("ARRAY needs an element type: use LogicalType.array(...)");
            case NATIVE -> throw new IllegalArgumentException(
                    "NATIVE needs an engine and a type name: use LogicalType.nativeType(...)");
        };
    }

    private static void requirePositiveLength(int maxLength, String kind) {
        if (maxLength < 1) {
            throw new IllegalArgumentException(kind + " maxLength must be at least 1, was " + maxLength);
        }
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the DECIMAL precision, if declared */
    public Optional<Integer> precision() {
        return Optional.ofNullable(precision);
    }

    /** @return the DECIMAL scale, if declared */
    public Optional<Integer> scale() {
        return Optional.ofNullable(scale);
    }

    /** @return the TEXT or BINARY maximum length, if declared */
    public Optional<Integer> maxLength() {
        return Optional.ofNullable(maxLength);
    }

    /** @return the ARRAY element type, if this is an ARRAY */
    public Optional<LogicalType> elementType() {
        return Optional.ofNullable(elementType);
    }

    /** @return the engine of a NATIVE type, e.g. {@code postgresql} */
    public Optional<String> engine() {
        return Optional.ofNullable(engine);
    }

    /** @return the engine's type name of a NATIVE type, e.g. {@code interval} */
    public Optional<String> nativeTypeName() {
        return Optional.ofNullable(nativeTypeName);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof LogicalType other
                && kind == other.kind
                && Objects.equals(precision, other.precision)
                && Objects.equals(scale, other.scale)
                && Objects.equals(maxLength, other.maxLength)
                && Objects.equals(elementType, other.elementType)
                && Objects.equals(engine, other.engine)
                && Objects.equals(nativeTypeName, other.nativeTypeName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, precision, scale, maxLength, elementType, engine, nativeTypeName);
    }

    /**
     * @return the type as written in messages and docs, e.g. {@code DECIMAL(12,2)}, {@code ARRAY<TEXT>},
     *     {@code NATIVE(postgresql interval)}
     */
    @Override
    public String toString() {
        if (engine != null) {
            return "NATIVE(" + engine + " " + nativeTypeName + ")";
        }
        if (precision != null) {
            return kind + "(" + precision + "," + scale + ")";
        }
        if (maxLength != null) {
            return kind + "(" + maxLength + ")";
        }
        if (elementType != null) {
            return "ARRAY<" + elementType + ">";
        }
        return kind.name();
    }
}
