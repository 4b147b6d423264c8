package dev.portability.jdbc.internal;

import dev.portability.api.BoundedArray;
import dev.portability.api.Infinity;
import dev.portability.api.NativeValue;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The codecs that standard JDBC handles the same way on every database, and building blocks for the others. */
public final class Codecs {

    private Codecs() {
    }

    /** A 64-bit integer, from any integer column. */
    public static final Codec LONG = new Codec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            long value = rs.getLong(index);
            return rs.wasNull() ? null : value;
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.BIGINT);
            } else {
                ps.setLong(index, (Long) value);
            }
        }
    };

    /** An exact decimal. */
    public static final Codec DECIMAL = new Codec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return rs.getBigDecimal(index);
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.NUMERIC);
            } else {
                ps.setBigDecimal(index, (BigDecimal) value);
            }
        }
    };

    /** A 64-bit float, NaN, infinities and -0.0 included. */
    public static final Codec DOUBLE = new Codec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            double value = rs.getDouble(index);
            return rs.wasNull() ? null : value;
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.DOUBLE);
            } else {
                ps.setDouble(index, (Double) value);
            }
        }
    };

    /**
     * A 32-bit float (REAL, FLOAT4, MariaDB FLOAT), read as a float and widened exactly: the archive holds the
     * stored binary value, whatever text or binary transfer the driver picked. A double that is not exactly a
     * float is rounded by the database.
     */
    public static final Codec FLOAT32 = new Codec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            float value = rs.getFloat(index);
            return rs.wasNull() ? null : (double) value;
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.REAL);
                return;
            }
            double d = (Double) value;
            float f = (float) d;
            if (f == d || Double.isNaN(d)) {
                ps.setFloat(index, f);
            } else {
                ps.setDouble(index, d);
            }
        }
    };

    /** true or false. */
    public static final Codec BOOLEAN = new Codec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            boolean value = rs.getBoolean(index);
            return rs.wasNull() ? null : value;
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.BOOLEAN);
            } else {
                ps.setBoolean(index, (Boolean) value);
            }
        }
    };

    /** Text of any length, CLOBs included. */
    public static final Codec TEXT = new Codec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return rs.getString(index);
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.VARCHAR);
            } else {
                ps.setString(index, (String) value);
            }
        }
    };

    /** Bytes of any length, BLOBs included. */
    public static final Codec BYTES = new Codec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return rs.getBytes(index);
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.VARBINARY);
            } else {
                ps.setBytes(index, (byte[]) value);
            }
        }
    };

    /** A date, through {@link LocalDate}: no time zone is involved. */
    public static final Codec DATE = object(LocalDate.class, Types.DATE);

    /** A time of day, through {@link LocalTime}. */
    public static final Codec TIME = object(LocalTime.class, Types.TIME);

    /** A date and time without zone, through {@link LocalDateTime}. */
    public static final Codec TIMESTAMP = object(LocalDateTime.class, Types.TIMESTAMP);

    /** A date and time with offset, through {@link OffsetDateTime}. */
    public static final Codec TIMESTAMP_TZ = object(OffsetDateTime.class, Types.TIMESTAMP_WITH_TIMEZONE);

    /** A UUID, through {@link UUID}. */
    public static final Codec UUID_OBJECT = object(UUID.class, Types.OTHER);

    /** A UUID held as its 36-character text. */
    public static final Codec UUID_TEXT = new Codec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            String text = rs.getString(index);
            if (text == null) {
                return null;
            }
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new BadValueException("'" + ValueText.cut(text) + "' is not a UUID");
            }
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.VARCHAR);
            } else {
                ps.setString(index, value.toString());
            }
        }
    };

    /**
     * A codec that reads with {@code getObject(index, type)} and binds with {@code setObject}.
     *
     * @param type the Java class
     * @param sqlType the JDBC type for NULL
     * @return the codec
     */
    public static Codec object(Class<?> type, int sqlType) {
        return new Codec() {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return rs.getObject(index, type);
            }

            @Override
            public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                if (value == null) {
                    ps.setNull(index, sqlType);
                } else {
                    ps.setObject(index, value);
                }
            }
        };
    }

    /**
     * A codec that reads with another but binds values as text of unspecified type ({@code setObject(i, text,
     * Types.OTHER)}), so that the database converts them to the column's type: PostgreSQL enums, json, bit.
     *
     * @param reader reads values
     * @param render turns a canonical value into the database's input text
     * @return the codec
     */
    public static Codec untyped(Codec reader, java.util.function.Function<Object, String> render) {
        return new Codec() {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return reader.read(rs, index);
            }

            @Override
            public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                if (value == null) {
                    ps.setNull(index, Types.OTHER);
                } else {
                    ps.setObject(index, render.apply(value), Types.OTHER);
                }
            }
        };
    }

    /**
     * Reads a JDBC array through its result set view (column 2 holds the elements), so that each element is read
     * by the element's own codec, with the same exactness as a column of that type.
     *
     * @param rs the result set
     * @param index the array column
     * @param element the element codec
     * @return an unmodifiable list (elements may be null), or null
     * @throws SQLException if the driver fails
     * @throws BadValueException if the array has more than one dimension
     */
    public static List<Object> readArray(ResultSet rs, int index, Codec element) throws SQLException {
        Array array = rs.getArray(index);
        if (array == null) {
            return null;
        }
        try (ResultSet elements = array.getResultSet()) {
            if (elements.getMetaData().getColumnType(2) == Types.ARRAY) {
                throw new BadValueException("a multi-dimensional array cannot be carried; only one-dimensional "
                        + "arrays map to ARRAY");
            }
            List<Object> values = new ArrayList<>();
            while (elements.next()) {
                values.add(element.read(elements, 2));
            }
            return Collections.unmodifiableList(values);
        } finally {
            array.free();
        }
    }

    /**
     * Why a column cannot hold a value exactly: what {@link Codec#refusal(Object)} returns for a column that holds
     * the given kinds of non-portable values and refuses the others, looking inside arrays.
     *
     * @param value a canonical non-null value
     * @param infinity whether the column holds {@link Infinity} values
     * @param nativeEngine the engine whose {@link NativeValue}s the column holds, or null for none
     * @param dimensions whether the column holds arrays of several dimensions
     * @param lowerBounds whether the column holds arrays whose dimensions do not start at 1
     * @return the reason, or null when the column holds the value
     */
    public static String refusal(Object value, boolean infinity, String nativeEngine, boolean dimensions,
            boolean lowerBounds) {
        return refusalWith(value, infinity, nativeValue -> nativeValue.engine().equals(nativeEngine) ? null
                : otherEngine(nativeValue), dimensions, lowerBounds);
    }

    /**
     * Why a column cannot hold a value exactly, as {@link #refusal(Object, boolean, String, boolean, boolean)}, with
     * the {@link NativeValue}s it holds decided by a function (e.g. PostgreSQL's {@code numeric(p,s)} holds
     * {@code NaN} but no infinity).
     *
     * @param value a canonical non-null value
     * @param infinity whether the column holds {@link Infinity} values
     * @param natives why the column cannot hold a native value (see {@link #otherEngine}), or null when it holds it
     * @param dimensions whether the column holds arrays of several dimensions
     * @param lowerBounds whether the column holds arrays whose dimensions do not start at 1
     * @return the reason, or null when the column holds the value
     */
    public static String refusalWith(Object value, boolean infinity, Function<NativeValue, String> natives,
            boolean dimensions, boolean lowerBounds) {
        if (value instanceof Infinity && !infinity) {
            return "the value " + value + " (PostgreSQL's date or timestamp " + (value == Infinity.POSITIVE
                    ? "later" : "earlier") + " than every other) has no equal in this column's type; it is "
                    + "refused rather than stored as another date";
        }
        if (value instanceof NativeValue nativeValue) {
            return natives.apply(nativeValue);
        }
        if (value instanceof BoundedArray array) {
            if (!lowerBounds) {
                return "the array's dimensions start at " + array.lowerBounds() + ", but this column's arrays start "
                        + "at 1; it is refused rather than stored with other indexes";
            }
            return refusalWith(array.elements(), infinity, natives, dimensions, lowerBounds);
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof List<?> && !dimensions) {
                    return "the array has several dimensions, but this column holds arrays of one dimension; it "
                            + "is refused rather than flattened";
                }
                String reason = item == null ? null : refusalWith(item, infinity, natives, dimensions, lowerBounds);
                if (reason != null) {
                    return reason;
                }
            }
        }
        return null;
    }

    /**
     * A codec with a target column's own rules as its {@link Codec#limitRefusal(Object)}: what the column's logical
     * type does not say (see {@link Limit}). Reads, binds, SQL text and {@link Codec#refusal(Object)} are the
     * codec's.
     *
     * @param codec the codec
     * @param limit the column's rules
     * @return the codec with the rules; {@code codec} itself when there are none
     */
    public static Codec limited(Codec codec, Limit limit) {
        if (limit == null || limit == Limit.NONE) {
            return codec;
        }
        return new Codec() {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return codec.read(rs, index);
            }

            @Override
            public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                codec.bind(ps, index, value);
            }

            @Override
            public String select(String quotedColumn) {
                return codec.select(quotedColumn);
            }

            @Override
            public String refusal(Object value) {
                return codec.refusal(value);
            }

            @Override
            public String limitRefusal(Object value) {
                String reason = codec.limitRefusal(value);
                return reason != null ? reason : limit.refusal(value);
            }

            @Override
            public String parameter() {
                return codec.parameter();
            }
        };
    }

    /**
     * The refusal of a native value this column's engine did not store.
     *
     * @param nativeValue the value
     * @return the reason
     */
    public static String otherEngine(NativeValue nativeValue) {
        return "the " + nativeValue.engine() + " value '" + ValueText.cut(nativeValue.text()) + "' has no equal "
                + "in this column's type (only a " + nativeValue.engine() + " column holds it); it is refused "
                + "rather than stored as NULL or another value";
    }

    /** Renders values for messages. */
    static final class ValueText {
        private ValueText() {
        }

        /**
         * @param text a value's text
         * @return at most 40 characters of it
         */
        static String cut(String text) {
            return text.length() > 40 ? text.substring(0, 37) + "..." : text;
        }
    }

    /**
     * The offset of a timestamp as a database reads it: {@code +05:30}, {@code +00:00}, {@code -08:00:15}.
     *
     * @param offset the offset
     * @return its text, never {@code Z}
     */
    static String offsetText(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        StringBuilder text = new StringBuilder(9).append(total < 0 ? '-' : '+');
        twoDigits(text, abs / 3600).append(':');
        twoDigits(text, abs / 60 % 60);
        if (abs % 60 != 0) {
            twoDigits(text.append(':'), abs % 60);
        }
        return text.toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
