package dev.portability.cli;

import dev.portability.api.Manifest;
import dev.portability.api.ArchiveTable;
import dev.portability.api.Key;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.AbstractTableAdapter;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A store without a database, for the commands that only read an archive: its tables are the ones an archive
 * declares, so that validation checks the archive against its own manifest. Nothing can be read from or written
 * to it; validation never tries.
 */
final class ArchiveOnlyStore implements DataStore<ArchiveOnlyStore.NoWork> {

    private final List<Table> tables = new ArrayList<>();

    private ArchiveOnlyStore(List<TableSchema> schemas) {
        schemas.forEach(schema -> tables.add(new Table(schema)));
    }

    /**
     * @param info an archive's manifest
     * @return a store holding the tables the archive declares
     */
    static ArchiveOnlyStore of(Manifest info) {
        List<TableSchema> schemas = new ArrayList<>();
        info.tables().stream().map(ArchiveTable::schema).forEach(schemas::add);
        if (schemas.isEmpty()) {
            return placeholder();
        }
        return new ArchiveOnlyStore(schemas);
    }

    /**
     * A store of one placeholder table: an engine needs at least one table, and reading a manifest needs none.
     *
     * @return the store
     */
    static ArchiveOnlyStore placeholder() {
        return new ArchiveOnlyStore(List.of(TableSchema.builder("(no database)")
                .column("(none)", LogicalType.integer(), true).build()));
    }

    @Override
    public List<Table> tables() {
        return tables;
    }

    @Override
    public NoWork begin(Access access) {
        throw new UnsupportedOperationException("no database was given");
    }

    /** Never opened. */
    static final class NoWork implements UnitOfWork {
        private NoWork() {
        }

        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }

        @Override
        public void close() {
        }
    }

    /** A table with a schema and no rows to reach. */
    static final class Table extends AbstractTableAdapter<NoWork> {
        Table(TableSchema schema) {
            super(schema);
        }

        @Override
        public long count(NoWork work) {
            throw new UnsupportedOperationException("no database was given");
        }

        @Override
        public void read(NoWork work, Consumer<Row> sink) {
            throw new UnsupportedOperationException("no database was given");
        }

        @Override
        public void insert(NoWork work, List<Row> rows) {
            throw new UnsupportedOperationException("no database was given");
        }

        @Override
        public void update(NoWork work, List<Row> rows) {
            throw new UnsupportedOperationException("no database was given");
        }

        @Override
        public long deleteAll(NoWork work) {
            throw new UnsupportedOperationException("no database was given");
        }

        @Override
        public Set<Key> existingKeys(NoWork work, List<Key> keys) {
            throw new UnsupportedOperationException("no database was given");
        }
    }
}
