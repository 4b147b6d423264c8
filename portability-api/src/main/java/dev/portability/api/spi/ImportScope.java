package dev.portability.api.spi;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ImportMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an import is about to write, as the engine tells a {@link DataStore} before the first write (and a preview,
 * which writes nothing): the store's hooks {@link DataStore#checkTriggers}, {@link DataStore#outsideChanges} and
 * {@link DataStore#prepareImport} receive it.
 *
 * @param mode MERGE or REPLACE
 * @param conflictPolicy the conflict policy (for MERGE)
 * @param tables the imported tables, referenced tables first
 * @param writes per imported table, the kinds of writes the import makes to it
 * @param replacedInPlace the tables a REPLACE keeps and changes in place: rows whose key the archive holds are
 *     updated, only the others are deleted ({@link TableAdapter#delete}); REPLACE deletes every row of the other
 *     imported tables first ({@link TableAdapter#deleteAll}). Empty for MERGE.
 * @param triggersFiring whether the host lets the store's triggers fire
 *     ({@link dev.portability.api.ImportOptions#withTriggersFiring(boolean)})
 */
public record ImportScope(ImportMode mode, ConflictPolicy conflictPolicy, List<String> tables,
        Map<String, Set<Write>> writes, Set<String> replacedInPlace, boolean triggersFiring) {

    /** A kind of write the import makes to a table. */
    public enum Write {
        /** Rows are inserted. */
        INSERT,
        /** Existing rows are updated by key (MERGE with OVERWRITE, REPLACE in place, foreign-key cycles). */
        UPDATE,
        /** Rows are deleted (REPLACE). */
        DELETE
    }

    /** Creates a scope; copies the collections. */
    public ImportScope {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
        tables = List.copyOf(tables);
        writes = Map.copyOf(writes);
        replacedInPlace = Set.copyOf(replacedInPlace);
    }

    /**
     * @param table an imported table
     * @return the kinds of writes the import makes to it
     */
    public Set<Write> writes(String table) {
        return writes.getOrDefault(table, Set.of());
    }
}
