package dev.portability.cli;

import java.time.Duration;
import java.util.Locale;

/** Formats numbers, sizes, durations and rates for people. */
final class Text {

    private Text() {
    }

    /** @return {@code 1,234,567} */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** @return {@code 812 B}, {@code 4.2 KiB}, {@code 3.1 MiB}, {@code 1.0 GiB} */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** @return {@code 0.42 s}, {@code 12.3 s}, {@code 2 min 05 s} */
    static String duration(Duration duration) {
        return seconds(duration.toNanos());
    }

    /** @return the nanoseconds as in {@link #duration(Duration)} */
    static String seconds(long nanos) {
        double seconds = nanos / 1e9;
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }

    /** @return {@code 45,000 rows/s}, or an empty string when no time passed */
    static String rate(long rows, long nanos) {
        if (nanos <= 0 || rows <= 0) {
            return "";
        }
        return count(Math.round(rows / (nanos / 1e9))) + " rows/s";
    }

    /** @return the message on one line: line breaks and the indentation after them become one space */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** @return the text cut to {@code max} characters, ending in an ellipsis if cut */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
