package dev.portability.core.internal.validation;

import dev.portability.api.ErrorCode;
import dev.portability.api.Key;
import dev.portability.api.Problem;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.engine.DuplicateKeys;
import dev.portability.core.internal.engine.Host;
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
 * <p>One instance serves one validation pass: it opens one read-only unit of work when a table first needs it and
 * {@link #close()} ends it. Adapters that keep the default {@code collationKeys} compare keys by value, which
 * validation checks anyway; no unit of work is opened for them.
 *
 * @param <U> the store's unit of work
 */
public final class TargetKeys<U extends UnitOfWork> implements AutoCloseable {

    /** Keys sent to the store at once. */
    private static final int BATCH = 500;

    private final Host<U> host;
    private final boolean owned;
    private U work;

    /** @param host the host whose store compares the keys, in a read-only unit of work of its own */
    public TargetKeys(Host<U> host) {
        this.host = host;
        this.owned = true;
    }

    /**
     * Compares keys in a unit of work the caller owns (an import's own, so that it needs no second connection);
     * {@link #close()} leaves it open.
     *
     * @param host the host whose store compares the keys
     * @param work the unit of work to compare in, used only from the thread that calls {@link Table#finish()}
     */
    public TargetKeys(Host<U> host, U work) {
        this.host = host;
        this.owned = false;
        this.work = work;
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
        if (!plan.mapping().target().hasPrimaryKey() || !comparesOwnWay(plan.adapter())) {
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

    private U work() {
        if (work == null) {
            work = host.store().begin(Access.READ);
        }
        return work;
    }

    /** Ends the unit of work, if one was opened. */
    @Override
    public void close() {
        if (work == null || !owned) {
            return;
        }
        U opened = work;
        work = null;
        try {
            opened.commit();
        } catch (RuntimeException e) {
            try {
                opened.rollback();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            opened.close();
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
            List<Key> collated = plan.adapter().collationKeys(work(), keys);
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
