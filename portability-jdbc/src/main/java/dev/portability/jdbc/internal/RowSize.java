package dev.portability.jdbc.internal;

import java.util.List;
import java.util.Locale;

/**
 * The bytes values take as a database client sends them: text in UTF-8, bytes as they are, other values a few
 * bytes. What {@link JdbcTable} compares with {@link Dialect#maxRowBytes}.
 */
final class RowSize {

    /** What a number, date, UUID or boolean takes at most, with its length prefix. */
    private static final int SMALL = 40;

    private RowSize() {
    }

    /**
     * @param value a canonical value, or null
     * @return at least the bytes it takes, found without looking at its content
     */
    static long upperBound(Object value) {
        if (value instanceof String text) {
            return 3L * text.length() + 9;
        }
        if (value instanceof byte[] bytes) {
            return bytes.length + 9L;
        }
        if (value instanceof List<?> list) {
            long sum = 2;
            for (Object item : list) {
                sum += upperBound(item) + 1;
            }
            return sum;
        }
        return SMALL;
    }

    /**
     * @param value a canonical value, or null
     * @return the bytes it takes as sent: UTF-8 for text, with a length prefix
     */
    static long bytes(Object value) {
        if (value instanceof String text) {
            return Limit.Charsets.encodedLength(text, "utf8mb4") + 9;
        }
        if (value instanceof List<?> list) {
            long sum = 2;
            for (Object item : list) {
                sum += bytes(item) + 1;
            }
            return sum;
        }
        return upperBound(value);
    }

    /** @return e.g. {@code 16,777,216 bytes} */
    static String show(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
