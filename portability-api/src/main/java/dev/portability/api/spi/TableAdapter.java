package dev.portability.api.spi;

import dev.portability.api.ForeignKey;
import dev.portability.api.GeneratorPosition;
import dev.portability.api.Key;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Access to one table of a {@link DataStore}: describe, count, read and write its rows.
 *
 * <p>Every method except {@link #schema()} receives the operation's {@link UnitOfWork}; all reads of one unit
 * see the same snapshot, and writes become visible only when the unit commits. Rows passed in and out use the
 * canonical Java values of {@link dev.portability.api.LogicalType} and belong to {@link #schema()}.
 *
 * <p>Implementations should extend {@link AbstractTableAdapter} where they can, so that methods added to this
 * interface later come with a default.
 *
 * @param <U> the store's unit of work
 */
public interface TableAdapter<U extends UnitOfWork> {

    /**
     * Describes the table: name, columns with logical types and nullability, primary key, foreign keys.
     *
     * @return the schema; the same value every time
     */
    TableSchema schema();

    /**
     * Counts the rows of the table.
     *
     * @param work the unit of work
     * @return the number of rows
     */
    long count(U work);

    /**
     * Streams every row of the table to {@code sink}, in constant memory (never collect the table first). Rows
     * should come in primary-key order where that is cheap: validation of ordered keys needs no memory.
     *
     * @param work the unit of work
     * @param sink receives each row; may throw to stop the read, and the exception must propagate
     */
    void read(U work, Consumer<Row> sink);

    /**
     * Inserts rows whose keys do not exist yet.
     *
     * @param work the unit of work
     * @param rows a batch of rows
     */
    void insert(U work, List<Row> rows);

    /**
     * Replaces every non-key column of the existing rows with the same primary key.
     *
     * @param work the unit of work
     * @param rows a batch of rows whose keys exist
     */
    void update(U work, List<Row> rows);

    /**
     * Deletes every row of the table.
     *
     * @param work the unit of work
     * @return the number of rows deleted
     */
    long deleteAll(U work);

    /**
     * Called before a REPLACE deletes anything, once on each table it is about to delete, with the names of all of
     * them: the place to break references among those tables that {@link #deleteAll} could not otherwise delete
     * one by one (a foreign-key cycle whose checks the store cannot defer), e.g. by setting nullable referencing
     * columns to NULL. Must not change any table outside {@code deletedTables}. Does nothing by default.
     *
     * @param work the unit of work
     * @param deletedTables the names of every table this REPLACE deletes, this one included
     */
    default void beforeDeleteAll(U work, Set<String> deletedTables) {
    }

    /**
     * Says which values of a row this table cannot store exactly as they are: values the store would refuse when
     * they are written, and values it would store as something else (text cut, or with characters it cannot hold
     * replaced; numbers or fractional seconds rounded; {@code -0.0} turned into {@code 0.0}; bytes padded). The
     * engine asks before anything is written, for every row an import would write, in validation
     * ({@code Portability.validate}), preview and import alike, so that all three give the same verdict: an archive
     * holding such a value is invalid ({@link dev.portability.api.ErrorCode#INVALID_VALUE}), with the table, row,
     * key and column, and nothing is written.
     *
     * <p>The values are canonical values of the columns' logical types that already passed every check of those
     * types (lengths in characters, precision and scale); this adds the store's own rules, e.g. a database that
     * counts lengths in UTF-16 code units, a column whose character set lacks some characters, an integer column
     * narrower than 64 bits, fractional seconds beyond the column's precision. Called for every row on every pass
     * over the archive: keep it cheap and free of I/O (decide from what the adapter learnt of its columns when it
     * was created). An adapter that reports a value here should also refuse it when asked to write it.
     *
     * @param row a row of this table ({@link #schema()})
     * @return one refusal per value the table cannot hold exactly (and one for the row as a whole, if any); empty
     *     when it holds them all, which is the default: a store that holds every value of its columns' logical types
     */
    default List<ValueRefusal> refusals(Row row) {
        return List.of();
    }

    /**
     * Says whether the store checks one of this table's foreign keys as each row is written, with no way to put
     * the check off until the unit of work commits: a PostgreSQL constraint that is not {@code DEFERRABLE}, every
     * H2 foreign key. The import then writes the tables of a foreign-key cycle in an order in which such keys
     * refer back to tables already written, writes a row whose key of this kind refers to its own table first
     * referring to itself and then sets the reference in a second step, and refuses, before writing, a cycle of
     * such keys whose columns refuse NULL ({@link dev.portability.api.ErrorCode#FOREIGN_KEY_CYCLE}). False by
     * default: the store checks references when the unit of work commits, or not at all.
     *
     * @param foreignKey one of {@code schema().foreignKeys()}
     * @return whether the store checks it row by row, without deferring
     */
    default boolean checksImmediately(ForeignKey foreignKey) {
        return false;
    }

    /**
     * Answers which of the given keys exist in the table. Keys are compared as the store compares them: a key
     * equal to a stored one under the column's collation (case- or accent-insensitive, trailing blanks ignored by
     * {@code PAD SPACE} or {@code CHAR}) exists, whatever its spelling.
     *
     * @param work the unit of work
     * @param keys a batch of primary keys
     * @return the subset of {@code keys} that exist (the given instances, not the stored spellings)
     */
    Set<Key> existingKeys(U work, List<Key> keys);

    /**
     * The keys as the store compares them, for finding archive rows whose keys the store would take for one: two
     * keys the store considers equal (a case-insensitive collation, trailing blanks under {@code PAD SPACE}) must
     * give equal results, two it tells apart unequal results, e.g. {@code Key.of(weightString)}, like a
     * {@link java.text.CollationKey}. By default, and whenever the store compares this table's keys by value as
     * {@link Key#equals} does, it returns {@code keys} itself, and the engine stops asking for this table.
     *
     * @param work the unit of work (read-only)
     * @param keys a batch of primary keys of this table
     * @return one key per given key, in the same order; or {@code keys} itself
     */
    default List<Key> collationKeys(U work, List<Key> keys) {
        return keys;
    }

    /**
     * Called once per imported table after all its rows are written and before the unit commits: the place to
     * move identity columns and sequences past the highest imported key. Does nothing by default.
     *
     * @param work the unit of work
     */
    default void afterImport(U work) {
    }

    /**
     * The positions of the generators (sequences, identity columns, {@code AUTO_INCREMENT} counters) that feed
     * this table's columns, read in an export's unit of work after its rows: the archive records them. Empty by
     * default: a store without generators.
     *
     * @param work the unit of work (read-only)
     * @return one position per generated column, naming this table
     */
    default List<GeneratorPosition> generators(U work) {
        return List.of();
    }

    /**
     * Moves the generators of this table's columns to at least the archive's positions, in their direction, never
     * backwards: each ends at the further of where it stands and the archive's position (and past the imported
     * values, see {@link #afterImport}). Called once per imported table after all its rows are written and before
     * the unit commits, with the archive's positions of this table's columns (after migration, the columns of the
     * same name). Only what does not commit belongs here; a change that is not undone by a rollback (a PostgreSQL
     * {@code setval}) is harmless because it only moves forward. Does nothing by default.
     *
     * @param work the unit of work
     * @param archived the archive's positions, naming this table; empty when the archive has none
     */
    default void advanceGenerators(U work, List<GeneratorPosition> archived) {
    }

    /**
     * The part of {@link #advanceGenerators} a store can only do by committing (MariaDB's
     * {@code ALTER TABLE ... AUTO_INCREMENT}): called once per imported table after the unit of work committed,
     * before it is closed, with the same positions. The import is complete by then: a failure here is logged as an
     * error (new rows may then take values the source had handed out), not thrown. Does nothing by default.
     *
     * @param work the committed unit of work
     * @param archived the archive's positions, naming this table
     */
    default void advanceGeneratorsAfterCommit(U work, List<GeneratorPosition> archived) {
    }

    /**
     * Says whether writes to this table can be rolled back with the unit of work. A table that cannot (a
     * MariaDB/MySQL MyISAM or MEMORY table, a foreign table) keeps what an import wrote to it when the import
     * fails; an import into it is refused unless the host allows a non-atomic import. Empty by default.
     *
     * @return the storage that cannot roll back, e.g. {@code "MyISAM"}; empty when writes roll back
     */
    default Optional<String> nonTransactionalEngine() {
        return Optional.empty();
    }

    /**
     * Names every table of the store's database that references this one with a foreign key, including tables
     * the store does not export (tables of other schemas schema-qualified). A REPLACE of this table while a table
     * outside the import references it updates rows in place and deletes only the rows the archive lacks
     * ({@link #delete}), after checking with {@link DataStore#outsideChanges} that no row outside the import
     * changes. Empty by default: such stores are replaced by {@link #deleteAll}.
     *
     * @return the referencing tables' names
     */
    default Set<String> referencingTables() {
        return Set.of();
    }

    /**
     * Deletes the rows with the given primary keys; keys that do not exist are ignored. Needed only by a store
     * whose tables report {@link #referencingTables()}.
     *
     * @param work the unit of work
     * @param keys a batch of primary keys
     * @throws UnsupportedOperationException by default
     */
    default void delete(U work, List<Key> keys) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot delete rows by key; implement "
                + "TableAdapter.delete to let REPLACE keep the rows other tables reference");
    }

    /**
     * Called once per imported table, right before the import writes its rows (after the tables it references and
     * the tables whose triggers feed it are written): the place to remove rows that a trigger of another imported
     * table added to this one (see {@link DataStore#checkTriggers}). Does nothing by default.
     *
     * @param work the unit of work
     */
    default void beforeWrite(U work) {
    }
}
