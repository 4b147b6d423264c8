package dev.portability.jdbc.internal;

import dev.portability.api.Infinity;
import dev.portability.api.NativeValue;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How MariaDB's date and time types, its spatial types, {@code BIT(n)}, {@code INET4} and {@code INET6} travel.
 *
 * <p>Dates and times are selected as {@code CAST(column AS CHAR)}, MariaDB's own text, and parsed here: the driver
 * converts date-times through the JVM's time zone, turns zero dates into NULL, moves {@code 2020-05-00} to
 * {@code 2020-04-30} and wraps a {@code TIME} beyond 24 hours. A text that is no {@code java.time} value (a zero
 * or zero-in-part date, a {@code TIME} outside 00:00 to 23:59:59.999999) becomes a {@link NativeValue} of engine
 * {@code mariadb} holding that text, and is written back as that text.
 */
final class MariaDbCodecs {

    /** The engine name of MariaDB's native values and types. */
    static final String ENGINE = "mariadb";

    private MariaDbCodecs() {
    }

    /** MariaDB's text form of a date and time, which both protocols accept and return without zone shifts. */
    private static final DateTimeFormatter DATETIME_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private static final Pattern DATE_TEXT = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DATETIME_NATIVE =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,6})?");
    private static final Pattern TIME_NATIVE = Pattern.compile("-?(\\d{2,3}):(\\d{2}):(\\d{2})(\\.\\d{1,6})?");

    /** A DATE: a {@link LocalDate}, or the zero / zero-in-part date as a {@link NativeValue}. */
    static final Temporal DATE = new Temporal("DATE", Types.DATE) {
        @Override
        Object parse(String text) {
            LocalDate fast = date(text);
            if (fast != null) {
                return fast;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return new NativeValue(ENGINE, text);
            }
        }

        @Override
        void bindValue(PreparedStatement ps, int index, Object value) throws SQLException {
            ps.setObject(index, (LocalDate) value);
        }

        @Override
        boolean isNativeText(String text) {
            Matcher m = DATE_TEXT.matcher(text);
            return m.matches() && dayInRange(m, 2);
        }
    };

    /**
     * A TIME: a {@link LocalTime} from 00:00 to 23:59:59.999999; MariaDB's TIME reaches from -838:59:59.999999 to
     * 838:59:59.999999 (an elapsed time), and what is outside a day is a {@link NativeValue}.
     */
    static final Temporal TIME = new Temporal("TIME", Types.TIME) {
        @Override
        Object parse(String text) {
            LocalTime fast = time(text, 0);
            if (fast != null) {
                return fast;
            }
            if (!text.startsWith("-") && text.indexOf(':') == 2) {
                try {
                    return LocalTime.parse(text);
                } catch (DateTimeParseException e) {
                    // an hour of 24 or more
                }
            }
            return new NativeValue(ENGINE, text);
        }

        @Override
        void bindValue(PreparedStatement ps, int index, Object value) throws SQLException {
            ps.setObject(index, (LocalTime) value);
        }

        @Override
        boolean isNativeText(String text) {
            Matcher m = TIME_NATIVE.matcher(text);
            return m.matches() && Integer.parseInt(m.group(1)) <= 838 && Integer.parseInt(m.group(2)) <= 59
                    && Integer.parseInt(m.group(3)) <= 59;
        }
    };

    /**
     * A DATETIME: a {@link LocalDateTime}, or a zero / zero-in-part one as a {@link NativeValue}. Written as text:
     * the driver would convert a {@code LocalDateTime} through the JVM's time zone and move wall-clock times that
     * fall into its daylight-saving gap (02:30 becomes 03:30 in Berlin).
     */
    static final Temporal DATETIME = new Temporal("DATETIME", Types.TIMESTAMP) {
        @Override
        Object parse(String text) {
            LocalDateTime fast = dateTime(text);
            if (fast != null) {
                return fast;
            }
            try {
                return LocalDateTime.parse(text.replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                return new NativeValue(ENGINE, text);
            }
        }

        @Override
        void bindValue(PreparedStatement ps, int index, Object value) throws SQLException {
            ps.setString(index, DATETIME_TEXT.format((LocalDateTime) value));
        }

        @Override
        boolean isNativeText(String text) {
            return isDateTimeText(text);
        }
    };

    /**
     * A TIMESTAMP, an instant in MariaDB (stored in UTC, shown in the session's time zone). Every unit of work sets
     * the session time zone to {@code +00:00}, so values read and written here are UTC wall-clock times, free of
     * daylight-saving gaps and overlaps; the zero TIMESTAMP {@code 0000-00-00 00:00:00} is a {@link NativeValue}.
     */
    static final Temporal TIMESTAMP_UTC = new Temporal("TIMESTAMP", Types.TIMESTAMP) {
        @Override
        Object parse(String text) {
            LocalDateTime fast = dateTime(text);
            if (fast != null) {
                return fast.atOffset(ZoneOffset.UTC);
            }
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return new NativeValue(ENGINE, text);
            }
        }

        @Override
        void bindValue(PreparedStatement ps, int index, Object value) throws SQLException {
            ps.setString(index, DATETIME_TEXT.format(((OffsetDateTime) value)
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
        }

        @Override
        boolean isNativeText(String text) {
            return isDateTimeText(text);
        }
    };

    /**
     * The date of MariaDB's text {@code yyyy-MM-dd}, read by hand: {@code LocalDate.parse} builds a map of fields
     * per value, which is a third of the reading thread's time on a table with a date-time column.
     *
     * @param text the text
     * @return the same value {@code LocalDate.parse(text)} returns, or null when the text has another shape or is
     *     no valid date (a zero or zero-in-part date): the caller then takes the general path
     */
    static LocalDate date(String text) {
        return text.length() == 10 ? datePart(text) : null;
    }

    /**
     * The date and time of MariaDB's text {@code yyyy-MM-dd HH:mm:ss} with 0 to 6 fractional digits, read by hand.
     *
     * @param text the text
     * @return the same value {@code LocalDateTime.parse} returns for the text with {@code T} for the space, or
     *     null when the text has another shape or is no valid date-time: the caller then takes the general path
     */
    static LocalDateTime dateTime(String text) {
        if (text.length() < 19 || text.charAt(10) != ' ') {
            return null;
        }
        LocalDate date = datePart(text);
        LocalTime time = date == null ? null : time(text, 11);
        return time == null ? null : LocalDateTime.of(date, time);
    }

    /**
     * The time of day of MariaDB's text {@code HH:mm:ss} with 0 to 6 fractional digits from {@code from} to the
     * end, read by hand.
     *
     * @param text the text
     * @param from where the time starts
     * @return the same value {@code LocalTime.parse} returns for that part, or null when it has another shape or
     *     is no time of day (an hour of 24 or more, a negative time): the caller then takes the general path
     */
    static LocalTime time(String text, int from) {
        int length = text.length() - from;
        if (length < 8 || length == 9 || length > 15 || text.charAt(from + 2) != ':'
                || text.charAt(from + 5) != ':') {
            return null;
        }
        int hour = digits(text, from, 2);
        int minute = digits(text, from + 3, 2);
        int second = digits(text, from + 6, 2);
        int nano = 0;
        if (length > 8) {
            if (text.charAt(from + 8) != '.') {
                return null;
            }
            int fraction = digits(text, from + 9, length - 9);
            if (fraction < 0) {
                return null;
            }
            nano = fraction * NANOS_PER_UNIT[length - 9];
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute, second, nano);
    }

    /** The nanoseconds of one unit of the last of n fractional digits, by n. */
    private static final int[] NANOS_PER_UNIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000};

    /** The date in the first ten characters, {@code yyyy-MM-dd}; null when it has another shape or is invalid. */
    private static LocalDate datePart(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month)
                .lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The number written by {@code count} ASCII digits from {@code from}, or -1 when one is no digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from, end = from + count; i < end; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean isDateTimeText(String text) {
        Matcher m = DATETIME_NATIVE.matcher(text);
        return m.matches() && dayInRange(m, 2) && Integer.parseInt(m.group(4)) <= 23
                && Integer.parseInt(m.group(5)) <= 59 && Integer.parseInt(m.group(6)) <= 59;
    }

    /** Month 00 to 12 and day 00 to 31 (zeros allowed: they are what native values are for). */
    private static boolean dayInRange(Matcher m, int monthGroup) {
        return Integer.parseInt(m.group(monthGroup)) <= 12 && Integer.parseInt(m.group(monthGroup + 1)) <= 31;
    }

    /** A date or time column: text select, java.time or native values, refusing what MariaDB cannot hold. */
    abstract static class Temporal implements Codec {
        private final String type;
        private final int sqlType;

        Temporal(String type, int sqlType) {
            this.type = type;
            this.sqlType = sqlType;
        }

        abstract Object parse(String text);

        abstract void bindValue(PreparedStatement ps, int index, Object value) throws SQLException;

        /** @return whether the text has the shape MariaDB gives this type's values (zero parts allowed) */
        abstract boolean isNativeText(String text);

        @Override
        public String select(String quotedColumn) {
            return "CAST(" + quotedColumn + " AS CHAR)";
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            String text = rs.getString(index);
            return text == null ? null : parse(text);
        }

        /**
         * MariaDB's own native values are held when they have the shape of this type's values; infinities and
         * other engines' native values are refused.
         */
        @Override
        public String refusal(Object value) {
            String reason = Codecs.refusal(value, false, ENGINE, false, false);
            if (reason == null && value instanceof NativeValue nativeValue && !isNativeText(nativeValue.text())) {
                return "'" + Codecs.ValueText.cut(nativeValue.text()) + "' is not a MariaDB " + type + " value";
            }
            return reason;
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, sqlType);
            } else if (value instanceof NativeValue nativeValue && ENGINE.equals(nativeValue.engine())) {
                if (!isNativeText(nativeValue.text())) {
                    throw new BadValueException("'" + Codecs.ValueText.cut(nativeValue.text()) + "' is not a "
                            + "MariaDB " + type + " value");
                }
                ps.setString(index, nativeValue.text());
            } else if (value instanceof NativeValue || value instanceof Infinity) {
                throw new BadValueException("the value " + value + " has no MariaDB " + type + " form");
            } else {
                bindValue(ps, index, value);
            }
        }
    }

    /** The WKB geometry type codes of the subtypes, by MariaDB's type name (OGC Simple Features, WKB). */
    private static int wkbType(String subtype) {
        return switch (subtype) {
            case "point" -> 1;
            case "linestring" -> 2;
            case "polygon" -> 3;
            case "multipoint" -> 4;
            case "multilinestring" -> 5;
            case "multipolygon" -> 6;
            case "geometrycollection" -> 7;
            default -> 0;
        };
    }

    private static final String[] WKB_NAMES = {"GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
        "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"};

    /**
     * A column of the spatial family ({@code GEOMETRY}, {@code POINT}, ..., {@code GEOMETRYCOLLECTION}): MariaDB's
     * internal form, the 4-byte SRID (little-endian) followed by the WKB, as upper-case hex ({@code HEX(column)}).
     * Exact, unlike WKT, which prints coordinates with limited digits. Written back as those bytes, which MariaDB
     * validates; a value whose WKB type does not fit the column's subtype is refused before.
     *
     * @param subtype the column's type, lower case, e.g. {@code point} or {@code geometry}
     * @return the codec
     */
    static Codec geometry(String subtype) {
        int required = wkbType(subtype);
        return new Codec() {
            @Override
            public String select(String quotedColumn) {
                return "HEX(" + quotedColumn + ")";
            }

            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return rs.getString(index);
            }

            @Override
            public String refusal(Object value) {
                String reason = Codecs.refusal(value, false, ENGINE, false, false);
                if (reason != null) {
                    return reason;
                }
                try {
                    geometryBytes(value);
                    return null;
                } catch (BadValueException e) {
                    return e.getMessage();
                }
            }

            @Override
            public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                if (value == null) {
                    ps.setNull(index, Types.VARBINARY);
                    return;
                }
                ps.setBytes(index, geometryBytes(value));
            }

            private byte[] geometryBytes(Object value) {
                byte[] bytes = hex(value, "a MariaDB " + subtype.toUpperCase(Locale.ROOT));
                if (bytes.length < 9 || bytes[4] != 0 && bytes[4] != 1) {
                    throw new BadValueException("the value is not a MariaDB geometry (4-byte SRID and WKB)");
                }
                int type = bytes[4] == 1
                        ? bytes[5] & 0xff | (bytes[6] & 0xff) << 8 | (bytes[7] & 0xff) << 16 | (bytes[8] & 0xff) << 24
                        : bytes[8] & 0xff | (bytes[7] & 0xff) << 8 | (bytes[6] & 0xff) << 16 | (bytes[5] & 0xff) << 24;
                if (required != 0 && type != required) {
                    throw new BadValueException("a " + (type > 0 && type < WKB_NAMES.length ? WKB_NAMES[type]
                            : "geometry of WKB type " + type) + " cannot be stored in a MariaDB "
                            + subtype.toUpperCase(Locale.ROOT) + " column");
                }
                return bytes;
            }
        };
    }

    /**
     * {@code BIT(n)} for n above 1: the n bits, most significant first, as exactly n characters {@code 0} and
     * {@code 1} (like PostgreSQL's {@code bit(n)} text); written back as the bytes of that number. A text of
     * another length is refused, never cut or padded.
     *
     * @param bits n
     * @return the codec
     */
    static Codec bits(int bits) {
        return new Codec() {
            @Override
            public String select(String quotedColumn) {
                return "BIN(" + quotedColumn + ")";
            }

            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                String binary = rs.getString(index);
                if (binary == null || binary.length() >= bits) {
                    return binary;
                }
                return "0".repeat(bits - binary.length()) + binary;
            }

            @Override
            public String refusal(Object value) {
                String reason = Codecs.refusal(value, false, ENGINE, false, false);
                if (reason != null) {
                    return reason;
                }
                try {
                    bitText(value);
                    return null;
                } catch (BadValueException e) {
                    return e.getMessage();
                }
            }

            private String bitText(Object value) {
                String text = nativeText(value, "a MariaDB BIT(" + bits + ")");
                if (text.length() != bits || !text.chars().allMatch(c -> c == '0' || c == '1')) {
                    throw new BadValueException("'" + Codecs.ValueText.cut(text) + "' is not a BIT(" + bits
                            + ") value: it takes exactly " + bits + " characters 0 or 1");
                }
                return text;
            }

            @Override
            public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                if (value == null) {
                    ps.setNull(index, Types.BIT);
                    return;
                }
                String text = bitText(value);
                byte[] number = new BigInteger(text, 2).toByteArray();
                byte[] bytes = new byte[(bits + 7) / 8];
                int copied = Math.min(number.length, bytes.length);
                System.arraycopy(number, number.length - copied, bytes, bytes.length - copied, copied);
                ps.setBytes(index, bytes);
            }
        };
    }

    private static final Pattern INET4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern INET6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /**
     * {@code INET4} and {@code INET6}: the address as MariaDB writes it ({@code CAST(column AS CHAR)}:
     * {@code 192.0.2.1}, {@code 2001:db8::1}, {@code ::ffff:192.0.2.1}); written back as that text, which MariaDB
     * parses. A text that is no address of the kind is refused here, so that a session without a strict
     * {@code sql_mode} does not store NULL instead.
     *
     * @param type {@code inet4} or {@code inet6}
     * @return the codec
     */
    static Codec inet(String type) {
        boolean v4 = type.equals("inet4");
        return new Codec() {
            @Override
            public String select(String quotedColumn) {
                return "CAST(" + quotedColumn + " AS CHAR)";
            }

            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return rs.getString(index);
            }

            @Override
            public String refusal(Object value) {
                String reason = Codecs.refusal(value, false, ENGINE, false, false);
                if (reason != null) {
                    return reason;
                }
                try {
                    address(value);
                    return null;
                } catch (BadValueException e) {
                    return e.getMessage();
                }
            }

            private String address(Object value) {
                String text = nativeText(value, "a MariaDB " + type.toUpperCase(Locale.ROOT));
                if (!(v4 ? isInet4(text) : INET6.matcher(text).matches())) {
                    throw new BadValueException("'" + Codecs.ValueText.cut(text) + "' is not an "
                            + (v4 ? "IPv4" : "IPv6") + " address");
                }
                return text;
            }

            @Override
            public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                if (value == null) {
                    ps.setNull(index, Types.VARCHAR);
                    return;
                }
                ps.setString(index, address(value));
            }
        };
    }

    private static boolean isInet4(String text) {
        Matcher m = INET4.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= 4; g++) {
            if (Integer.parseInt(m.group(g)) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String nativeText(Object value, String target) {
        if (value instanceof String text) {
            return text;
        }
        throw new BadValueException("a " + value.getClass().getSimpleName() + " value cannot be stored in "
                + target + " column; it takes the value's text");
    }

    private static byte[] hex(Object value, String target) {
        String text = nativeText(value, target);
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new BadValueException("'" + Codecs.ValueText.cut(text) + "' is not hexadecimal, as "
                    + target + " value must be");
        }
    }
}
