package dev.portability.core.internal.validation;

import dev.portability.api.ErrorCode;
import dev.portability.api.Key;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.engine.DuplicateKeys;
import dev.portability.core.internal.engine.TablePlan;
import java.util.function.Consumer;

/**
 * Checks the primary key of each row of one archive table against the table's earlier rows: equal by value
 * ({@link DuplicateKeys}), or taken for one key by the target's collation ({@link TargetKeys}). Each duplicate is
 * a {@link ErrorCode#DUPLICATE_KEY} problem naming both rows. Validation and the one-pass import use this one
 * check, so they cannot disagree.
 *
 * @param <U> the store's unit of work
 */
public final class RowKeys<U extends UnitOfWork> {

    private final TablePlan<U> plan;
    private final int[] keyIndexes;
    private final DuplicateKeys duplicates;
    private final TargetKeys<U>.Table collated;
    private final Consumer<Problem> problems;

    private RowKeys(TablePlan<U> plan, TargetKeys<U> targetKeys, int capacity, Consumer<Problem> problems) {
        this.plan = plan;
        TableSchema target = plan.mapping().target();
        this.keyIndexes = keyIndexes(target);
        this.duplicates = keyIndexes.length == 0 ? null : new DuplicateKeys(capacity);
        this.collated = targetKeys == null ? null : targetKeys.table(plan, capacity, problems);
        this.problems = problems;
    }

    /**
     * Starts checking one table.
     *
     * @param plan the table
     * @param targetKeys the pass's comparison of keys by the target; null to compare by value only (an archive
     *     read without a target)
     * @param capacity the most key hashes remembered (see {@link DuplicateKeys})
     * @param problems receives a problem per row whose key equals an earlier row's
     * @param <U> the store's unit of work
     * @return the check
     */
    public static <U extends UnitOfWork> RowKeys<U> of(TablePlan<U> plan, TargetKeys<U> targetKeys, int capacity,
            Consumer<Problem> problems) {
        return new RowKeys<>(plan, targetKeys, capacity, problems);
    }

    /**
     * Checks one row's key.
     *
     * @param row the row, in the target's schema
     * @param line its 1-based row in the archive's entry
     */
    public void check(Row row, long line) {
        if (duplicates == null) {
            return;
        }
        Object[] key = values(row, keyIndexes);
        long earlier = duplicates.add(key, line);
        if (earlier != DuplicateKeys.NEW) {
            problems.accept(new Problem(ErrorCode.DUPLICATE_KEY, "primary key " + Key.of(key) + " appears in "
                    + (earlier > 0 ? "row " + earlier : "an earlier row") + " too", plan.archived().entry(), line,
                    plan.archived().name(), null));
        } else if (collated != null) {
            collated.add(Key.of(key), line);
        }
    }

    /**
     * Has the target compare the keys it still holds; call before rows checked so far are written, and after the
     * table's last row. May be called any number of times.
     */
    public void finish() {
        if (collated != null) {
            collated.finish();
        }
    }

    /** @return whether the table had more keys out of order than are remembered (the rest is left to the store) */
    public boolean gaveUp() {
        return duplicates != null && duplicates.gaveUp();
    }

    /**
     * @param row a row
     * @param indexes the positions of its key columns ({@link #keyIndexes})
     * @return the key's values, in key order
     */
    public static Object[] values(Row row, int[] indexes) {
        Object[] key = new Object[indexes.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = row.get(indexes[i]);
        }
        return key;
    }

    public static int[] keyIndexes(TableSchema schema) {
        int[] indexes = new int[schema.primaryKey().size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = schema.indexOf(schema.primaryKey().get(i));
        }
        return indexes;
    }
}
