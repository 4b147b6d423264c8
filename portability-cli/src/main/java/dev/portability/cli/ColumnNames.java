package dev.portability.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line's way to name a column: {@code TABLE.COLUMN}, where a name that holds a dot (or a double quote)
 * is written in double quotes, a double quote inside doubled: {@code "my.table"."col"}, {@code orders."a""b"}.
 * Names are those discovery gives (H2's upper-case names in lower case).
 */
final class ColumnNames {

    private ColumnNames() {
    }

    /**
     * Splits {@code TABLE.COLUMN}.
     *
     * @param text the option's value
     * @return the table and the column
     * @throws IllegalArgumentException if it is not two names separated by a dot, with what is wrong
     */
    static String[] parse(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    if (i + 1 < text.length() && text.charAt(i + 1) != '.') {
                        throw new IllegalArgumentException("a quoted name must be followed by a dot or the end");
                    }
                } else {
                    part.append(c);
                }
            } else if (c == '"' && part.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                parts.add(part.toString());
                part.setLength(0);
                wasQuoted = false;
            } else if (c == '"') {
                throw new IllegalArgumentException("a double quote may only start a quoted name");
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted name is not closed");
        }
        parts.add(part.toString());
        if (parts.size() != 2 || parts.get(0).isEmpty() || parts.get(1).isEmpty()) {
            throw new IllegalArgumentException("expected TABLE.COLUMN, two names separated by one dot");
        }
        return parts.toArray(String[]::new);
    }

    /**
     * Writes a column as {@link #parse} reads it.
     *
     * @param table the table
     * @param column the column
     * @return e.g. {@code film.release_year} or {@code "my.table".col}
     */
    static String format(String table, String column) {
        return name(table) + "." + name(column);
    }

    private static String name(String name) {
        return name.isEmpty() || name.contains(".") || name.contains("\"") || name.isBlank()
                || !name.equals(name.strip()) ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }
}
