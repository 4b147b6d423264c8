package dev.portability.core.internal.engine;

import dev.portability.api.BoundedArray;
import dev.portability.api.Column;
import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.core.internal.json.ValueCodec;
import dev.portability.core.internal.json.ValueException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps rows as the archive holds them (after migration) onto the host's table: matches columns by name,
 * converts values whose declared type differs from the host's where that is lossless, and checks what the
 * host's types and NOT NULL constraints demand.
 *
 * <p>Which archive column goes into which host column (docs/importing.md, "Column types"):
 * <ul>
 *   <li>the same kind: lengths, precision and scale are checked per value;</li>
 *   <li>INTEGER into DECIMAL or DOUBLE, DECIMAL into INTEGER: per value, when the value fits exactly;</li>
 *   <li>BOOLEAN into INTEGER: true and false become 1 and 0; INTEGER into BOOLEAN: 1 and 0 become true and false,
 *       any other integer is refused (a MariaDB {@code TINYINT(1)} into a PostgreSQL {@code boolean});</li>
 *   <li>NATIVE(engine, type) into a NATIVE column of the same engine and type as it is; into a TEXT column as its
 *       text (length checked); into anything else refused;</li>
 *   <li>ARRAY into ARRAY when the elements convert; dimensions and lower bounds are kept.</li>
 * </ul>
 */
public final class RowMapping {

    private final TableSchema source;
    private final TableSchema target;
    private final int[] sourceIndex;
    private final Converter[] converters;
    private final boolean[] nullable;

    private RowMapping(TableSchema source, TableSchema target, int[] sourceIndex, Converter[] converters) {
        this.source = source;
        this.target = target;
        this.sourceIndex = sourceIndex;
        this.converters = converters;
        this.nullable = new boolean[target.columns().size()];
        for (int i = 0; i < nullable.length; i++) {
            nullable[i] = target.columns().get(i).nullable();
        }
    }

    /**
     * Plans the mapping, or lists why there can be none.
     *
     * @param source the table as rows arrive
     * @param target the host's table
     * @param problems receives one message per column that cannot be mapped: {column, code, message}
     * @return the mapping, or null if {@code problems} received any
     */
    public static RowMapping plan(TableSchema source, TableSchema target, List<ColumnProblem> problems) {
        int before = problems.size();
        int[] sourceIndex = new int[target.columns().size()];
        Converter[] converters = new Converter[sourceIndex.length];
        for (Column column : source.columns()) {
            if (target.indexOf(column.name()) < 0) {
                problems.add(new ColumnProblem(column.name(), dev.portability.api.ErrorCode.UNKNOWN_COLUMN,
                        "the archive has column " + column.name() + " but table " + target.name()
                                + " does not; its columns are " + target.columnNames()));
            }
        }
        for (int i = 0; i < sourceIndex.length; i++) {
            Column column = target.columns().get(i);
            int at = source.indexOf(column.name());
            sourceIndex[i] = at;
            if (at < 0) {
                if (!column.nullable()) {
                    problems.add(new ColumnProblem(column.name(), dev.portability.api.ErrorCode.MISSING_COLUMN,
                            "table " + target.name() + " requires column " + column.name() + " (NOT NULL) but the "
                                    + "archive does not have it"));
                }
                continue;
            }
            Column archived = source.columns().get(at);
            LogicalType from = archived.type();
            if (from.equals(column.type())) {
                continue;
            }
            Converter converter = converter(from, column.type(),
                    archived.nativeType() == null ? null : archived.nativeType().engine());
            if (converter == null) {
                problems.add(new ColumnProblem(column.name(), dev.portability.api.ErrorCode.TYPE_MISMATCH,
                        "the archive declares " + describe(archived) + " but table " + target.name() + " has "
                                + describe(column) + ", and " + from + " values cannot be converted to it"
                                + remedy(from, column.type())));
                continue;
            }
            converters[i] = converter;
        }
        return problems.size() > before ? null : new RowMapping(source, target, sourceIndex, converters);
    }

    /** A column's type for a message: the logical type, and what the column is in its database when known. */
    private static String describe(Column column) {
        if (column.nativeType() == null || column.type().kind() == Kind.NATIVE) {
            return column.type().toString();
        }
        return column.type() + " (" + column.nativeType() + ")";
    }

    private static String remedy(LogicalType from, LogicalType to) {
        if (isNative(from) || isNative(to)) {
            return "; a NATIVE value goes only into a column of the same engine and type, or as its text into a "
                    + "TEXT column: change the column's type, or leave the column out of the import";
        }
        return "";
    }

    private static boolean isNative(LogicalType type) {
        return type.kind() == Kind.NATIVE || type.elementType().map(RowMapping::isNative).orElse(false);
    }

    /**
     * The conversion of values of one type into another, or null when there is none. A {@link
     * dev.portability.api.NativeValue} of the archive's column (the engine its native type names) stays what it is
     * where it fits the host's type ({@code NaN} into a PostgreSQL {@code numeric(10,2)}, not {@code Infinity});
     * whether the host's store holds it is the store's to say.
     *
     * @param from the archive's type
     * @param to the host's type, different from {@code from}
     * @param engine the engine the archive's column names as its native type's, or null
     * @return the conversion
     */
    public static Converter converter(LogicalType from, LogicalType to, String engine) {
        Kind a = from.kind();
        Kind b = to.kind();
        if (a == Kind.ARRAY && b == Kind.ARRAY) {
            LogicalType fromElement = from.elementType().orElseThrow();
            LogicalType toElement = to.elementType().orElseThrow();
            Converter element = fromElement.equals(toElement) ? null : converter(fromElement, toElement, engine);
            if (element == null && !fromElement.equals(toElement)) {
                return null;
            }
            ValueCodec codec = codec(to, engine);
            return element == null ? codec::check : value -> codec.check(Converter.eachElement(value, element));
        }
        if (a == Kind.NATIVE || b == Kind.NATIVE) {
            if (a == Kind.NATIVE && b == Kind.TEXT) {
                return ValueCodec.of(to)::check;
            }
            return null; // equal NATIVE types never reach here
        }
        if (a == b && a != Kind.ARRAY) {
            return codec(to, engine)::check;
        }
        if ((a == Kind.INTEGER && (b == Kind.DECIMAL || b == Kind.DOUBLE)) || (a == Kind.DECIMAL && b == Kind.INTEGER)) {
            return codec(to, engine)::check;
        }
        if (a == Kind.BOOLEAN && b == Kind.INTEGER) {
            return value -> {
                if (!(value instanceof Boolean flag)) {
                    throw new ValueException("a " + value.getClass().getName() + " value is not a BOOLEAN");
                }
                return flag ? 1L : 0L;
            };
        }
        if (a == Kind.INTEGER && b == Kind.BOOLEAN) {
            return value -> {
                if (value instanceof Long number && (number == 0L || number == 1L)) {
                    return number == 1L;
                }
                throw new ValueException(ValueCodec.show(value) + " is not a BOOLEAN: only the integers 0 and 1 "
                        + "convert to false and true");
            };
        }
        return null;
    }

    private static ValueCodec codec(LogicalType type, String engine) {
        return ValueCodec.of(type, ValueCodec.CURRENT_FORMAT, engine);
    }

    /** Converts one non-null value from the archive's type into the host's. */
    @FunctionalInterface
    public interface Converter {
        /**
         * @param value a non-null value of the archive's type
         * @return the value of the host's type
         * @throws ValueException if the value does not fit the host's type
         */
        public Object convert(Object value) throws ValueException;

        /**
         * Applies an element conversion to every element of an array value (a list, nested lists, or a
         * {@link BoundedArray}); NULL elements stay NULL.
         */
        public static Object eachElement(Object value, Converter element) throws ValueException {
            if (value instanceof BoundedArray array) {
                return new BoundedArray(array.lowerBounds(), (List<?>) eachElement(array.elements(), element));
            }
            if (value instanceof List<?> list) {
                List<Object> out = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    try {
                        out.add(item == null ? null : item instanceof List<?> ? eachElement(item, element)
                                : element.convert(item));
                    } catch (ValueException e) {
                        throw new ValueException("element " + i + ": " + e.getMessage());
                    }
                }
                return out;
            }
            return element.convert(value);
        }
    }

    /** @return the table as rows arrive */
    public TableSchema source() {
        return source;
    }

    /** @return the host's table */
    public TableSchema target() {
        return target;
    }

    /**
     * The primary key of a row as it arrives, for messages: the values of the host's key columns, unconverted.
     *
     * @param values the values in source column order
     * @return e.g. {@code key 42: }, or an empty string when the host's table has no primary key or the row lacks
     *     one of its values
     */
    public String keyPrefix(Object[] values) {
        List<String> names = target.primaryKey();
        if (names.isEmpty()) {
            return "";
        }
        Object[] key = new Object[names.size()];
        for (int i = 0; i < key.length; i++) {
            int at = sourceIndex[target.indexOf(names.get(i))];
            if (at < 0 || values[at] == null) {
                return "";
            }
            key[i] = values[at];
        }
        return "key " + dev.portability.api.Key.of(key) + ": ";
    }

    /**
     * Maps one row.
     *
     * @param values the values in source column order
     * @param problems receives a {@link ColumnProblem} per value that does not fit the host's column
     * @return the host row, or null if {@code problems} received any
     */
    public Row map(Object[] values, List<ColumnProblem> problems) {
        Object[] out = new Object[sourceIndex.length];
        boolean ok = true;
        for (int i = 0; i < out.length; i++) {
            int at = sourceIndex[i];
            Object value = at < 0 ? null : values[at];
            if (value == null) {
                if (!nullable[i]) {
                    problems.add(new ColumnProblem(target.columns().get(i).name(),
                            dev.portability.api.ErrorCode.NULL_NOT_ALLOWED,
                            "NULL, but table " + target.name() + " declares this column NOT NULL"));
                    ok = false;
                }
                continue;
            }
            if (converters[i] != null) {
                try {
                    value = converters[i].convert(value);
                } catch (ValueException e) {
                    problems.add(new ColumnProblem(target.columns().get(i).name(),
                            dev.portability.api.ErrorCode.INVALID_VALUE,
                            e.getMessage() + " (the host's column type)"));
                    ok = false;
                    continue;
                }
            }
            out[i] = value;
        }
        return ok ? Row.of(target, out) : null;
    }

    /**
     * A problem with one column.
     *
     * @param column the column name
     * @param code the kind
     * @param message what is wrong
     */
    public record ColumnProblem(String column, dev.portability.api.ErrorCode code, String message) {
    }

    /** @return a fresh list for problems */
    public static List<ColumnProblem> problems() {
        return new ArrayList<>();
    }
}
