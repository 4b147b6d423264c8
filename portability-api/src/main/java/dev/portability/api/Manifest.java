package dev.portability.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an archive's manifest says about it.
 *
 * @param formatVersion the archive format version
 * @param application the id of the application that wrote it
 * @param schemaVersion the application's data schema version when it was written
 * @param createdAt when it was written
 * @param libraryVersion the Portability version that wrote it
 * @param tables the tables it holds, in archive order
 * @param generators the positions of the sequences, identity columns and {@code AUTO_INCREMENT} counters that feed
 *     its tables' columns when it was written (format version 2; empty for archives of stores without generators
 *     and for format version 1)
 */
public record Manifest(int formatVersion, String application, int schemaVersion, Instant createdAt,
        String libraryVersion, List<ArchiveTable> tables, List<GeneratorPosition> generators) {

    /** Creates the description; copies the lists. */
    public Manifest {
        tables = List.copyOf(tables);
        generators = List.copyOf(generators);
    }

    /**
     * Creates the description of an archive without generator positions.
     *
     * @param formatVersion the archive format version
     * @param application the id of the application that wrote it
     * @param schemaVersion the application's data schema version when it was written
     * @param createdAt when it was written
     * @param libraryVersion the Portability version that wrote it
     * @param tables the tables it holds, in archive order
     */
    public Manifest(int formatVersion, String application, int schemaVersion, Instant createdAt,
            String libraryVersion, List<ArchiveTable> tables) {
        this(formatVersion, application, schemaVersion, createdAt, libraryVersion, tables, List.of());
    }

    /** @return the total number of rows in all tables */
    public long totalRows() {
        return tables.stream().mapToLong(ArchiveTable::rows).sum();
    }

    /**
     * A table by name.
     *
     * @param name the table name
     * @return the table, if the archive holds it
     */
    public Optional<ArchiveTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
