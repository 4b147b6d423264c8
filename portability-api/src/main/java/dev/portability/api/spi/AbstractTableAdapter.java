package dev.portability.api.spi;

import dev.portability.api.TableSchema;
import java.util.Objects;

/**
 * A convenient base for a {@link TableAdapter}: it holds the schema, and gives a default to any method added to
 * the interface in later versions, so that extending it keeps a host's adapter compiling.
 *
 * @param <U> the store's unit of work
 */
public abstract class AbstractTableAdapter<U extends UnitOfWork> implements TableAdapter<U> {

    private final TableSchema schema;

    /**
     * Creates an adapter for a table.
     *
     * @param schema the table's schema
     */
    protected AbstractTableAdapter(TableSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    @Override
    public final TableSchema schema() {
        return schema;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + schema.name() + "]";
    }
}
