package dev.portability.api;

import java.util.Objects;

/**
 * One problem found in an archive, with where it is. Fields that do not apply are null.
 *
 * @param code the kind of problem
 * @param message what is wrong and what to do, in one sentence or two
 * @param entry the archive entry, e.g. {@code tables/0003.jsonl}, or null
 * @param line the 1-based line of the entry (the row number for table entries), or null
 * @param table the table, or null
 * @param column the column, or null
 */
public record Problem(ErrorCode code, String message, String entry, Long line, String table, String column) {

    /**
     * Creates a problem.
     *
     * @throws NullPointerException if code or message is null
     */
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** @return a one-line description: code, location, message */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder().append(code);
        String where = location();
        if (!where.isEmpty()) {
            out.append(" at ").append(where);
        }
        return out.append(": ").append(message).toString();
    }

    /** @return where the problem is, e.g. {@code table orders, row 1042, column total (entry tables/0002.jsonl)} */
    public String location() {
        StringBuilder out = new StringBuilder();
        if (table != null) {
            out.append("table ").append(table);
        }
        if (line != null) {
            out.append(out.length() > 0 ? ", " : "").append(table != null ? "row " : "line ").append(line);
        }
        if (column != null) {
            out.append(out.length() > 0 ? ", " : "").append("column ").append(column);
        }
        if (entry != null) {
            out.append(out.length() > 0 ? " (entry " + entry + ")" : "entry " + entry);
        }
        return out.toString();
    }
}
