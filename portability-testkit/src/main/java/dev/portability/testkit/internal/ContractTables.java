package dev.portability.testkit.internal;

import dev.portability.api.Column;
import dev.portability.api.ForeignKey;
import dev.portability.api.LogicalType;
import dev.portability.api.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The tables the adapter contract suite asks a store to create. */
public final class ContractTables {

    /** Rows with a simple key, for the contracts of reading and writing. */
    public static final String ITEMS = "contract_items";
    /** Rows with a composite key and a foreign key to {@link #ITEMS}. */
    public static final String TAGS = "contract_tags";
    /** One nullable column per logical type, for the fidelity contracts. */
    public static final String VALUES = "contract_values";

    /** The columns of {@link #VALUES} besides its key, one per logical type (some twice, with bounds). */
    public static final List<Column> VALUE_COLUMNS = List.of(
            Column.nullable("v_boolean", LogicalType.bool()),
            Column.nullable("v_integer", LogicalType.integer()),
            Column.nullable("v_decimal", LogicalType.decimal()),
            Column.nullable("v_decimal_30_10", LogicalType.decimal(30, 10)),
            Column.nullable("v_double", LogicalType.float64()),
            Column.nullable("v_text", LogicalType.text()),
            Column.nullable("v_text_20", LogicalType.text(20)),
            Column.nullable("v_binary", LogicalType.binary()),
            Column.nullable("v_binary_16", LogicalType.binary(16)),
            Column.nullable("v_date", LogicalType.date()),
            Column.nullable("v_time", LogicalType.time()),
            Column.nullable("v_timestamp", LogicalType.timestamp()),
            Column.nullable("v_timestamp_tz", LogicalType.timestampTz()),
            Column.nullable("v_uuid", LogicalType.uuid()),
            Column.nullable("v_json", LogicalType.json()),
            Column.nullable("v_text_array", LogicalType.array(LogicalType.text())),
            Column.nullable("v_integer_array", LogicalType.array(LogicalType.integer())));

    private ContractTables() {
    }

    /**
     * The columns of {@link #VALUES} besides its key: {@link #VALUE_COLUMNS} and one column per NATIVE type the
     * store declares, named {@code v_native_1}, {@code v_native_2}, ...
     *
     * @param nativeTypes the store's NATIVE types
     * @return the columns
     */
    public static List<Column> valueColumns(List<LogicalType> nativeTypes) {
        List<Column> columns = new ArrayList<>(VALUE_COLUMNS);
        for (int i = 0; i < nativeTypes.size(); i++) {
            columns.add(Column.nullable("v_native_" + (i + 1), nativeTypes.get(i)));
        }
        return List.copyOf(columns);
    }

    /**
     * The contract tables, without the columns of types the store does not have.
     *
     * @param supported whether the store has columns of a type
     * @return items, tags and values, in that order
     */
    public static List<TableSchema> of(Predicate<LogicalType> supported) {
        return of(supported, List.of());
    }

    /**
     * The contract tables, without the columns of types the store does not have, with a column per NATIVE type
     * it declares.
     *
     * @param supported whether the store has columns of a type
     * @param nativeTypes the store's NATIVE types
     * @return items, tags and values, in that order
     */
    public static List<TableSchema> of(Predicate<LogicalType> supported, List<LogicalType> nativeTypes) {
        TableSchema.Builder items = TableSchema.builder(ITEMS)
                .column("id", LogicalType.integer(), false)
                .column("name", LogicalType.text(100), false)
                .column("note", LogicalType.text(), true);
        if (supported.test(LogicalType.decimal(12, 2))) {
            items.column("amount", LogicalType.decimal(12, 2), true);
        }
        TableSchema tags = TableSchema.builder(TAGS)
                .column("item_id", LogicalType.integer(), false)
                .column("tag", LogicalType.text(40), false)
                .column("weight", LogicalType.integer(), true)
                .primaryKey("item_id", "tag")
                .foreignKey(ForeignKey.of("item_id", ITEMS, "id"))
                .build();
        TableSchema.Builder values = TableSchema.builder(VALUES).column("id", LogicalType.integer(), false);
        List<Column> columns = new ArrayList<>();
        for (Column column : valueColumns(nativeTypes)) {
            if (supported.test(column.type())) {
                columns.add(column);
            }
        }
        columns.forEach(values::column);
        return List.of(items.primaryKey("id").build(), tags, values.primaryKey("id").build());
    }
}
