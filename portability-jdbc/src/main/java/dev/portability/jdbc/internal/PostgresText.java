package dev.portability.jdbc.internal;

import dev.portability.api.Infinity;
import dev.portability.api.NativeValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Values in PostgreSQL's text forms: what the server's output functions write (under the session settings every
 * unit of work pins, see {@link PostgresDialect#beginTransaction}) parsed into canonical Java values, and canonical
 * values rendered in the input syntax the server reads back exactly. Used for array elements, for COPY's text
 * format and for types read as text.
 */
enum PostgresText {

    /** int2, int4, int8 (and oid numbers in arrays). */
    INTEGER {
        @Override
        Object parse(String text) {
            return Long.parseLong(text);
        }
    },
    /**
     * numeric, and money read as numeric: NaN and the infinities have no DECIMAL value and are
     * {@link NativeValue}s of engine {@code postgresql} with numeric's own text ({@code NaN}, {@code Infinity},
     * {@code -Infinity}), as pg_dump carries them.
     */
    NUMERIC {
        @Override
        Object parse(String text) {
            if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
                return new NativeValue(PostgresDialect.ENGINE, text);
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new BadValueException("numeric text '" + Codecs.ValueText.cut(text) + "' is not a number");
            }
        }

        @Override
        String render(Object value) {
            return value instanceof NativeValue nativeValue ? numericText(nativeValue)
                    : ((BigDecimal) value).toPlainString();
        }
    },
    /** real: read as the float it is (extra_float_digits 3 writes the shortest exact text), widened exactly. */
    FLOAT4 {
        @Override
        Object parse(String text) {
            return (double) Float.parseFloat(text);
        }

        @Override
        String render(Object value) {
            return FLOAT8.render(value);
        }
    },
    /** double precision: NaN, the infinities and -0 included. */
    FLOAT8 {
        @Override
        Object parse(String text) {
            return Double.parseDouble(text);
        }

        @Override
        String render(Object value) {
            double d = (Double) value;
            return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : Double.toString(d);
        }
    },
    /** Text kept as it is: text, varchar, char, name, citext, enums, json, jsonb, and every NATIVE type. */
    TEXT {
        @Override
        Object parse(String text) {
            return text;
        }

        @Override
        String render(Object value) {
            return (String) value;
        }
    },
    /** bytea in the hex form ({@code bytea_output = hex}). */
    BYTEA {
        @Override
        Object parse(String text) {
            if (!text.startsWith("\\x")) {
                throw new BadValueException("bytea text '" + Codecs.ValueText.cut(text) + "' is not in hex form");
            }
            return HexFormat.of().parseHex(text, 2, text.length());
        }

        @Override
        String render(Object value) {
            return "\\x" + HexFormat.of().formatHex((byte[]) value);
        }
    },
    /** boolean: {@code t} or {@code f}. */
    BOOL {
        @Override
        Object parse(String text) {
            return text.equals("t") || text.equalsIgnoreCase("true");
        }

        @Override
        String render(Object value) {
            return (Boolean) value ? "t" : "f";
        }
    },
    /** bit(1) as BOOLEAN: {@code 1} or {@code 0}. */
    BIT1 {
        @Override
        Object parse(String text) {
            return text.equals("1");
        }

        @Override
        String render(Object value) {
            return (Boolean) value ? "1" : "0";
        }
    },
    /** date: ISO, {@code BC} for years before 1, {@code infinity}. */
    DATE {
        @Override
        Object parse(String text) {
            Infinity infinity = infinity(text);
            return infinity != null ? infinity : date(text);
        }

        @Override
        String render(Object value) {
            if (value instanceof Infinity infinity) {
                return infinity.text();
            }
            refuseNative(value, "date");
            LocalDate date = (LocalDate) value;
            return date.equals(LocalDate.MAX) ? "infinity" : date.equals(LocalDate.MIN) ? "-infinity"
                    : dateText(date) + era(date);
        }
    },
    /** time: {@code 24:00:00} is {@link LocalTime#MAX}. */
    TIME {
        @Override
        Object parse(String text) {
            return text.startsWith("24:") ? LocalTime.MAX : LocalTime.parse(text);
        }

        @Override
        String render(Object value) {
            refuseNative(value, "time");
            return value.equals(LocalTime.MAX) ? "24:00:00" : value.toString();
        }
    },
    /** timestamp: ISO with a space, {@code BC}, {@code infinity}. */
    TIMESTAMP {
        @Override
        Object parse(String text) {
            Infinity infinity = infinity(text);
            if (infinity != null) {
                return infinity;
            }
            boolean bc = text.endsWith(" BC");
            String body = bc ? text.substring(0, text.length() - 3) : text;
            int space = body.indexOf(' ');
            LocalDate date = date(body.substring(0, space) + (bc ? " BC" : ""));
            return date.atTime(LocalTime.parse(body.substring(space + 1)));
        }

        @Override
        String render(Object value) {
            if (value instanceof Infinity infinity) {
                return infinity.text();
            }
            refuseNative(value, "timestamp");
            LocalDateTime t = (LocalDateTime) value;
            return t.equals(LocalDateTime.MAX) ? "infinity" : t.equals(LocalDateTime.MIN) ? "-infinity"
                    : dateText(t.toLocalDate()) + " " + t.toLocalTime() + era(t.toLocalDate());
        }
    },
    /** timestamptz: read at the offset the session writes, carried at +00:00 as the JDBC reading gives it. */
    TIMESTAMPTZ {
        @Override
        Object parse(String text) {
            Infinity infinity = infinity(text);
            if (infinity != null) {
                return infinity;
            }
            boolean bc = text.endsWith(" BC");
            String body = bc ? text.substring(0, text.length() - 3) : text;
            int space = body.indexOf(' ');
            String time = body.substring(space + 1);
            int sign = Math.max(time.lastIndexOf('+'), time.lastIndexOf('-'));
            LocalDate date = date(body.substring(0, space) + (bc ? " BC" : ""));
            ZoneOffset offset = offset(time.substring(sign));
            return OffsetDateTime.of(date, LocalTime.parse(time.substring(0, sign)), offset)
                    .withOffsetSameInstant(ZoneOffset.UTC);
        }

        @Override
        String render(Object value) {
            if (value instanceof Infinity infinity) {
                return infinity.text();
            }
            refuseNative(value, "timestamptz");
            OffsetDateTime t = (OffsetDateTime) value;
            return t.equals(OffsetDateTime.MAX) ? "infinity" : t.equals(OffsetDateTime.MIN) ? "-infinity"
                    : dateText(t.toLocalDate()) + " " + t.toLocalTime() + Codecs.offsetText(t.getOffset())
                            + era(t.toLocalDate());
        }
    },
    /** uuid. */
    UUID {
        @Override
        Object parse(String text) {
            return java.util.UUID.fromString(text);
        }
    };

    /**
     * Parses the server's text of a value.
     *
     * @param text the text, never null
     * @return the canonical value
     * @throws BadValueException if the value has no canonical form
     */
    abstract Object parse(String text);

    /**
     * Renders a canonical value in the server's input syntax.
     *
     * @param value the value, never null
     * @return its text
     * @throws BadValueException if PostgreSQL has no such value (a {@link NativeValue} of another engine)
     */
    String render(Object value) {
        return value.toString();
    }

    private static Infinity infinity(String text) {
        return text.equals("infinity") ? Infinity.POSITIVE : text.equals("-infinity") ? Infinity.NEGATIVE : null;
    }

    /** {@code 2024-02-29}, {@code 0044-03-15 BC}, {@code 5874897-12-31}. */
    private static LocalDate date(String text) {
        boolean bc = text.endsWith(" BC");
        String ymd = bc ? text.substring(0, text.length() - 3) : text;
        int second = ymd.lastIndexOf('-');
        int first = ymd.lastIndexOf('-', second - 1);
        int year = Integer.parseInt(ymd.substring(0, first));
        return LocalDate.of(bc ? 1 - year : year, Integer.parseInt(ymd.substring(first + 1, second)),
                Integer.parseInt(ymd.substring(second + 1)));
    }

    /** {@code +00}, {@code +05:30}, {@code -08:00:15}. */
    private static ZoneOffset offset(String text) {
        int sign = text.charAt(0) == '-' ? -1 : 1;
        String[] parts = text.substring(1).split(":");
        int seconds = Integer.parseInt(parts[0]) * 3600 + (parts.length > 1 ? Integer.parseInt(parts[1]) * 60 : 0)
                + (parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
        return ZoneOffset.ofTotalSeconds(sign * seconds);
    }

    /** A date in PostgreSQL's input form: years before 1 AD count backwards with a {@code BC} suffix. */
    static String dateText(LocalDate date) {
        int year = date.getYear() <= 0 ? 1 - date.getYear() : date.getYear();
        StringBuilder out = new StringBuilder(10);
        String digits = Integer.toString(year);
        for (int i = digits.length(); i < 4; i++) {
            out.append('0');
        }
        out.append(digits).append('-');
        if (date.getMonthValue() < 10) {
            out.append('0');
        }
        out.append(date.getMonthValue()).append('-');
        if (date.getDayOfMonth() < 10) {
            out.append('0');
        }
        return out.append(date.getDayOfMonth()).toString();
    }

    static String era(LocalDate date) {
        return date.getYear() <= 0 ? " BC" : "";
    }

    /**
     * The text of a numeric's NaN or infinity.
     *
     * @param value a native value
     * @return its text, {@code NaN}, {@code Infinity} or {@code -Infinity}
     * @throws BadValueException if it is no PostgreSQL numeric value
     */
    static String numericText(NativeValue value) {
        String text = value.text();
        if (value.engine().equals(PostgresDialect.ENGINE)
                && (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity"))) {
            return text;
        }
        throw new BadValueException("the value " + value + " is no PostgreSQL numeric value; it is refused rather "
                + "than stored as another number");
    }

    /**
     * Refuses a value another engine stored that has no value of the column's type here.
     *
     * @param value a value
     * @param type the PostgreSQL type, for the message
     * @throws BadValueException if it is a {@link NativeValue}
     */
    static void refuseNative(Object value, String type) {
        if (value instanceof NativeValue nativeValue) {
            throw new BadValueException("the value " + nativeValue + " has no PostgreSQL " + type + " value ("
                    + nativeValue.engine() + " stored it, e.g. a zero date or a time beyond 24 hours); PostgreSQL "
                    + "cannot hold it, so nothing was stored in its place. Change the value in the source, or import "
                    + "into a text column");
        }
    }
}
