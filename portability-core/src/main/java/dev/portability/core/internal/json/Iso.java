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
}
