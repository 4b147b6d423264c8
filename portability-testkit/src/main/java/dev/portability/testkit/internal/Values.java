package dev.portability.testkit.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portability.api.BoundedArray;
import dev.portability.api.Infinity;
import dev.portability.api.LogicalType;
import dev.portability.api.NativeValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Compares values of a logical type the way a user would, and renders them readably for messages. */
public final class Values {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    private static final int SHOWN_CHARACTERS = 40;
    private static final int SHOWN_BYTES = 16;

    private Values() {
    }

    /**
     * Whether two values of a column are the same: equal canonical values, decimals by numeric value, doubles
     * bit for bit (NaN equals NaN, -0.0 differs from 0.0), binary by content, JSON by structure (numbers by
     * value; the JSON literal null is a value, never SQL NULL), arrays element by element with their dimensions
     * and lower bounds, infinities and native values by equality. A value of a Java type that is not the type's canonical one differs.
     *
     * @param type the column's logical type
     * @param expected the expected value, or null
     * @param actual the actual value, or null
     * @param instantOnly compare TIMESTAMP_TZ values by instant only, ignoring the offset
     * @return whether they are the same
     */
    public static boolean same(LogicalType type, Object expected, Object actual, boolean instantOnly) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (!canonical(type, actual) || !canonical(type, expected)) {
            return false;
        }
        return switch (type.kind()) {
            case DECIMAL -> expected instanceof BigDecimal a && actual instanceof BigDecimal b ? a.compareTo(b) == 0
                    : expected.equals(actual);
            case BINARY -> Arrays.equals((byte[]) expected, (byte[]) actual);
            case TIMESTAMP_TZ -> instantOnly && expected instanceof OffsetDateTime a
                    && actual instanceof OffsetDateTime b ? a.isEqual(b) : expected.equals(actual);
            case JSON -> sameJson((String) expected, (String) actual);
            case ARRAY -> sameArray(type.elementType().orElseThrow(), expected, actual, instantOnly);
            default -> expected.equals(actual); // Double.equals compares bits: NaN == NaN, -0.0 != 0.0
        };
    }

    private static boolean sameArray(LogicalType element, Object expected, Object actual, boolean instantOnly) {
        if (expected instanceof BoundedArray a) {
            return actual instanceof BoundedArray b && a.lowerBounds().equals(b.lowerBounds())
                    && sameArray(element, a.elements(), b.elements(), instantOnly);
        }
        if (!(expected instanceof List<?> a) || !(actual instanceof List<?> b) || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            boolean same = x instanceof List<?> || y instanceof List<?> ? sameArray(element, x, y, instantOnly)
                    : same(element, x, y, instantOnly);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a non-null value has the canonical Java type of a logical type.
     *
     * @param type the logical type
     * @param value the value
     * @return whether it is canonical
     */
    public static boolean canonical(LogicalType type, Object value) {
        return switch (type.kind()) {
            case BOOLEAN -> value instanceof Boolean;
            case INTEGER -> value instanceof Long;
            case DECIMAL -> value instanceof BigDecimal || value instanceof NativeValue;
            case DOUBLE -> value instanceof Double;
            case TEXT, JSON, NATIVE -> value instanceof String;
            case BINARY -> value instanceof byte[];
            case DATE -> value instanceof LocalDate || value instanceof Infinity || value instanceof NativeValue;
            case TIME -> value instanceof LocalTime || value instanceof NativeValue;
            case TIMESTAMP -> value instanceof LocalDateTime || value instanceof Infinity
                    || value instanceof NativeValue;
            case TIMESTAMP_TZ -> value instanceof OffsetDateTime || value instanceof Infinity
                    || value instanceof NativeValue;
            case UUID -> value instanceof UUID;
            case ARRAY -> value instanceof List<?> || value instanceof BoundedArray;
        };
    }

    private static boolean sameJson(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        try {
            JsonNode a = JSON.readTree(expected);
            JsonNode b = JSON.readTree(actual);
            return a != null && b != null && a.equals((x, y) -> numericallyEqual(x, y) ? 0 : 1, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean numericallyEqual(JsonNode x, JsonNode y) {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue()) == 0;
        }
        return x.equals(y);
    }

    /**
     * Renders a value for a message: NULL as {@code NULL}, text quoted with control characters escaped and cut
     * after 40 characters (with its length), binary as hex cut after 16 bytes (with its length), and the Java
     * type added when it is not the canonical one of {@code type}.
     *
     * @param type the column's type, or null when unknown
     * @param value the value
     * @return the rendering
     */
    public static String show(LogicalType type, Object value) {
        if (value == null) {
            return "NULL";
        }
        String shown = show(value);
        if (type != null && !canonical(type, value)) {
            shown += " (a " + value.getClass().getName() + ", not the canonical Java type of " + type + ")";
        }
        return shown;
    }

    /**
     * Renders a value without type information; see {@link #show(LogicalType, Object)}.
     *
     * @param value the value
     * @return the rendering
     */
    public static String show(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof byte[] bytes) {
            String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, SHOWN_BYTES));
            return bytes.length <= SHOWN_BYTES ? "0x" + hex : "0x" + hex + "... (" + bytes.length + " bytes)";
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size() && i < 10; i++) {
                out.append(i == 0 ? "" : ", ").append(show(list.get(i)));
            }
            return out.append(list.size() > 10 ? ", ... (" + list.size() + " elements)]" : "]").toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString().length() > 60 ? decimal.toString() : decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < text.length() && shown < SHOWN_CHARACTERS; i++, shown++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\'' -> out.append("\\'");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('\'');
        if (shown < text.length()) {
            out.append("... (").append(text.codePointCount(0, text.length())).append(" characters)");
        }
        return out.toString();
    }

    /**
     * Says where two different texts first differ, for long values whose renderings look alike.
     *
     * @param expected the expected value
     * @param actual the actual value
     * @return e.g. {@code "; they differ from character 524288"}, or empty when not useful
     */
    public static String firstDifference(Object expected, Object actual) {
        if (expected instanceof String a && actual instanceof String b && (a.length() > SHOWN_CHARACTERS
                || b.length() > SHOWN_CHARACTERS)) {
            int i = 0;
            while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return "; they differ from character " + i;
        }
        if (expected instanceof byte[] a && actual instanceof byte[] b && (a.length > SHOWN_BYTES
                || b.length > SHOWN_BYTES)) {
            return "; they differ from byte " + Arrays.mismatch(a, b);
        }
        return "";
    }
}
