package dev.portability.jdbc.internal;

import dev.portability.api.BoundedArray;
import dev.portability.api.NativeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How H2's types without a portable logical type travel ({@code INTERVAL}, {@code TIME WITH TIME ZONE},
 * {@code GEOMETRY}, {@code ROW}), and arrays of any number of dimensions. What H2 cannot hold at all (an
 * {@link dev.portability.api.Infinity}, another engine's {@link NativeValue}) is refused by
 * {@link Codec#refusal(Object)} before a value is bound.
 */
final class H2Codecs {

    /** The engine name of H2's native types. */
    static final String ENGINE = "h2";

    private H2Codecs() {
    }

    /**
     * A codec whose values can also be elements of an H2 array: {@link #element} turns a canonical value into the
     * Java object H2 converts to the element type exactly.
     */
    interface ElementCodec extends Codec {
        /**
         * @param value a canonical value, not null
         * @return the object to put into the array given to the driver
         * @throws BadValueException if H2 cannot hold the value
         */
        default Object element(Object value) {
            return value;
        }
    }

    /**
     * Makes a plain codec an element-capable one.
     *
     * @param codec the codec
     * @return the same behaviour, elements unchanged
     */
    static ElementCodec plain(Codec codec) {
        return codec instanceof ElementCodec own ? own : new ElementCodec() {
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
            public String parameter() {
                return codec.parameter();
            }

            @Override
            public String refusal(Object value) {
                return codec.refusal(value);
            }
        };
    }

    /**
     * JSON, read as the bytes H2 holds (its normalised JSON text). Written with {@code ? FORMAT JSON}; as an array
     * element, as UTF-8 bytes, which H2 parses as JSON (a string element would become a JSON string: {@code null}
     * would turn into {@code "null"}).
     */
    static final ElementCodec JSON = new ElementCodec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            byte[] bytes = rs.getBytes(index);
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            Codecs.TEXT.bind(ps, index, value);
        }

        @Override
        public String parameter() {
            return "? FORMAT JSON";
        }

        @Override
        public Object element(Object value) {
            return ((String) value).getBytes(StandardCharsets.UTF_8);
        }
    };

    /**
     * {@code DECFLOAT}: a decimal, or one of its special values {@code NaN}, {@code Infinity} and {@code -Infinity}
     * (H2 documentation, "DECFLOAT"), which have no DECIMAL value and are {@link NativeValue}s of engine {@code h2}
     * holding that text. Read as H2's text (its {@code getBigDecimal} fails on the special values; the text of a
     * number is {@link BigDecimal#toString()}, read back exactly); written as a {@code BigDecimal}, a special value
     * as its text, which H2 converts. An array element is its text (H2 converts an array of strings element by
     * element, while an array mixing strings and decimals fails).
     */
    static final ElementCodec DECFLOAT = new ElementCodec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            String text = rs.getString(index);
            if (text == null) {
                return null;
            }
            if (special(text)) {
                return new NativeValue(ENGINE, text);
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new BadValueException("DECFLOAT text '" + Codecs.ValueText.cut(text) + "' is not a number");
            }
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value instanceof NativeValue nativeValue) {
                ps.setString(index, decfloatText(nativeValue));
            } else {
                Codecs.DECIMAL.bind(ps, index, value);
            }
        }

        @Override
        public Object element(Object value) {
            return value instanceof NativeValue nativeValue ? decfloatText(nativeValue) : value.toString();
        }

        /** H2's own NaN and infinities; no other engine's native value. */
        @Override
        public String refusal(Object value) {
            return Codecs.refusalWith(value, false, nativeValue -> !nativeValue.engine().equals(ENGINE)
                    ? Codecs.otherEngine(nativeValue) : special(nativeValue.text()) ? null
                    : "the h2 value '" + Codecs.ValueText.cut(nativeValue.text()) + "' is no DECFLOAT value; it is "
                            + "refused rather than stored as another number", false, false);
        }
    };

    private static boolean special(String text) {
        return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
    }

    private static String decfloatText(NativeValue value) {
        if (!value.engine().equals(ENGINE) || !special(value.text())) {
            throw new BadValueException("the value " + value + " has no H2 DECFLOAT form");
        }
        return value.text();
    }

    private static final Pattern INTERVAL = Pattern.compile("INTERVAL '(-?)([0-9 :.-]+)' ([A-Z ]+)");

    /**
     * An {@code INTERVAL} of one qualifier (e.g. {@code DAY TO SECOND}): H2's literal, e.g.
     * {@code INTERVAL '-1 02:03:04.5' DAY TO SECOND}, read with {@code getString} (what
     * {@code CAST(column AS VARCHAR)} gives) and written as that text, which H2 parses. A literal of another
     * qualifier, or with more fractional digits than the column keeps (H2 would cut them), is refused.
     *
     * @param qualifier the column's qualifier, e.g. {@code DAY TO SECOND}
     * @param fractionalDigits the column's fractional seconds precision
     * @return the codec
     */
    static ElementCodec interval(String qualifier, int fractionalDigits) {
        return text("INTERVAL " + qualifier, text -> {
            Matcher m = INTERVAL.matcher(text);
            if (!m.matches() || !m.group(3).equals(qualifier)) {
                return "it is not an H2 INTERVAL " + qualifier + " literal, e.g. INTERVAL '1' "
                        + qualifier.replaceFirst(" TO .*", "");
            }
            return tooPrecise(m.group(2), fractionalDigits);
        });
    }

    private static final Pattern TIME_TZ =
            Pattern.compile("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[+-]\\d{2}(:\\d{2}(:\\d{2})?)?");

    /**
     * {@code TIME WITH TIME ZONE}: H2's text, e.g. {@code 10:00:00.5+05:30} or {@code 23:59:59-18}, read with
     * {@code getString} and written as that text. More fractional digits than the column keeps are refused.
     *
     * @param fractionalDigits the column's fractional seconds precision
     * @return the codec
     */
    static ElementCodec timeWithTimeZone(int fractionalDigits) {
        return text("TIME WITH TIME ZONE", text -> TIME_TZ.matcher(text).matches()
                ? tooPrecise(text.replaceFirst("[+-].*", ""), fractionalDigits)
                : "it is not an H2 TIME WITH TIME ZONE value, e.g. 10:00:00+05:30");
    }

    private static String tooPrecise(String text, int fractionalDigits) {
        int dot = text.indexOf('.');
        int digits = dot < 0 ? 0 : text.length() - dot - 1;
        return digits > fractionalDigits ? "it has " + digits + " fractional digits and the column keeps "
                + fractionalDigits : null;
    }

    /** A check of a native text: the reason it does not fit, or null. */
    @FunctionalInterface
    private interface TextCheck {
        String problem(String text);
    }

    private static ElementCodec text(String type, TextCheck check) {
        return new ElementCodec() {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return rs.getString(index);
            }

            @Override
            public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                if (value == null) {
                    ps.setNull(index, Types.VARCHAR);
                } else {
                    ps.setString(index, (String) element(value));
                }
            }

            @Override
            public Object element(Object value) {
                String text = nativeText(value, type);
                String problem = check.problem(text);
                if (problem != null) {
                    throw new BadValueException("'" + Codecs.ValueText.cut(text) + "' cannot be stored in an H2 "
                            + type + " column: " + problem);
                }
                return text;
            }
        };
    }

    /**
     * {@code GEOMETRY}: H2's EWKB (WKB with the SRID and dimension flags PostGIS uses) as upper-case hex; written
     * back as those bytes, which H2 parses and checks against the column's geometry type and SRID. Exact, unlike
     * the EWKT {@code CAST(column AS VARCHAR)} prints.
     */
    static final ElementCodec GEOMETRY = new ElementCodec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            byte[] bytes = rs.getBytes(index);
            return bytes == null ? null : HexFormat.of().withUpperCase().formatHex(bytes);
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.VARBINARY);
            } else {
                ps.setBytes(index, (byte[]) element(value));
            }
        }

        @Override
        public Object element(Object value) {
            String text = nativeText(value, "GEOMETRY");
            try {
                return HexFormat.of().parseHex(text);
            } catch (IllegalArgumentException e) {
                throw new BadValueException("'" + Codecs.ValueText.cut(text) + "' is not hexadecimal, as an H2 "
                        + "GEOMETRY value (EWKB) must be");
            }
        }
    };

    private static String nativeText(Object value, String type) {
        if (value instanceof String text) {
            return text;
        }
        throw new BadValueException("a " + value.getClass().getSimpleName() + " value cannot be stored in an H2 "
                + type + " column; it takes the value's text");
    }

    /**
     * A {@code ROW} of fields whose text H2 converts back exactly: a JSON array with one element per field, the
     * field's text ({@code CAST(field AS VARCHAR)}) as a JSON string or {@code null}, e.g.
     * {@code ["1","x'y",null]}. H2's own {@code CAST(row AS VARCHAR)} does not quote strings, so it cannot be read
     * back.
     *
     * <p>Written through one parameter, a {@code VARCHAR ARRAY} of the field texts, from which a sub-query casts
     * each field to its own type and builds the row: H2 2.3 converts a row assigned with other field types wrongly
     * (every field after the first converted one gets that field's type), so the row must arrive with exactly the
     * column's field types.
     *
     * @param fieldTypes the SQL types of the fields, in order, as H2's metadata spells them
     * @return the codec
     */
    static ElementCodec row(List<String> fieldTypes) {
        StringBuilder sql = new StringBuilder("(SELECT CASE WHEN A IS NULL THEN NULL ELSE ROW(");
        for (int i = 0; i < fieldTypes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("CAST(A[").append(i + 1).append("] AS ").append(fieldTypes.get(i))
                    .append(')');
        }
        String parameter = sql.append(") END FROM (VALUES (CAST(? AS CHARACTER VARYING ARRAY))) V(A))").toString();
        int fields = fieldTypes.size();
        return new ElementCodec() {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                Object value = rs.getObject(index);
                if (value == null) {
                    return null;
                }
                if (!(value instanceof ResultSet row)) {
                    throw new BadValueException("H2 returned a ROW as " + value.getClass().getName());
                }
                try (row) {
                    if (!row.next()) {
                        throw new BadValueException("H2 returned a ROW without fields");
                    }
                    List<String> texts = new ArrayList<>(fields);
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        texts.add(row.getString(i));
                    }
                    return JsonStrings.write(texts);
                }
            }

            @Override
            public String parameter() {
                return parameter;
            }

            @Override
            public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                if (value == null) {
                    ps.setNull(index, Types.ARRAY);
                    return;
                }
                String text = nativeText(value, "ROW");
                List<String> texts = JsonStrings.read(text);
                if (texts == null || texts.size() != fields) {
                    throw new BadValueException("'" + Codecs.ValueText.cut(text) + "' is not a ROW of " + fields
                            + " fields: a JSON array of " + fields + " strings or nulls");
                }
                ps.setObject(index, texts.toArray(new Object[0]));
            }

            @Override
            public Object element(Object value) {
                throw new BadValueException("an H2 ROW cannot be an array element here");
            }
        };
    }

    /**
     * An {@code ARRAY} of the given number of dimensions ({@code INTEGER ARRAY ARRAY} has two): one dimension is a
     * {@link List}, more are nested lists. H2 lets the arrays of one level differ in length or be NULL; the
     * archive's multi-dimensional arrays are rectangular (as PostgreSQL's), so such a value is refused on export.
     * On import a value of another number of dimensions, or with lower bounds ({@link BoundedArray}), is refused.
     *
     * @param element the element codec
     * @param elementTypeName the element type's name, for the driver
     * @param dimensions the column's dimensions, at least 1
     * @return the codec
     */
    static ElementCodec array(ElementCodec element, String elementTypeName, int dimensions) {
        return new ElementCodec() {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                Array array = rs.getArray(index);
                if (array == null) {
                    return null;
                }
                List<Object> value = readLevel(array, element, dimensions);
                if (dimensions > 1) {
                    requireRectangular(value, dimensions);
                }
                return value;
            }

            /**
             * Lower bounds are refused as by default, native values as the element codec decides (a
             * {@code DECFLOAT ARRAY} holds H2's NaN); a column of several dimensions holds nested lists, and
             * {@link #bind} checks their number.
             */
            @Override
            public String refusal(Object value) {
                return Codecs.refusalWith(value, false, element::refusal, dimensions > 1, false);
            }

            @Override
            public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                if (value == null) {
                    ps.setNull(index, Types.ARRAY);
                    return;
                }
                ps.setArray(index, ps.getConnection().createArrayOf(elementTypeName, toArray(value, 1)));
            }

            private Object[] toArray(Object value, int level) {
                if (value instanceof BoundedArray) {
                    throw new BadValueException("an array whose lower bound is not 1 cannot be stored: H2 arrays "
                            + "start at 1");
                }
                if (!(value instanceof List<?> list)) {
                    throw new BadValueException("a " + (level - 1) + "-dimensional array cannot be stored in an H2 "
                            + "array of " + dimensions + " dimensions");
                }
                Object[] elements = new Object[list.size()];
                for (int i = 0; i < elements.length; i++) {
                    Object e = list.get(i);
                    if (level < dimensions) {
                        if (e == null) {
                            throw new BadValueException("an inner array is NULL; the archive's arrays of several "
                                    + "dimensions are rectangular");
                        }
                        elements[i] = toArray(e, level + 1);
                    } else if (e instanceof List<?>) {
                        throw new BadValueException("an array of more than " + dimensions + " dimensions cannot be "
                                + "stored in an H2 array of " + dimensions);
                    } else {
                        elements[i] = e == null ? null : element.element(e);
                    }
                }
                return elements;
            }
        };
    }

    private static List<Object> readLevel(Array array, ElementCodec element, int dimensions) throws SQLException {
        try (ResultSet elements = array.getResultSet()) {
            List<Object> values = new ArrayList<>();
            while (elements.next()) {
                if (dimensions == 1) {
                    values.add(element.read(elements, 2));
                } else {
                    Array inner = elements.getArray(2);
                    if (inner == null) {
                        throw new BadValueException("an inner array is NULL: the archive's arrays of several "
                                + "dimensions are rectangular (as PostgreSQL's), so H2 arrays with NULL or "
                                + "different-length inner arrays cannot be carried");
                    }
                    values.add(readLevel(inner, element, dimensions - 1));
                }
            }
            return Collections.unmodifiableList(values);
        } finally {
            array.free();
        }
    }

    private static void requireRectangular(List<?> value, int dimensions) {
        if (value.isEmpty() || dimensions == 1) {
            return;
        }
        int length = ((List<?>) value.get(0)).size();
        if (length == 0) {
            throw new BadValueException("an inner array is empty: in the archive (as in PostgreSQL) an array of "
                    + "several dimensions has elements in each, and an empty array has no dimensions, so such an "
                    + "H2 array cannot be carried");
        }
        for (Object inner : value) {
            if (((List<?>) inner).size() != length) {
                throw new BadValueException("its inner arrays differ in length (" + length + " and "
                        + ((List<?>) inner).size() + "): the archive's arrays of several dimensions are rectangular "
                        + "(as PostgreSQL's), so such an H2 array cannot be carried");
            }
        }
        List<Object> next = new ArrayList<>();
        for (Object inner : value) {
            next.addAll((List<?>) inner);
        }
        requireRectangular(next, dimensions - 1);
    }

    /** A JSON array of strings and nulls, written and read without a JSON library. */
    static final class JsonStrings {
        private JsonStrings() {
        }

        static String write(List<String> values) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                String value = values.get(i);
                if (value == null) {
                    json.append("null");
                    continue;
                }
                json.append('"');
                for (int k = 0; k < value.length(); k++) {
                    char c = value.charAt(k);
                    switch (c) {
                        case '"' -> json.append("\\\"");
                        case '\\' -> json.append("\\\\");
                        case '\n' -> json.append("\\n");
                        case '\r' -> json.append("\\r");
                        case '\t' -> json.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                            } else {
                                json.append(c);
                            }
                        }
                    }
                }
                json.append('"');
            }
            return json.append(']').toString();
        }

        /** @return the elements, or null if the text is not a JSON array of strings and nulls */
        static List<String> read(String text) {
            List<String> values = new ArrayList<>();
            int[] at = {skip(text, 0)};
            if (at[0] >= text.length() || text.charAt(at[0]) != '[') {
                return null;
            }
            at[0] = skip(text, at[0] + 1);
            if (at[0] < text.length() && text.charAt(at[0]) == ']') {
                return skip(text, at[0] + 1) == text.length() ? values : null;
            }
            while (true) {
                if (text.startsWith("null", at[0])) {
                    values.add(null);
                    at[0] += 4;
                } else {
                    String value = string(text, at);
                    if (value == null) {
                        return null;
                    }
                    values.add(value);
                }
                at[0] = skip(text, at[0]);
                if (at[0] >= text.length()) {
                    return null;
                }
                char c = text.charAt(at[0]);
                if (c == ']') {
                    return skip(text, at[0] + 1) == text.length() ? values : null;
                }
                if (c != ',') {
                    return null;
                }
                at[0] = skip(text, at[0] + 1);
            }
        }

        private static String string(String text, int[] at) {
            int i = at[0];
            if (i >= text.length() || text.charAt(i) != '"') {
                return null;
            }
            StringBuilder value = new StringBuilder();
            for (i++; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    at[0] = i + 1;
                    return value.toString();
                }
                if (c < 0x20) {
                    return null;
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (++i >= text.length()) {
                    return null;
                }
                switch (text.charAt(i)) {
                    case '"' -> value.append('"');
                    case '\\' -> value.append('\\');
                    case '/' -> value.append('/');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        if (i + 4 >= text.length()) {
                            return null;
                        }
                        try {
                            value.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        } catch (NumberFormatException e) {
                            return null;
                        }
                        i += 4;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return null;
        }

        private static int skip(String text, int at) {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t'
                    || text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
                at++;
            }
            return at;
        }
    }
}
