package dev.portability.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
import dev.portability.core.Portability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reading a store's rows through its adapters, and comparing canonical values exactly. */
final class Stores {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Stores() {
    }

    /** @return a Portability instance over the store */
    static Portability portability(JdbcStore store) {
        return Portability.builder().application("jdbc-test").schemaVersion(1).store(store).build();
    }

    /** @return the adapter of a table */
    @SuppressWarnings("unchecked")
    static TableAdapter<JdbcUnitOfWork> table(JdbcStore store, String name) {
        return (TableAdapter<JdbcUnitOfWork>) store.tables().stream().filter(t -> t.schema().name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no table " + name + " in " + store));
    }

    /** @return every row of a table, read through its adapter in one READ unit of work */
    static List<Row> rows(JdbcStore store, String name) {
        TableAdapter<JdbcUnitOfWork> adapter = table(store, name);
        List<Row> rows = new ArrayList<>();
        try (JdbcUnitOfWork work = store.begin(Access.READ)) {
            adapter.read(work, rows::add);
            work.commit();
        }
        return rows;
    }

    /** @return every row of every table, by table name, each row's values in column order */
    static Map<String, List<List<Object>>> contents(JdbcStore store) {
        Map<String, List<List<Object>>> contents = new LinkedHashMap<>();
        try (JdbcUnitOfWork work = store.begin(Access.READ)) {
            for (TableAdapter<JdbcUnitOfWork> adapter : store.tables()) {
                List<List<Object>> rows = new ArrayList<>();
                adapter.read(work, row -> rows.add(Arrays.asList(row.values())));
                contents.put(adapter.schema().name(), rows);
            }
            work.commit();
        }
        return contents;
    }

    /**
     * Lists every value that differs from the expected one: doubles by their bits, decimals with their scale,
     * bytes by content, JSON by meaning (databases normalise JSON text), lists element by element.
     *
     * @param schema the table
     * @param actual the rows read
     * @param expected the expected values, in column order
     * @return one line per difference; empty if all are equal
     */
    static List<String> differences(TableSchema schema, List<Row> actual, List<Object[]> expected) {
        List<String> differences = new ArrayList<>();
        if (actual.size() != expected.size()) {
            differences.add("expected " + expected.size() + " rows but read " + actual.size());
        }
        for (int r = 0; r < Math.min(actual.size(), expected.size()); r++) {
            for (int c = 0; c < schema.columns().size(); c++) {
                Object a = actual.get(r).get(c);
                Object e = expected.get(r)[c];
                if (!same(schema.columns().get(c).type(), a, e)) {
                    differences.add("row " + (r + 1) + ", " + schema.columns().get(c).name() + ": expected "
                            + show(e) + " but read " + show(a));
                }
            }
        }
        return differences;
    }

    static boolean same(LogicalType type, Object a, Object e) {
        if (a == null || e == null) {
            return a == e;
        }
        if (type.kind() == Kind.JSON) {
            return json((String) a).equals(json((String) e));
        }
        if (type.kind() == Kind.ARRAY) {
            if (!(a instanceof List<?> la) || !(e instanceof List<?> le) || la.size() != le.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                boolean nested = la.get(i) instanceof List<?> || le.get(i) instanceof List<?>;
                if (!same(nested ? type : type.elementType().orElseThrow(), la.get(i), le.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof byte[] ab && e instanceof byte[] eb) {
            return Arrays.equals(ab, eb);
        }
        return a.getClass() == e.getClass() && Objects.equals(a, e);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String show(Object value) {
        if (value == null) {
            return "NULL";
        }
        String text;
        if (value instanceof byte[] bytes) {
            text = "0x" + java.util.HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32))
                    + (bytes.length > 32 ? "... (" + bytes.length + " bytes)" : "");
        } else if (value instanceof Double d) {
            text = d + " (bits " + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        } else {
            text = String.valueOf(value);
            if (text.length() > 80) {
                text = text.substring(0, 77) + "... (" + text.length() + " chars)";
            }
        }
        return text + " [" + value.getClass().getSimpleName() + "]";
    }
}
