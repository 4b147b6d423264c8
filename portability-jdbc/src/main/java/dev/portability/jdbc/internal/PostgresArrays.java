package dev.portability.jdbc.internal;

import dev.portability.api.BoundedArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * PostgreSQL's array text ({@code array_out} and {@code array_in}; PostgreSQL documentation, "Arrays", section
 * "Array Input and Output Syntax"): {@code {1,NULL,"a b"}}, {@code {{1,2},{3,4}}} for several dimensions, and
 * {@code [0:2]={10,20,30}} when a dimension does not start at 1. Every array value carries its own dimensions and
 * bounds (a column does not fix them), so they are read and written per value: a list (nested lists for several
 * dimensions) when every dimension starts at 1, a {@link BoundedArray} otherwise.
 */
final class PostgresArrays {

    /** PostgreSQL's limit on the number of dimensions ({@code MAXDIM}). */
    static final int MAX_DIMENSIONS = 6;

    private PostgresArrays() {
    }

    /**
     * Parses the server's text of an array.
     *
     * @param text the text, as {@code array_out} writes it
     * @param delimiter the element type's delimiter ({@code ,}; {@code ;} for box)
     * @param element parses one element's text
     * @return an unmodifiable list (nested for several dimensions; elements may be null), or a
     *     {@link BoundedArray} if a dimension does not start at 1
     * @throws BadValueException if an element has no canonical value
     */
    static Object parse(String text, char delimiter, PostgresText element) {
        Parser parser = new Parser(text, delimiter, element);
        List<Integer> lowerBounds = parser.bounds();
        List<Object> elements = parser.level();
        if (lowerBounds == null || lowerBounds.stream().allMatch(b -> b == 1)) {
            return elements;
        }
        return new BoundedArray(lowerBounds, elements);
    }

    private static final class Parser {
        private final String text;
        private final char delimiter;
        private final PostgresText element;
        private int pos;

        Parser(String text, char delimiter, PostgresText element) {
            this.text = text;
            this.delimiter = delimiter;
            this.element = element;
        }

        /** The {@code [l:u]...=} decoration's lower bounds, or null if there is none. */
        List<Integer> bounds() {
            if (text.isEmpty() || text.charAt(0) != '[') {
                return null;
            }
            List<Integer> lower = new ArrayList<>();
            while (pos < text.length() && text.charAt(pos) == '[') {
                int colon = text.indexOf(':', pos);
                int close = text.indexOf(']', pos);
                lower.add(Integer.parseInt(text.substring(pos + 1, colon)));
                pos = close + 1;
            }
            expect('=');
            return lower;
        }

        List<Object> level() {
            expect('{');
            List<Object> items = new ArrayList<>();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableList(items);
            }
            while (true) {
                if (peek() == '{') {
                    items.add(level());
                } else {
                    items.add(item());
                }
                char next = text.charAt(pos++);
                if (next == '}') {
                    return Collections.unmodifiableList(items);
                }
                if (next != delimiter) {
                    throw malformed();
                }
            }
        }

        private Object item() {
            if (peek() == '"') {
                pos++;
                StringBuilder out = new StringBuilder();
                while (true) {
                    char ch = text.charAt(pos++);
                    if (ch == '\\') {
                        out.append(text.charAt(pos++));
                    } else if (ch == '"') {
                        break;
                    } else {
                        out.append(ch);
                    }
                }
                return element.parse(out.toString());
            }
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != delimiter && text.charAt(pos) != '}') {
                pos++;
            }
            String raw = text.substring(start, pos);
            return raw.equalsIgnoreCase("NULL") ? null : element.parse(raw);
        }

        private char peek() {
            if (pos >= text.length()) {
                throw malformed();
            }
            return text.charAt(pos);
        }

        private void expect(char ch) {
            if (peek() != ch) {
                throw malformed();
            }
            pos++;
        }

        private BadValueException malformed() {
            return new BadValueException("the array text '" + Codecs.ValueText.cut(text) + "' could not be read at "
                    + "position " + (pos + 1));
        }
    }

    /**
     * Renders an array value as input text: every element quoted and escaped, so no value can end the literal
     * early; the server converts the elements to the column's element type.
     *
     * @param value a list (nested lists of equal lengths for several dimensions) or a {@link BoundedArray}
     * @param delimiter the element type's delimiter
     * @param element renders one element
     * @return the literal, e.g. {@code [0:1]={"10","20"}}
     * @throws BadValueException if the value is not rectangular, has more than {@value #MAX_DIMENSIONS}
     *     dimensions, or its bounds do not match its dimensions
     */
    static String render(Object value, char delimiter, PostgresText element) {
        List<?> elements;
        List<Integer> lowerBounds = null;
        if (value instanceof BoundedArray bounded) {
            elements = bounded.elements();
            lowerBounds = bounded.lowerBounds();
        } else {
            elements = (List<?>) value;
        }
        List<Integer> lengths = shape(elements);
        StringBuilder out = new StringBuilder();
        if (lowerBounds != null) {
            if (lengths.isEmpty()) {
                throw new BadValueException("an empty array has no dimensions, so it cannot have the lower bounds "
                        + lowerBounds);
            }
            if (lowerBounds.size() != lengths.size()) {
                throw new BadValueException("the array has " + lengths.size() + " dimension(s) but "
                        + lowerBounds.size() + " lower bound(s) " + lowerBounds);
            }
            for (int d = 0; d < lengths.size(); d++) {
                long upper = (long) lowerBounds.get(d) + lengths.get(d) - 1;
                if (upper > Integer.MAX_VALUE) {
                    throw new BadValueException("the array's dimension " + (d + 1) + " would end at " + upper
                            + ", beyond PostgreSQL's largest subscript " + Integer.MAX_VALUE);
                }
                out.append('[').append(lowerBounds.get(d)).append(':').append(upper).append(']');
            }
            out.append('=');
        }
        append(out, elements, delimiter, element);
        return out.toString();
    }

    private static void append(StringBuilder out, List<?> elements, char delimiter, PostgresText element) {
        out.append('{');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            Object value = elements.get(i);
            if (value == null) {
                out.append("NULL");
            } else if (value instanceof List<?> inner) {
                append(out, inner, delimiter, element);
            } else {
                String text = element.render(value);
                out.append('"');
                for (int c = 0; c < text.length(); c++) {
                    char ch = text.charAt(c);
                    if (ch == '"' || ch == '\\') {
                        out.append('\\');
                    }
                    out.append(ch);
                }
                out.append('"');
            }
        }
        out.append('}');
    }

    /**
     * The length of each dimension of a rectangular array; empty for an empty array.
     *
     * @throws BadValueException if the lists are not rectangular, or nest deeper than PostgreSQL allows
     */
    static List<Integer> shape(List<?> elements) {
        List<Integer> lengths = new ArrayList<>();
        List<?> level = elements;
        while (true) {
            lengths.add(level.size());
            if (level.isEmpty() || !(level.get(0) instanceof List<?> first)) {
                break;
            }
            level = first;
        }
        if (lengths.size() > MAX_DIMENSIONS) {
            throw new BadValueException("the array has " + lengths.size() + " dimensions; PostgreSQL allows at most "
                    + MAX_DIMENSIONS);
        }
        if (lengths.get(0) == 0) {
            return List.of();
        }
        check(elements, lengths, 0);
        return lengths;
    }

    private static void check(List<?> level, List<Integer> lengths, int depth) {
        if (level.size() != lengths.get(depth) || level.isEmpty()) {
            throw notRectangular(lengths);
        }
        boolean inner = depth + 1 < lengths.size();
        for (Object item : level) {
            if (inner) {
                if (!(item instanceof List<?> list)) {
                    throw notRectangular(lengths);
                }
                check(list, lengths, depth + 1);
            } else if (item instanceof List<?>) {
                throw notRectangular(lengths);
            }
        }
    }

    private static BadValueException notRectangular(List<Integer> lengths) {
        return new BadValueException("a multi-dimensional array must be rectangular (every sub-array of one "
                + "dimension as long as the others, none empty), as PostgreSQL's arrays are; this one starts with "
                + "the shape " + lengths);
    }

    /**
     * Calls the action with every non-null element of an array value, and where it is.
     *
     * @param value a list (possibly nested) or a {@link BoundedArray}
     * @param action takes the element and its position, e.g. {@code 2} or {@code 1,3} (1-based)
     */
    static void forEachElement(Object value, BiConsumer<Object, String> action) {
        List<?> elements = value instanceof BoundedArray bounded ? bounded.elements() : (List<?>) value;
        walk(elements, "", action);
    }

    private static void walk(List<?> elements, String prefix, BiConsumer<Object, String> action) {
        for (int i = 0; i < elements.size(); i++) {
            Object item = elements.get(i);
            String position = prefix + (i + 1);
            if (item instanceof List<?> inner) {
                walk(inner, position + ",", action);
            } else if (item != null) {
                action.accept(item, position);
            }
        }
    }
}
