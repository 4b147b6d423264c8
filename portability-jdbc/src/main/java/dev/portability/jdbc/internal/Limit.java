package dev.portability.jdbc.internal;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One rule of a target column that its logical type does not say: a value the database would refuse when it is
 * written, or would store as something else. Added to a column's {@link Codec#refusal(Object)} by its
 * {@link Dialect} at discovery ({@link Dialect#withLimits}), so that the adapter's
 * {@link JdbcTable#refusals(dev.portability.api.Row)} (asked by validation, preview and import before anything is
 * written) and its writes (which check again before binding) apply the same rules. Every reason names the value's
 * kind and size, never the value itself (except numbers and dates, which are short), and the column's limit.
 * {@code docs/jdbc-types.md} ("What each target refuses, and why") lists them.
 */
@FunctionalInterface
public interface Limit {

    /**
     * Why the column cannot hold a value exactly.
     *
     * @param value a canonical non-null value of the column's logical type
     * @return the reason, or null when the column holds it
     */
    String refusal(Object value);

    /** Holds every value. */
    Limit NONE = value -> null;

    /**
     * The rules together: the first refusal wins.
     *
     * @param limits the rules; nulls are left out
     * @return the combined rule
     */
    static Limit all(Limit... limits) {
        List<Limit> list = new ArrayList<>();
        for (Limit limit : limits) {
            if (limit != null && limit != NONE) {
                list.add(limit);
            }
        }
        if (list.isEmpty()) {
            return NONE;
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        Limit[] array = list.toArray(Limit[]::new);
        return value -> {
            for (Limit limit : array) {
                String reason = limit.refusal(value);
                if (reason != null) {
                    return reason;
                }
            }
            return null;
        };
    }

    /**
     * Integers from {@code min} to {@code max}: an integer column narrower than 64 bits, or unsigned.
     *
     * @param min the least value
     * @param max the greatest value
     * @param type the column's type, e.g. {@code MariaDB's TINYINT UNSIGNED}
     * @return the rule
     */
    static Limit integers(long min, long max, String type) {
        return value -> value instanceof Long n && (n < min || n > max) ? "the integer " + n + " is outside the "
                + "range of " + type + ", " + min + " to " + max : null;
    }

    /**
     * Decimals (or integers) from {@code min} to {@code max}, e.g. a MariaDB {@code BIGINT UNSIGNED} or unsigned
     * {@code DECIMAL}.
     *
     * @param min the least value
     * @param max the greatest value, or null for no bound
     * @param type the column's type
     * @return the rule
     */
    static Limit decimals(BigDecimal min, BigDecimal max, String type) {
        return value -> {
            BigDecimal number = value instanceof BigDecimal d ? d : value instanceof Long n ? BigDecimal.valueOf(n)
                    : value instanceof Double d && Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            if (number == null || number.compareTo(min) >= 0 && (max == null || number.compareTo(max) <= 0)) {
                return null;
            }
            return "the number " + (number.precision() > 40 ? "of " + number.precision() + " digits" : number
                    .toPlainString()) + " is outside the range of " + type + ", " + min.toPlainString() + " to "
                    + (max == null ? "any larger number" : max.toPlainString());
        };
    }

    /**
     * A DOUBLE column that turns {@code -0.0} into {@code 0.0}.
     *
     * @param type the column's type
     * @return the rule
     */
    static Limit noNegativeZero(String type) {
        return value -> value instanceof Double d && d == 0.0 && Double.doubleToRawLongBits(d) != 0L
                ? "the DOUBLE -0.0 (negative zero) would be stored as 0.0 by " + type : null;
    }

    /**
     * A DOUBLE column that holds finite numbers only.
     *
     * @param type the column's type
     * @return the rule
     */
    static Limit finite(String type) {
        return value -> value instanceof Double d && !Double.isFinite(d) ? "the DOUBLE " + d + " cannot be "
                + "stored: " + type + " holds finite numbers only" : null;
    }

    /**
     * A 32-bit floating point column (REAL, float4, FLOAT): a double that is not exactly a float would be rounded.
     *
     * @param type the column's type
     * @return the rule
     */
    static Limit float32(String type) {
        return value -> value instanceof Double d && !Double.isNaN(d) && (double) (float) (double) d != d
                ? "the DOUBLE needs more than the 24 significant bits of " + type + " (a 32-bit float); it would "
                        + "be rounded" : null;
    }

    /**
     * Text no longer than {@code max} UTF-16 code units (H2 counts lengths so: a character beyond U+FFFF, such as
     * an emoji, takes two).
     *
     * @param max the column's length
     * @param type the column's type
     * @return the rule
     */
    static Limit utf16Length(long max, String type) {
        return value -> value instanceof String text && text.length() > max ? "the text has " + text.length()
                + " UTF-16 code units, more than the " + max + " of " + type + ", which counts UTF-16 code units "
                + "(a character beyond U+FFFF, such as an emoji, takes two)" : null;
    }

    /**
     * Text the column's character set can hold.
     *
     * @param charset the MariaDB/MySQL character set name, e.g. {@code utf8mb3}, {@code latin1}
     * @param type the column's type, e.g. {@code MariaDB's VARCHAR(50) CHARACTER SET utf8mb3}
     * @return the rule; {@link #NONE} for character sets that hold all of Unicode, or that this rule does not know
     *     (the server then refuses what it cannot hold, under the import's strict {@code sql_mode})
     */
    static Limit charset(String charset, String type) {
        String name = charset.toLowerCase(Locale.ROOT);
        if (Charsets.ALL_OF_UNICODE.contains(name)) {
            return NONE;
        }
        if (name.equals("utf8mb3") || name.equals("utf8") || name.equals("ucs2")) {
            return value -> {
                if (!(value instanceof String text)) {
                    return null;
                }
                for (int i = 0, n = text.length(); i < n; i++) {
                    if (Character.isSurrogate(text.charAt(i))) {
                        int codePoint = text.codePointAt(i);
                        return "the text holds " + Charsets.describe(codePoint) + " at character "
                                + (text.codePointCount(0, i) + 1) + ", which " + type + " cannot hold (" + name
                                + " holds characters up to U+FFFF only); it would be refused or stored as '?'. "
                                + "Convert the column to utf8mb4";
                    }
                }
                return null;
            };
        }
        Charset java = Charsets.java(name);
        if (java == null) {
            return NONE;
        }
        return value -> {
            if (!(value instanceof String text)) {
                return null;
            }
            int at = Charsets.firstUnencodable(text, java, name);
            return at < 0 ? null : "the text holds " + Charsets.describe(text.codePointAt(at)) + " at character "
                    + (text.codePointCount(0, at) + 1) + ", which " + type + " cannot hold (character set " + name
                    + "); it would be refused or stored as '?'. Convert the column to utf8mb4";
        };
    }

    /**
     * Text or bytes of at most {@code max} bytes, text counted in the column's character set (MariaDB's
     * TINYTEXT, TEXT, MEDIUMTEXT, TINYBLOB, BLOB, MEDIUMBLOB).
     *
     * @param max the most bytes
     * @param charset the character set of text, or null for binary
     * @param type the column's type
     * @return the rule
     */
    static Limit bytes(long max, String charset, String type) {
        return value -> {
            long size;
            String what;
            if (value instanceof byte[] bytes) {
                size = bytes.length;
                what = "the value has ";
            } else if (value instanceof String text && charset != null) {
                if ((long) text.length() * 4 <= max) {
                    return null;
                }
                size = Charsets.encodedLength(text, charset);
                what = "the text takes ";
            } else {
                return null;
            }
            return size > max ? what + String.format(Locale.ROOT, "%,d", size) + " bytes" + (charset == null ? ""
                    : " in " + charset) + ", more than the " + String.format(Locale.ROOT, "%,d", max) + " that "
                    + type + " holds" : null;
        };
    }

    /**
     * Bytes of exactly {@code length} bytes: a fixed-length binary column pads shorter values with zero bytes.
     *
     * @param length the column's length
     * @param type the column's type
     * @return the rule
     */
    static Limit fixedBinary(int length, String type) {
        return value -> value instanceof byte[] bytes && bytes.length < length ? "the value has " + bytes.length
                + " bytes; " + type + " holds exactly " + length + " and would pad it with zero bytes" : null;
    }

    /**
     * Times with at most {@code digits} fractional digits of seconds: more would be rounded or cut.
     *
     * @param digits the column's fractional seconds precision, 0 to 9
     * @param type the column's type
     * @return the rule
     */
    static Limit fractionalSeconds(int digits, String type) {
        if (digits >= 9) {
            return NONE;
        }
        int unit = (int) Math.pow(10, 9 - digits);
        return value -> {
            int nanos = value instanceof LocalTime t ? t.getNano() : value instanceof LocalDateTime t ? t.getNano()
                    : value instanceof OffsetDateTime t ? t.getNano() : 0;
            if (nanos % unit == 0) {
                return null;
            }
            int used = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                used--;
            }
            return "the time has " + used + " fractional digits of seconds, more than the " + digits + " that "
                    + type + " keeps; it would be rounded";
        };
    }

    /**
     * Dates and timestamps from {@code min} to {@code max}: a date, or the date and time of a timestamp (the UTC
     * date and time of a timestamp with offset).
     *
     * @param min the earliest
     * @param max the latest
     * @param type the column's type, with its range in words where that helps, e.g. {@code MariaDB's DATE}
     * @return the rule
     */
    static Limit dates(LocalDateTime min, LocalDateTime max, String type) {
        return value -> {
            LocalDateTime at = value instanceof LocalDate d ? d.atStartOfDay() : value instanceof LocalDateTime t ? t
                    : value instanceof OffsetDateTime t ? t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    : null;
            if (at == null || !at.isBefore(min) && !at.isAfter(max)) {
                return null;
            }
            String shown = value instanceof LocalDate d ? "date " + d : value instanceof LocalDateTime t
                    ? "timestamp " + t : "timestamp " + at + " UTC";
            int year = at.getYear();
            return "the " + shown + (year <= 0 ? " (year " + (1 - year) + " BC)" : "") + " is outside the range of "
                    + type + ", " + show(min, value) + " to " + show(max, value);
        };
    }

    private static String show(LocalDateTime bound, Object value) {
        if (value instanceof LocalDate) {
            return bound.toLocalDate().toString() + (bound.getYear() <= 0 ? " (" + (1 - bound.getYear()) + " BC)"
                    : "");
        }
        return bound + (value instanceof OffsetDateTime ? " UTC" : "") + (bound.getYear() <= 0 ? " (" + (1
                - bound.getYear()) + " BC)" : "");
    }

    /**
     * Text that is one of an enumeration's labels, exactly (MariaDB and H2 would refuse others, or store another
     * label that compares equal under the column's collation).
     *
     * @param labels the labels
     * @param type the column's type
     * @return the rule
     */
    static Limit oneOf(List<String> labels, String type) {
        Set<String> set = Set.copyOf(labels);
        return value -> value instanceof String text && !set.contains(text) ? "the text (" + text.length()
                + " characters) is not one of the " + labels.size() + " labels of " + type : null;
    }

    /**
     * Text that is a MariaDB {@code SET} value as MariaDB writes it: labels of the set, separated by commas, each
     * at most once and in the order the column declares them (MariaDB reorders and merges the others).
     *
     * @param labels the labels, in declared order
     * @param type the column's type
     * @return the rule
     */
    static Limit setOf(List<String> labels, String type) {
        return value -> {
            if (!(value instanceof String text) || text.isEmpty()) {
                return null;
            }
            int last = -1;
            for (String member : text.split(",", -1)) {
                int at = labels.indexOf(member);
                if (at <= last) {
                    return "the text is not a value of " + type + " as MariaDB writes it: labels of the set "
                            + "separated by commas, each once and in the order the column declares them";
                }
                last = at;
            }
            return null;
        };
    }

    /**
     * The labels of an {@code enum('a','b')} or {@code set(...)} column type as MariaDB's
     * {@code information_schema.COLUMNS.COLUMN_TYPE} writes them: quoted, {@code ''} for a quote, and a backslash,
     * newline, carriage return and NUL escaped as {@code \\}, {@code \n}, {@code \r} and {@code \0} (its
     * {@code append_unescaped}; other characters, a tab included, as they are). H2's type names quote with
     * {@code ''} only: {@code backslashEscapes} false (a label with a control character, which H2 writes in its
     * {@code U&'...'} form, is not read, so its values are refused, never stored as another label).
     */
    static List<String> labels(String columnType, boolean backslashEscapes) {
        List<String> labels = new ArrayList<>();
        int open = columnType.indexOf('(');
        int i = open + 1;
        while (open >= 0 && i < columnType.length()) {
            char c = columnType.charAt(i);
            if (c == '\'') {
                StringBuilder label = new StringBuilder();
                i++;
                while (i < columnType.length()) {
                    char d = columnType.charAt(i);
                    if (d == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                        label.append('\'');
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else if (d == '\\' && backslashEscapes && i + 1 < columnType.length()) {
                        char e = columnType.charAt(i + 1);
                        label.append(switch (e) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case '0' -> '\0';
                            case 'Z' -> '\u001a';
                            default -> e;
                        });
                        i += 2;
                    } else {
                        label.append(d);
                        i++;
                    }
                }
                labels.add(label.toString());
            } else if (c == ')') {
                break;
            } else {
                i++;
            }
        }
        return labels;
    }

    /** What the character set rules need of Java's character sets. */
    final class Charsets {

        /** MariaDB/MySQL character sets that hold every Unicode character. */
        static final Set<String> ALL_OF_UNICODE = Set.of("utf8mb4", "utf16", "utf16le", "utf32", "binary");

        private Charsets() {
        }

        /** @return Java's character set for a MariaDB one, or null where there is none we are sure of */
        static Charset java(String mariadb) {
            String name = switch (mariadb) {
                case "ascii" -> "US-ASCII";
                case "latin1" -> "windows-1252"; // MariaDB's latin1 is cp1252 (with 5 more C1 controls)
                case "latin2" -> "ISO-8859-2";
                case "latin5" -> "ISO-8859-9";
                case "latin7" -> "ISO-8859-13";
                case "greek" -> "ISO-8859-7";
                case "hebrew" -> "ISO-8859-8";
                case "cp1250" -> "windows-1250";
                case "cp1251" -> "windows-1251";
                case "cp1256" -> "windows-1256";
                case "cp1257" -> "windows-1257";
                case "cp850" -> "IBM850";
                case "cp852" -> "IBM852";
                case "cp866" -> "IBM866";
                case "koi8r" -> "KOI8-R";
                case "koi8u" -> "KOI8-U";
                case "sjis" -> "Shift_JIS";
                case "cp932" -> "windows-31j";
                case "ujis" -> "EUC-JP";
                case "gbk" -> "GBK";
                case "gb2312" -> "GB2312";
                case "big5" -> "Big5";
                case "euckr" -> "EUC-KR";
                case "tis620" -> "TIS-620";
                default -> null;
            };
            try {
                return name == null ? null : Charset.forName(name);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** @return the index of the first character the character set cannot encode, or -1 */
        static int firstUnencodable(String text, Charset charset, String mariadb) {
            boolean latin1 = mariadb.equals("latin1");
            boolean ascii = mariadb.equals("ascii");
            CharsetEncoder encoder = null;
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x80 || latin1 && (c >= 0xa0 && c <= 0xff || c == 0x81 || c == 0x8d || c == 0x8f
                        || c == 0x90 || c == 0x9d)) {
                    continue;
                }
                if (ascii || Character.isSurrogate(c)) {
                    return i; // none of these character sets holds characters beyond U+FFFF
                }
                if (encoder == null) {
                    encoder = charset.newEncoder();
                }
                if (!encoder.canEncode(c)) {
                    return i;
                }
            }
            return -1;
        }

        /** @return the bytes of the text in a MariaDB character set */
        static long encodedLength(String text, String mariadb) {
            switch (mariadb) {
                case "utf8mb4", "utf8mb3", "utf8" -> {
                    long bytes = 0;
                    for (int i = 0, n = text.length(); i < n; i++) {
                        char c = text.charAt(i);
                        if (c < 0x80) {
                            bytes += 1;
                        } else if (c < 0x800) {
                            bytes += 2;
                        } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                            bytes += 4;
                            i++;
                        } else {
                            bytes += 3;
                        }
                    }
                    return bytes;
                }
                case "ucs2", "utf16", "utf16le" -> {
                    return 2L * text.length();
                }
                case "utf32" -> {
                    return 4L * text.codePointCount(0, text.length());
                }
                default -> {
                    Charset charset = java(mariadb);
                    return charset == null ? 4L * text.length() : text.getBytes(charset).length;
                }
            }
        }

        /** @return e.g. {@code the character U+1F604} */
        static String describe(int codePoint) {
            return "the character U+" + String.format("%04X", codePoint);
        }
    }
}
