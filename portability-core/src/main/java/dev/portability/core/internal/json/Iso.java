package dev.portability.core.internal.json;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Fast parsing of the ISO-8601 forms an export writes ({@code 2024-02-29}, {@code 13:45:30.5},
 * {@code 2024-02-29T13:45:30.5+05:30}), without the allocations of {@code DateTimeFormatter}. Anything else
 * returns null, and the caller falls back to the JDK's parser, so the accepted language is exactly the JDK's.
 * Values out of range (February 30th) throw {@link DateTimeException}, as the JDK's parser would.
 */
final class Iso {

    private Iso() {
    }

    static LocalDate date(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
    }

    static LocalTime time(String s) {
        return time(s, 0, s.length());
    }

    private static LocalTime time(String s, int from, int to) {
        int length = to - from;
        if (length < 5 || s.charAt(from + 2) != ':') {
            return null;
        }
        int hour = digits(s, from, 2);
        int minute = digits(s, from + 3, 2);
        if (hour < 0 || minute < 0) {
            return null;
        }
        if (length == 5) {
            return LocalTime.of(hour, minute);
        }
        if (length < 8 || s.charAt(from + 5) != ':') {
            return null;
        }
        int second = digits(s, from + 6, 2);
        if (second < 0) {
            return null;
        }
        if (length == 8) {
            return LocalTime.of(hour, minute, second);
        }
        int fractionDigits = length - 9;
        if (s.charAt(from + 8) != '.' || fractionDigits < 1 || fractionDigits > 9) {
            return null;
        }
        int fraction = digits(s, from + 9, fractionDigits);
        if (fraction < 0) {
            return null;
        }
        for (int i = fractionDigits; i < 9; i++) {
            fraction *= 10;
        }
        return LocalTime.of(hour, minute, second, fraction);
    }

    static LocalDateTime dateTime(String s) {
        return dateTime(s, s.length());
    }

    private static LocalDateTime dateTime(String s, int to) {
        if (to < 16 || s.charAt(10) != 'T') {
            return null;
        }
        LocalDate date = date(s.substring(0, 10));
        LocalTime time = date == null ? null : time(s, 11, to);
        return time == null ? null : LocalDateTime.of(date, time);
    }

    static OffsetDateTime offsetDateTime(String s) {
        int n = s.length();
        if (n < 17) {
            return null;
        }
        if (s.charAt(n - 1) == 'Z') {
            LocalDateTime local = dateTime(s, n - 1);
            return local == null ? null : OffsetDateTime.of(local, ZoneOffset.UTC);
        }
        if (n < 22 || s.charAt(n - 3) != ':') {
            return null;
        }
        char sign = s.charAt(n - 6);
        if (sign != '+' && sign != '-') {
            return null;
        }
        int hours = digits(s, n - 5, 2);
        int minutes = digits(s, n - 2, 2);
        LocalDateTime local = hours < 0 || minutes < 0 ? null : dateTime(s, n - 6);
        if (local == null) {
            return null;
        }
        ZoneOffset offset = sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        return OffsetDateTime.of(local, offset);
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Formats a date or time exactly as the JDK's ISO formatters do ({@code ISO_LOCAL_DATE}, {@code ISO_LOCAL_TIME},
     * {@code ISO_LOCAL_DATE_TIME}, {@code ISO_OFFSET_DATE_TIME}), without their allocations; null for years outside
     * 0 to 9999, which the caller leaves to the JDK.
     *
     * @param value a LocalDate, LocalTime, LocalDateTime or OffsetDateTime
     * @return the text, or null
     */
    static String format(Object value) {
        StringBuilder out = new StringBuilder(35);
        if (value instanceof LocalDate date) {
            return date(out, date) ? out.toString() : null;
        }
        if (value instanceof LocalTime time) {
            return time(out, time).toString();
        }
        if (value instanceof LocalDateTime dateTime) {
            return date(out, dateTime.toLocalDate()) ? time(out.append('T'), dateTime.toLocalTime()).toString() : null;
        }
        OffsetDateTime offsetDateTime = (OffsetDateTime) value;
        if (!date(out, offsetDateTime.toLocalDate())) {
            return null;
        }
        time(out.append('T'), offsetDateTime.toLocalTime());
        int total = offsetDateTime.getOffset().getTotalSeconds();
        if (total == 0) {
            return out.append('Z').toString();
        }
        int abs = Math.abs(total);
        out.append(total < 0 ? '-' : '+');
        two(out, abs / 3600).append(':');
        two(out, abs / 60 % 60);
        if (abs % 60 != 0) {
            two(out.append(':'), abs % 60);
        }
        return out.toString();
    }

    private static boolean date(StringBuilder out, LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return false;
        }
        two(out, year / 100);
        two(out, year % 100).append('-');
        two(out, date.getMonthValue()).append('-');
        two(out, date.getDayOfMonth());
        return true;
    }

    private static StringBuilder time(StringBuilder out, LocalTime time) {
        two(out, time.getHour()).append(':');
        two(out, time.getMinute()).append(':');
        two(out, time.getSecond());
        int nano = time.getNano();
        if (nano > 0) {
            out.append('.');
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            String text = Integer.toString(nano);
            for (int i = text.length(); i < digits; i++) {
                out.append('0');
            }
            out.append(text);
        }
        return out;
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
