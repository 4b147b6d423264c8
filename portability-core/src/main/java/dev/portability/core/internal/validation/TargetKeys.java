package dev.portability.core.internal.validation;

import dev.portability.api.ErrorCode;
import dev.portability.api.Key;
import dev.portability.api.Problem;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.engine.DuplicateKeys;
import dev.portability.core.internal.engine.TablePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds archive rows whose primary keys differ as values but which the target takes for one key: equal under a
 * case- or accent-insensitive collation, or apart only by trailing blanks under {@code PAD SPACE}. The keys are
 * compared by the target itself, through {@link TableAdapter#collationKeys}, in batches; an import would fail on
 * them (or merge two archive rows into one), so validation against the target reports them as
 * {@link ErrorCode#DUPLICATE_KEY}, naming both rows.
 *
 * <p>One instance serves one pass, in a unit of work its caller owns: a validation's read-only one, opened only
 * when a table {@link #compares} (adapters that keep the default {@code collationKeys} compare keys by value,
 * which validation checks anyway), or a one-pass import's own.
 *
 * @param <U> the store's unit of work
 */
public final class TargetKeys<U extends UnitOfWork> {

    /** Keys sent to the store at once. */
    private static final int BATCH = 500;

    private final U work;

    /**
     * @param work the unit of work the target compares keys in, used only from the thread that calls
     *     {@link Table#finish()}: an import's own, or a validation's read-only one
     */
    public TargetKeys(U work) {
        this.work = work;
    }

    /**
     * @param plan a table
     * @return whether the target compares the table's keys its own way (then a unit of work is needed)
     */
    public static boolean compares(TablePlan<?> plan) {
        return plan.mapping().target().hasPrimaryKey() && comparesOwnWay(plan.adapter());
    }

    /**
     * Starts checking one table.
     *
     * @param plan the table
     * @param capacity the most keys remembered (see {@link DuplicateKeys})
     * @param problems receives a problem per row whose key equals an earlier row's
     * @return the check, or null when the table's adapter compares keys by value
     */
    public Table table(TablePlan<U> plan, int capacity, Consumer<Problem> problems) {
        if (!compares(plan)) {
            return null;
        }
        return new Table(plan, capacity, problems);
    }

    private static boolean comparesOwnWay(TableAdapter<?> adapter) {
        try {
            return adapter.getClass().getMethod("collationKeys", UnitOfWork.class, List.class)
                    .getDeclaringClass() != TableAdapter.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The check of one table: keys in, problems out. */
    public final class Table {
        private final TablePlan<U> plan;
        private final DuplicateKeys seen;
        private final Consumer<Problem> problems;
        private final List<Key> keys = new ArrayList<>(BATCH);
        private final List<Long> rows = new ArrayList<>(BATCH);
        private boolean byValue;

        private Table(TablePlan<U> plan, int capacity, Consumer<Problem> problems) {
            this.plan = plan;
            this.seen = new DuplicateKeys(capacity);
            this.problems = problems;
        }

        /**
         * Adds the key of a row that is not a duplicate by value.
         *
         * @param key the key
         * @param row its 1-based row
         */
        public void add(Key key, long row) {
            if (byValue) {
                return;
            }
            keys.add(key);
            rows.add(row);
            if (keys.size() == BATCH) {
                flush();
            }
        }

        /** Checks the keys still held. */
        public void finish() {
            if (!byValue && !keys.isEmpty()) {
                flush();
            }
        }

        private void flush() {
            List<Key> collated = plan.adapter().collationKeys(work, keys);
            if (collated == keys) {
                byValue = true; // the store compares this table's keys by value: validation did that already
            } else {
                if (collated.size() != keys.size()) {
                    throw new IllegalStateException(plan.adapter() + ".collationKeys returned " + collated.size()
                            + " keys for " + keys.size());
                }
                for (int i = 0; i < keys.size(); i++) {
                    long earlier = seen.add(collated.get(i).values().toArray(), rows.get(i));
                    if (earlier != DuplicateKeys.NEW) {
                        problems.accept(new Problem(ErrorCode.DUPLICATE_KEY, "primary key " + keys.get(i)
                                + " and the key of " + (earlier > 0 ? "row " + earlier : "an earlier row")
                                + " differ, but table " + plan.table() + " compares keys by its collation (case, "
                                + "accents or trailing blanks) and takes them for the same key: the import would "
                                + "fail on them. Change one of the two keys, or give the key column a collation "
                                + "that tells them apart", plan.archived().entry(), rows.get(i),
                                plan.archived().name(), null));
                    }
                }
            }
            keys.clear();
            rows.clear();
        }
    }
}
