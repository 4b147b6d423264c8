package dev.portability.api;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value that a store holds in a column of a portable type but that has no value of that type, carried in the
 * engine's own text form so that it is kept exactly instead of being turned into NULL or refused: a MariaDB zero
 * date {@code 0000-00-00} or {@code 2024-00-15} (stored under a non-strict {@code sql_mode}), a zero
 * {@code DATETIME} or {@code TIMESTAMP}, a MariaDB {@code TIME} of {@code 838:59:59} or {@code -01:00:00}, a
 * PostgreSQL {@code numeric} {@code NaN} or {@code Infinity}, an H2 {@code DECFLOAT} {@code NaN}.
 *
 * <p>Allowed as a value of {@link LogicalType.Kind#DECIMAL}, {@link LogicalType.Kind#DATE},
 * {@link LogicalType.Kind#TIME}, {@link LogicalType.Kind#TIMESTAMP} and {@link LogicalType.Kind#TIMESTAMP_TZ}
 * columns (also as an element of an ARRAY of these), and only where {@link #fits(LogicalType)} says so: the
 * engine's text of a value the type cannot hold. An export writes it only in a column whose
 * {@link Column#nativeType()} names the same engine (the archive writes the bare text there, see
 * {@code docs/archive-format.md}), and refuses it elsewhere, naming table, key and column. Only a store of the same
 * engine whose column can hold it accepts it on import; every other target refuses it rather than store something
 * else, naming table, key and column.
 *
 * @param engine the engine that stored it, lower case as in {@link LogicalType#nativeType(String, String)}, e.g.
 *     {@code mariadb}
 * @param text the value as the engine writes it, e.g. {@code 0000-00-00 00:00:00}
 */
public record NativeValue(String engine, String text) {

    /** The engine name of MariaDB (and MySQL) values. */
    private static final String MARIADB = "mariadb";

    /** {@code YYYY-MM-DD}, as MariaDB writes a {@code DATE}. */
    private static final Pattern MARIADB_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /** {@code YYYY-MM-DD hh:mm:ss[.ffffff]}, as MariaDB writes a {@code DATETIME} or {@code TIMESTAMP}. */
    private static final Pattern MARIADB_DATETIME =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}) (?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,6})?");

    /** {@code [-]hh:mm:ss[.ffffff]} or {@code [-]hhh:mm:ss[.ffffff]}, as MariaDB writes a {@code TIME}. */
    private static final Pattern MARIADB_TIME =
            Pattern.compile("(-?)(\\d{2}|[1-9]\\d{2}):([0-5]\\d):([0-5]\\d)(?:\\.(\\d{1,6}))?");

    /**
     * Creates a native value.
     *
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if the engine is blank or not lower case
     */
    public NativeValue {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(text, "text");
        if (engine.isBlank() || !engine.equals(engine.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("a native value's engine is a lower-case name, was '" + engine + "'");
        }
    }

    /**
     * Whether this is a value a column of the given type holds in a store of this value's engine: the engine's own
     * text of a value the type itself cannot hold. These (engine, kind) pairs have such values, each in the
     * engine's own spelling; no other pair has any (the source of each rule is the engine's documentation of the
     * type):
     *
     * <table>
     *   <caption>Native values by engine and kind</caption>
     *   <tr><th>engine</th><th>kind</th><th>text</th><th>examples</th></tr>
     *   <tr><td>{@code mariadb}</td><td>DATE</td><td>{@code YYYY-MM-DD} with a month of 00 to 12 and a day of 00
     *       to 31 that is no calendar date: a zero date, a zero month or day, a day beyond its month (stored with
     *       {@code ALLOW_INVALID_DATES})</td><td>{@code 0000-00-00}, {@code 2024-00-15}, {@code 2024-02-30}</td></tr>
     *   <tr><td>{@code mariadb}</td><td>TIME</td><td>{@code [-]hh:mm:ss[.f]} (two or three hour digits, no leading
     *       zero in three, at most 838 hours, 1 to 6 fraction digits) that is no time of day: 24 hours or more, or
     *       negative and not zero (MariaDB's {@code TIME} is an elapsed time)</td><td>{@code 838:59:59},
     *       {@code 24:00:00.000000}, {@code -00:00:01.500000}</td></tr>
     *   <tr><td>{@code mariadb}</td><td>TIMESTAMP ({@code DATETIME}), TIMESTAMP_TZ ({@code TIMESTAMP})</td>
     *       <td>{@code YYYY-MM-DD hh:mm:ss[.f]} (a space between date and time, 1 to 6 fraction digits) whose date
     *       is no calendar date as for DATE</td><td>{@code 0000-00-00 00:00:00},
     *       {@code 2020-05-00 10:00:00.500000}</td></tr>
     *   <tr><td>{@code postgresql}</td><td>DECIMAL ({@code numeric})</td><td>{@code NaN}; {@code Infinity} and
     *       {@code -Infinity} only without a declared precision (PostgreSQL 15's {@code numeric(p,s)} holds
     *       {@code NaN} but no infinity)</td><td>{@code NaN}, {@code -Infinity}</td></tr>
     *   <tr><td>{@code h2}</td><td>DECIMAL without a declared precision ({@code DECFLOAT})</td><td>{@code NaN},
     *       {@code Infinity}, {@code -Infinity}</td><td>{@code Infinity}</td></tr>
     * </table>
     *
     * <p>A text that is a value of the type (MariaDB's {@code 2024-01-15}, {@code 12:00:00}) does not fit: such a
     * value is passed as its Java value ({@link java.time.LocalDate}, ...).
     *
     * @param type the logical type of the column (for an ARRAY, of its elements)
     * @return whether the value fits; false for every kind and engine the table does not list
     */
    public boolean fits(LogicalType type) {
        Objects.requireNonNull(type, "type");
        return switch (engine) {
            case MARIADB -> switch (type.kind()) {
                case DATE -> noCalendarDate(MARIADB_DATE.matcher(text));
                case TIMESTAMP, TIMESTAMP_TZ -> noCalendarDate(MARIADB_DATETIME.matcher(text));
                case TIME -> elapsedTime(MARIADB_TIME.matcher(text));
                default -> false;
            };
            case "postgresql" -> type.kind() == LogicalType.Kind.DECIMAL && (text.equals("NaN")
                    || type.precision().isEmpty() && (text.equals("Infinity") || text.equals("-Infinity")));
            case "h2" -> type.kind() == LogicalType.Kind.DECIMAL && type.precision().isEmpty()
                    && (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity"));
            default -> false;
        };
    }

    /** Month 00 to 12 and day 00 to 31, not forming a calendar date. */
    private static boolean noCalendarDate(Matcher m) {
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month > 12 || day > 31) {
            return false;
        }
        return month == 0 || day == 0 || day > java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /** At most 838 hours; 24 hours or more, or negative and not zero. */
    private static boolean elapsedTime(Matcher m) {
        if (!m.matches()) {
            return false;
        }
        int hours = Integer.parseInt(m.group(2));
        if (hours > 838) {
            return false;
        }
        if (m.group(1).isEmpty()) {
            return hours >= 24;
        }
        String fraction = m.group(5) == null ? "" : m.group(5);
        return hours != 0 || !m.group(3).equals("00") || !m.group(4).equals("00")
                || fraction.chars().anyMatch(c -> c != '0');
    }

    /** @return the engine and the text, e.g. {@code mariadb '0000-00-00'} */
    @Override
    public String toString() {
        return engine + " '" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "'";
    }
}
