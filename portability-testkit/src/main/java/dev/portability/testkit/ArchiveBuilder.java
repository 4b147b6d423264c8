package dev.portability.testkit;

import dev.portability.api.ErrorCode;
import dev.portability.api.ExportOptions;
import dev.portability.api.PortabilityException;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.core.Portability;
import dev.portability.testkit.internal.FormatVersion1;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a valid archive of any application, schema version and content, declared in code: the archives a host's
 * migration tests need ("an export of version 2 with these rows"). The archive is written by the library's own
 * export, so it is exactly what that version of the host would have exported. Derive damaged archives from it
 * with {@link BrokenArchive}.
 *
 * <pre>{@code
 * Path v1 = ArchiveBuilder.forApplication("shop").schemaVersion(1)
 *         .table(CUSTOMERS_V1).row(1L, "Ann").row(2L, "Bob")
 *         .table(ORDERS_V1).row(10L, 1L)
 *         .writeTo(dir.resolve("shop-v1.zip"));
 * }</pre>
 *
 * <p>Archives are written in the current format version (2) unless {@link #formatVersion(int)} asks for version 1.
 * Not thread-safe; {@link #writeTo(Path)} can be called more than once.
 */
public final class ArchiveBuilder {

    private final String application;
    private int schemaVersion = 1;
    private int formatVersion = 2;
    private final Map<String, TableSchema> tables = new LinkedHashMap<>();
    private final Map<String, List<Row>> rows = new LinkedHashMap<>();
    private TableSchema current;

    private ArchiveBuilder(String application) {
        this.application = application;
    }

    /**
     * Starts an archive of the given application.
     *
     * @param application the application id the archive names (an import refuses archives of another one)
     * @return the builder
     */
    public static ArchiveBuilder forApplication(String application) {
        Objects.requireNonNull(application, "application");
        return new ArchiveBuilder(application);
    }

    /**
     * Sets the host's data schema version the archive records (default 1).
     *
     * @param version 0 or more
     * @return this builder
     */
    public ArchiveBuilder schemaVersion(int version) {
        if (version < 0) {
            throw new IllegalArgumentException("schemaVersion: must be 0 or more, was " + version);
        }
        this.schemaVersion = version;
        return this;
    }

    /**
     * Sets the archive format version (default 2, what exports write). Version 1 is what release 0.1 wrote, for
     * tests that old archives keep importing: JSON values embedded in the rows, no native types, and no values only
     * format 2 holds (the JSON literal null, infinities, native values, arrays of several dimensions or with lower
     * bounds; {@link #writeTo} refuses them).
     *
     * @param version 1 or 2
     * @return this builder
     */
    public ArchiveBuilder formatVersion(int version) {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("formatVersion: must be 1 or 2, was " + version);
        }
        this.formatVersion = version;
        return this;
    }

    /**
     * Adds a table, empty so far; the following {@link #row(Object...)} calls add to it. Tables are written in
     * foreign-key order, as an export writes them.
     *
     * @param schema the table as that version of the host declared it
     * @return this builder
     * @throws IllegalArgumentException if a table of that name was added already
     */
    public ArchiveBuilder table(TableSchema schema) {
        Objects.requireNonNull(schema, "schema");
        if (tables.putIfAbsent(schema.name(), schema) != null) {
            throw new IllegalArgumentException("table " + schema.name() + " was added already");
        }
        rows.put(schema.name(), new ArrayList<>());
        current = schema;
        return this;
    }

    /**
     * Adds a row to the table added last.
     *
     * @param values one canonical value per column, in column order (see {@link dev.portability.api.LogicalType})
     * @return this builder
     * @throws IllegalStateException if no table was added yet
     * @throws IllegalArgumentException if the number of values differs from the number of columns
     */
    public ArchiveBuilder row(Object... values) {
        if (current == null) {
            throw new IllegalStateException("add a table(...) before its rows");
        }
        rows.get(current.name()).add(Row.of(current, values));
        return this;
    }

    /**
     * Adds rows to their tables, adding a table the first time one of its rows comes.
     *
     * @param tableRows rows, e.g. from {@link DataGenerator#rows}
     * @return this builder
     */
    public ArchiveBuilder rows(Collection<Row> tableRows) {
        for (Row row : tableRows) {
            TableSchema schema = tables.get(row.schema().name());
            if (schema == null) {
                table(row.schema());
            } else if (!schema.equals(row.schema())) {
                throw new IllegalArgumentException("a row of table " + row.schema().name()
                        + " has another schema than the table added: " + row.schema() + " vs " + schema);
            }
            rows.get(row.schema().name()).add(row);
        }
        return this;
    }

    /**
     * Writes the archive, replacing {@code file}.
     *
     * @param file where to write it
     * @return {@code file}
     * @throws IllegalStateException if no table was added
     * @throws IllegalArgumentException if a value does not fit its column, or has no encoding in the format
     *     version asked for (the message names table, row and column)
     */
    public Path writeTo(Path file) {
        if (tables.isEmpty()) {
            throw new IllegalStateException("an archive needs at least one table: call table(...)");
        }
        if (formatVersion == 1) {
            FormatVersion1.requireRepresentable(rows);
        }
        InMemoryStore store = new InMemoryStore(List.copyOf(tables.values()));
        List<Row> all = new ArrayList<>();
        rows.values().forEach(all::addAll);
        Stores.insert(store, all);
        Portability portability = Portability.builder().application(application).schemaVersion(schemaVersion)
                .store(store).build();
        try {
            portability.export(file, ExportOptions.defaults());
        } catch (PortabilityException e) {
            if (e.code() == ErrorCode.INVALID_VALUE) {
                throw new IllegalArgumentException("ArchiveBuilder: a row does not fit its table: "
                        + e.getMessage(), e);
            }
            throw e;
        }
        if (formatVersion == 1) {
            FormatVersion1.rewrite(file);
        }
        return file;
    }
}
