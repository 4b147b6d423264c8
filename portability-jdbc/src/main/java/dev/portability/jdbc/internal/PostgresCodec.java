package dev.portability.jdbc.internal;

import dev.portability.api.Infinity;
import dev.portability.api.NativeValue;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * How the values of one PostgreSQL column travel: read and bound through JDBC where the driver is exact, as the
 * server's own text otherwise (its output function, bound as text of unspecified type so that the server
 * converts it to the column's type, domain included, whose CHECK then runs), and written in COPY's text format.
 * Also what the bulk load needs to know: the base type's name, whether jsonb rules apply, whether COPY can carry
 * the column at all.
 */
final class PostgresCodec implements Codec {

    /** How values are read and bound. */
    enum Shape {
        /** Through the JDBC getters and setters of {@link #jdbc}. */
        JDBC,
        /** As the server's text (the type's output function, see {@link #select}), bound untyped. */
        TEXT,
        /** An array, as the server's array text, bound untyped. */
        ARRAY,
        /** A large object referenced by an {@code oid} (or {@code lo}) column: its content. */
        LARGE_OBJECT
    }

    private final Shape shape;
    private final Codec jdbc;
    private final PostgresText form;
    private final String baseType;
    private final String output;
    private final String castTo;
    private final char delimiter;
    private final boolean strings;
    private final boolean jsonb;
    /** The column's own rules beyond its type's (see {@link #limited}). */
    private Limit limit = Limit.NONE;
    private final NumericSpecials numericSpecials;

    /** Which of {@code numeric}'s values that have no DECIMAL value (see {@link PostgresText#NUMERIC}) a column holds. */
    enum NumericSpecials {
        /** None: not a numeric column (money). */
        NONE,
        /** {@code NaN} only: a {@code numeric(p,s)}, which refuses infinities ("numeric field overflow"). */
        NAN,
        /** {@code NaN}, {@code Infinity} and {@code -Infinity}: a {@code numeric} without a type modifier. */
        ALL
    }

    private PostgresCodec(Shape shape, Codec jdbc, PostgresText form, String baseType, String output, String castTo,
            char delimiter, boolean strings, boolean jsonb) {
        this(shape, jdbc, form, baseType, output, castTo, delimiter, strings, jsonb, NumericSpecials.NONE);
    }

    private PostgresCodec(Shape shape, Codec jdbc, PostgresText form, String baseType, String output, String castTo,
            char delimiter, boolean strings, boolean jsonb, NumericSpecials numericSpecials) {
        this.shape = shape;
        this.jdbc = jdbc;
        this.form = form;
        this.baseType = baseType;
        this.output = output;
        this.castTo = castTo;
        this.delimiter = delimiter;
        this.strings = strings;
        this.jsonb = jsonb;
        this.numericSpecials = numericSpecials;
    }

    /**
     * The same codec for a {@code numeric} column (or array of numeric), holding PostgreSQL's {@code NaN} and, without
     * a type modifier, its infinities as {@link NativeValue}s of engine {@code postgresql}.
     *
     * @param infinities whether the column holds {@code Infinity} and {@code -Infinity} (no precision declared)
     * @return the codec
     */
    PostgresCodec holdingNumericSpecials(boolean infinities) {
        PostgresCodec copy = new PostgresCodec(shape, jdbc, form, baseType, output, castTo, delimiter, strings, jsonb,
                infinities ? NumericSpecials.ALL : NumericSpecials.NAN);
        copy.limit = limit;
        return copy;
    }

    /**
     * A scalar read and bound through JDBC.
     *
     * @param jdbc the JDBC codec
     * @param form the text form, for COPY
     * @param baseType the type's name ({@code typname})
     * @return the codec
     */
    static PostgresCodec jdbc(Codec jdbc, PostgresText form, String baseType) {
        return new PostgresCodec(Shape.JDBC, jdbc, form, baseType, null, null, ',', form == PostgresText.TEXT,
                baseType.equals("jsonb"));
    }

    /**
     * A scalar read as the server's text and bound untyped.
     *
     * @param form parses and renders the text
     * @param baseType the base type's name ({@code typname})
     * @param output the output function that writes the text, e.g. {@code pg_catalog.interval_out}
     * @param castTo the type the value is cast to before, e.g. {@code numeric} for money; null for none
     * @return the codec
     */
    static PostgresCodec text(PostgresText form, String baseType, String output, String castTo) {
        return new PostgresCodec(Shape.TEXT, null, form, baseType, output, castTo, ',', form == PostgresText.TEXT,
                baseType.equals("jsonb"));
    }

    /**
     * An array.
     *
     * @param element parses and renders the elements
     * @param elementType the element's base type name
     * @param delimiter the element type's delimiter
     * @param castTo the array type the value is cast to before its text is written, e.g. {@code numeric[]} for
     *     money; null for none
     * @return the codec
     */
    static PostgresCodec array(PostgresText element, String elementType, char delimiter, String castTo) {
        return new PostgresCodec(Shape.ARRAY, null, element, elementType, "pg_catalog.array_out", castTo, delimiter,
                element == PostgresText.TEXT, elementType.equals("jsonb"));
    }

    /** @return the codec of a column that references large objects */
    static PostgresCodec largeObject() {
        return new PostgresCodec(Shape.LARGE_OBJECT, null, PostgresText.BYTEA, "oid", null, null, ',', false, false);
    }

    /**
     * A copy of this codec with a column's own rules as its {@link #limitRefusal(Object)} (see
     * {@link PostgresDialect#withLimits}).
     *
     * @param rules the column's rules
     * @return the copy
     */
    PostgresCodec limited(Limit rules) {
        PostgresCodec copy = new PostgresCodec(shape, jdbc, form, baseType, output, castTo, delimiter, strings, jsonb,
                numericSpecials);
        copy.limit = rules;
        return copy;
    }

    /** @return how values travel */
    Shape shape() {
        return shape;
    }

    /** @return the base type's name (the element's for an array), e.g. {@code int4}, {@code jsonb} */
    String baseType() {
        return baseType;
    }

    /** @return whether COPY can load the column (not for large objects, which are created by a function) */
    boolean copyable() {
        return shape != Shape.LARGE_OBJECT;
    }

    /**
     * @return whether binary COPY may encode it by its logical kind and {@link #baseType} (a scalar; not an array
     *     or a large object)
     */
    boolean binaryCopyable() {
        return shape == Shape.JDBC || shape == Shape.TEXT;
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        switch (shape) {
            case JDBC -> {
                Object value = jdbc.read(rs, index);
                return value == null ? null : infinity(value);
            }
            case TEXT -> {
                String text = rs.getString(index);
                return text == null ? null : form.parse(text);
            }
            case ARRAY -> {
                String text = rs.getString(index);
                return text == null ? null : PostgresArrays.parse(text, delimiter, form);
            }
            default -> {
                byte[] bytes = rs.getBytes(index);
                if (bytes == null) {
                    return null;
                }
                if (bytes.length > 0 && bytes[0] == 1) {
                    return Arrays.copyOfRange(bytes, 1, bytes.length);
                }
                long oid = ByteBuffer.wrap(bytes, 1, 8).getLong();
                throw new BadValueException("the oid " + oid + " names no large object. An oid column is exported as "
                        + "the content of the large object it references (as pg_dump carries large objects); if the "
                        + "column holds other numbers, change its type to bigint, or leave the column out");
            }
        }
    }

    /** The driver reads PostgreSQL's {@code infinity} as the largest java.time value; it is {@link Infinity}. */
    private static Object infinity(Object value) {
        if (value.equals(LocalDate.MAX) || value.equals(LocalDateTime.MAX) || value.equals(OffsetDateTime.MAX)) {
            return Infinity.POSITIVE;
        }
        if (value.equals(LocalDate.MIN) || value.equals(LocalDateTime.MIN) || value.equals(OffsetDateTime.MIN)) {
            return Infinity.NEGATIVE;
        }
        return value;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            if (shape == Shape.JDBC) {
                jdbc.bind(ps, index, null);
            } else {
                ps.setNull(index, shape == Shape.LARGE_OBJECT ? Types.BINARY : Types.OTHER);
            }
            return;
        }
        checkNul(value);
        switch (shape) {
            case JDBC -> {
                if (value instanceof Infinity infinity) {
                    ps.setObject(index, infinity.text(), Types.OTHER);
                } else if (value instanceof NativeValue nativeValue && numericSpecials != NumericSpecials.NONE) {
                    ps.setObject(index, PostgresText.numericText(nativeValue), Types.OTHER);
                } else {
                    PostgresText.refuseNative(value, baseType);
                    jdbc.bind(ps, index, value);
                }
            }
            case TEXT -> ps.setObject(index, form.render(value), Types.OTHER);
            case ARRAY -> ps.setObject(index, PostgresArrays.render(value, delimiter, form), Types.OTHER);
            default -> ps.setBytes(index, (byte[]) value);
        }
    }

    /**
     * The value in COPY's text format, before COPY's own escaping.
     *
     * @param value the value, not null
     * @return its text
     * @throws BadValueException if PostgreSQL cannot hold it
     */
    String copyText(Object value) {
        checkNul(value);
        if (value instanceof Infinity infinity) {
            return infinity.text();
        }
        if (shape == Shape.ARRAY) {
            return PostgresArrays.render(value, delimiter, form);
        }
        if (value instanceof NativeValue && numericSpecials == NumericSpecials.NONE) {
            PostgresText.refuseNative(value, baseType);
        }
        return form.render(value);
    }

    /**
     * Refuses text PostgreSQL cannot store before it reaches the server: U+0000 in any text (every text input
     * function reads a C string), and the JSON escape <code>&#92;u0000</code> in jsonb.
     */
    private void checkNul(Object value) {
        if (!strings) {
            return;
        }
        if (value instanceof String text) {
            checkNul(text, jsonb, "");
        } else if (shape == Shape.ARRAY) {
            PostgresArrays.forEachElement(value, (element, position) -> {
                if (element instanceof String text) {
                    checkNul(text, jsonb, " (array element " + position + ")");
                }
            });
        }
    }

    static void checkNul(String text, boolean jsonb, String where) {
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

    /**
     * PostgreSQL's date, timestamp and timestamptz hold infinity (also as array elements), its arrays hold several
     * dimensions and any lower bounds, and its {@code numeric} holds its own {@code NaN} and, without a type
     * modifier, {@code Infinity} and {@code -Infinity} ({@link NativeValue}s of engine {@code postgresql}); no
     * PostgreSQL type holds another engine's {@link NativeValue}; no text holds U+0000 (nor jsonb the escape
     * <code>&#92;u0000</code>). The column's own rules are {@link #limitRefusal}.
     */
    @Override
    public String refusal(Object value) {
        boolean infinity = form == PostgresText.DATE || form == PostgresText.TIMESTAMP
                || form == PostgresText.TIMESTAMPTZ;
        boolean array = shape == Shape.ARRAY;
        String reason = Codecs.refusalWith(value, infinity, this::numericSpecial, array, array);
        if (reason != null) {
            return reason;
        }
        try {
            checkNul(value);
        } catch (BadValueException e) {
            return e.getMessage();
        }
        return null;
    }

    @Override
    public String limitRefusal(Object value) {
        return limit.refusal(value);
    }

    /** Why this column cannot hold a native value, or null when it holds it (a numeric's NaN or infinity). */
    private String numericSpecial(NativeValue value) {
        if (!value.engine().equals(PostgresDialect.ENGINE)) {
            return Codecs.otherEngine(value);
        }
        boolean nan = value.text().equals("NaN");
        boolean infinite = value.text().equals("Infinity") || value.text().equals("-Infinity");
        if (nan && numericSpecials != NumericSpecials.NONE || infinite && numericSpecials == NumericSpecials.ALL) {
            return null;
        }
        if (infinite && numericSpecials == NumericSpecials.NAN) {
            return "the numeric value " + value.text() + " has no equal in this column's type: a numeric with a "
                    + "declared precision holds NaN but no infinity (PostgreSQL: numeric field overflow); it is "
                    + "refused rather than stored as another number";
        }
        return "the postgresql value '" + Codecs.ValueText.cut(value.text()) + "' has no equal in this column's "
                + "type" + (nan || infinite ? " (" + baseType + " holds no NaN or infinity)" : "") + "; it is "
                + "refused rather than stored as NULL or another value";
    }

    @Override
    public String select(String quotedColumn) {
        if (shape == Shape.LARGE_OBJECT) {
            // one byte tells the content (1) from a dangling reference (0, then the oid as 8 bytes)
            return "CASE WHEN " + quotedColumn + " IS NULL THEN NULL WHEN EXISTS (SELECT 1 FROM "
                    + "pg_catalog.pg_largeobject_metadata m WHERE m.oid = " + quotedColumn + ") THEN "
                    + "pg_catalog.decode('01', 'hex') || pg_catalog.lo_get(" + quotedColumn + ") ELSE "
                    + "pg_catalog.decode('00', 'hex') || pg_catalog.int8send(CAST(" + quotedColumn + " AS bigint)) END";
        }
        if (output == null) {
            return quotedColumn;
        }
        // the output function, not a cast to text: casts of some types differ from their text (inet's shows the
        // netmask, char(n)'s drops the padding, boolean's says 'true'); textin makes it text, which always travels
        // as text whatever binary transfer the driver uses
        return "pg_catalog.textin(" + output + "(" + (castTo == null ? quotedColumn
                : "CAST(" + quotedColumn + " AS " + castTo + ")") + "))";
    }

    @Override
    public String parameter() {
        // a new large object in the target, created inside the import's transaction
        return shape == Shape.LARGE_OBJECT ? "pg_catalog.lo_from_bytea(0, ?)" : "?";
    }
}
