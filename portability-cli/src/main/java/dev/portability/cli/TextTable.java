package dev.portability.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first column left-aligned, the others right-aligned unless told, two spaces apart. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final java.util.Set<Integer> left = new java.util.HashSet<>(java.util.Set.of(0));

    TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(headers);
    }

    /** Left-aligns these columns too (0-based). */
    TextTable left(int... columnIndexes) {
        for (int column : columnIndexes) {
            left.add(column);
        }
        return this;
    }

    TextTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        String[] text = new String[columns];
        for (int i = 0; i < columns; i++) {
            text[i] = cells[i] instanceof Long || cells[i] instanceof Integer
                    ? Text.count(((Number) cells[i]).longValue()) : String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    void print(PrintWriter out, String indent) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String cell = row[i];
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(left.contains(i) ? cell + pad : pad + cell);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
