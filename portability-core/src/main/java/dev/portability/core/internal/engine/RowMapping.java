package dev.portability.core.internal.engine;

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
 */
public final class RowMapping {

    private final TableSchema source;
    private final TableSchema target;
    private final int[] sourceIndex;
    private final ValueCodec[] converters;
    private final boolean[] nullable;

    private RowMapping(TableSchema source, TableSchema target, int[] sourceIndex, ValueCodec[] converters) {
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
        ValueCodec[] converters = new ValueCodec[sourceIndex.length];
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
            LogicalType from = source.columns().get(at).type();
            if (from.equals(column.type())) {
                continue;
            }
            if (!convertible(from, column.type())) {
                problems.add(new ColumnProblem(column.name(), dev.portability.api.ErrorCode.TYPE_MISMATCH,
                        "the archive declares " + from + " but table " + target.name() + " has "
                                + column.type() + ", and " + from + " values cannot be converted to it"));
                continue;
            }
            converters[i] = ValueCodec.of(column.type());
        }
        return problems.size() > before ? null : new RowMapping(source, target, sourceIndex, converters);
    }

    /**
     * Whether values of one type can be converted to another without loss (each value is still checked).
     *
     * @param from the archive's type
     * @param to the host's type
     * @return whether conversion is attempted
     */
    static boolean convertible(LogicalType from, LogicalType to) {
        if (from.kind() == to.kind()) {
            if (from.kind() == Kind.ARRAY) {
                LogicalType fromElement = from.elementType().orElseThrow();
                LogicalType toElement = to.elementType().orElseThrow();
                return fromElement.equals(toElement) || convertible(fromElement, toElement);
            }
            return true;
        }
        return (from.kind() == Kind.INTEGER && (to.kind() == Kind.DECIMAL || to.kind() == Kind.DOUBLE))
                || (from.kind() == Kind.DECIMAL && to.kind() == Kind.INTEGER);
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
                    value = converters[i].check(value);
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
