package dev.portability.core.internal.engine;

import dev.portability.api.ConfigurationException;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The host's side: its application id and schema version, its store, and its tables in foreign-key order.
 * Immutable after construction.
 *
 * @param <U> the store's unit of work
 */
public final class Host<U extends UnitOfWork> {

    private final String application;
    private final int schemaVersion;
    private final DataStore<U> store;
    private final Map<String, TableAdapter<U>> adapters;
    private final TableOrder order;

    /**
     * @param application the application id
     * @param schemaVersion the current data schema version
     * @param store the store
     * @throws ConfigurationException if the store lists no tables or a table twice
     */
    public Host(String application, int schemaVersion, DataStore<U> store) {
        this.application = application;
        this.schemaVersion = schemaVersion;
        this.store = store;
        Map<String, TableAdapter<U>> byName = new LinkedHashMap<>();
        List<TableSchema> schemas = new ArrayList<>();
        List<? extends TableAdapter<U>> tables = store.tables();
        if (tables == null || tables.isEmpty()) {
            throw new ConfigurationException("store: " + store + " lists no tables; a DataStore must return at "
                    + "least one TableAdapter from tables()");
        }
        for (TableAdapter<U> adapter : tables) {
            TableSchema schema = adapter.schema();
            if (byName.put(schema.name(), adapter) != null) {
                throw new ConfigurationException("store: two adapters describe table " + schema.name()
                        + "; each table needs exactly one TableAdapter");
            }
            schemas.add(schema);
        }
        this.adapters = Collections.unmodifiableMap(byName);
        this.order = TableOrder.of(schemas, CycleWrites.refersBack(byName::get));
    }

    /** @return the application id */
    public String application() {
        return application;
    }

    /** @return the current data schema version */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** @return the store */
    public DataStore<U> store() {
        return store;
    }

    /**
     * @param table a table name
     * @return its adapter, or null if the host has no such table
     */
    public TableAdapter<U> adapter(String table) {
        return adapters.get(table);
    }

    /** @return all tables, referenced tables first */
    public TableOrder order() {
        return order;
    }

    /**
     * Selects tables by name, in foreign-key order.
     *
     * @param names the names; empty selects all
     * @param setting the option name, for the error message
     * @return the schemas
     * @throws ConfigurationException if a name is not a host table
     */
    public List<TableSchema> select(Collection<String> names, String setting) {
        if (names.isEmpty()) {
            return order.writeOrder();
        }
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(adapters.keySet());
        if (!unknown.isEmpty()) {
            throw new ConfigurationException(setting + ": " + unknown + (unknown.size() == 1 ? " is not a table"
                    : " are not tables") + " of this application; its tables are " + adapters.keySet());
        }
        List<TableSchema> selected = new ArrayList<>();
        for (TableSchema table : order.writeOrder()) {
            if (names.contains(table.name())) {
                selected.add(table);
            }
        }
        return selected;
    }
}
