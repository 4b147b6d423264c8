package dev.portability.testkit;

import dev.portability.api.Column;
import dev.portability.api.ForeignKey;
import dev.portability.api.Key;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.api.spi.ValueRefusal;
import dev.portability.testkit.internal.Contents;
import dev.portability.testkit.internal.ContractTables;
import dev.portability.testkit.internal.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The contract every {@link DataStore} and its {@link TableAdapter}s must keep, as a JUnit 5 test class: extend
 * it, say how to create an empty store holding given tables, and run it with your tests.
 *
 * <pre>{@code
 * class MyStoreContractTest extends TableAdapterContract<MyStore.Work> {
 *     @Override
 *     protected DataStore<MyStore.Work> createStore(List<TableSchema> tables) {
 *         return new MyStore(tables);               // empty, holding exactly these tables
 *     }
 * }
 * }</pre>
 *
 * <p>Each test checks one contract and is named for it; a failure says which contract broke, on which table,
 * row and column, and what the SPI expects:
 * {@value #DESCRIBE}, {@value #COUNT}, {@value #READ}, {@value #READ_STOPS}, {@value #INSERT}, {@value #UPDATE},
 * {@value #DELETE_ALL}, {@value #EXISTING_KEYS}, {@value #OWN_WRITES}, {@value #ISOLATION}, {@value #SNAPSHOT},
 * {@value #ROLLBACK}, {@value #CLOSE}, and one {@value #FIDELITY} test per logical type and edge value (named
 * like {@code fidelity DOUBLE: NaN}) that writes the value, reads it back and compares.
 *
 * <p>A store that cannot hold some values (a database without arrays, with microsecond timestamps) declares it
 * in {@link #capabilities()}: the cases it cannot hold are reported as skipped, with the reason. Values only some
 * stores hold (the JSON literal null, infinities, native values, arrays of several dimensions or with lower
 * bounds) are not skipped when declared: a {@value #REFUSAL} test (named like {@code refused DATE: infinity, ...})
 * checks that the store refuses them, because storing something else would change data silently. A value the
 * adapter itself declares it cannot hold ({@link TableAdapter#refusals}, e.g. a database that counts lengths in
 * UTF-16 code units) is checked to be refused by insert too, and the fidelity test is reported as skipped with
 * the adapter's reason. NATIVE columns
 * are tested with the samples declared by {@link Capabilities#withNativeType}. A contract the
 * store is known to break can be listed in {@link #knownFailures()}: it still runs, is reported as skipped with
 * the reason while it fails, and fails once it passes, so the list cannot go stale.
 *
 * <p>A new store is created for each test method (one for all the fidelity cases) and dropped after it. The
 * tests run with the JVM's default time zone set to {@link #timeZone()} (a zone with daylight-saving changes),
 * restored after each test: do not run them in parallel with tests that depend on the default zone.
 *
 * @param <U> the store's unit of work
 */
public abstract class TableAdapterContract<U extends UnitOfWork> {

    /** {@code schema()} describes each table as it was created, the same every time. */
    public static final String DESCRIBE = "describe";
    /** {@code count} returns the number of rows. */
    public static final String COUNT = "count";
    /** {@code read} streams every row exactly once, with its values, as rows of {@code schema()}. */
    public static final String READ = "streaming read";
    /** An exception thrown by {@code read}'s sink propagates as it is, and no row follows it. */
    public static final String READ_STOPS = "read stops when the sink throws";
    /** {@code insert} adds the rows of each batch. */
    public static final String INSERT = "insert";
    /** {@code update} replaces every non-key column of the rows with the given keys, and only those. */
    public static final String UPDATE = "update by key";
    /** {@code deleteAll} deletes every row and returns how many. */
    public static final String DELETE_ALL = "delete all";
    /** {@code existingKeys} returns exactly the given keys that exist. */
    public static final String EXISTING_KEYS = "existing-key lookup";
    /**
     * {@code collationKeys} returns the keys themselves, or one collation key per key, equal for keys
     * {@code existingKeys} takes for one; {@code generators} names only the table's own columns, each once.
     */
    public static final String KEY_COMPARISON = "keys compared as the store compares them";
    /** Reads of a unit of work see the unit's own writes. */
    public static final String OWN_WRITES = "a unit sees its own writes";
    /** Writes of a unit stay invisible to other units until it commits. */
    public static final String ISOLATION = "uncommitted writes stay invisible";
    /** Every read of a READ unit sees the same snapshot, whatever other units commit meanwhile. */
    public static final String SNAPSHOT = "a READ unit sees one snapshot";
    /** {@code rollback} of a failed unit of work discards every write of it, in all tables. */
    public static final String ROLLBACK = "rollback of a failed unit of work";
    /** {@code close} after commit or rollback, and a second {@code close}, do not throw. */
    public static final String CLOSE = "close is safe";
    /** A value written is read back the same: the prefix of the per-type, per-value contracts. */
    public static final String FIDELITY = "fidelity";
    /**
     * A value the store declares it cannot hold ({@link Capabilities#refuses}) is refused, not stored as another:
     * the prefix of the per-type, per-value refusal contracts.
     */
    public static final String REFUSAL = "refused";

    private static final String ALL_AT_ONCE = ": random rows with every column set";
    private static final String ITEMS = ContractTables.ITEMS;
    private static final String TAGS = ContractTables.TAGS;
    private static final String VALUES = ContractTables.VALUES;

    private DataStore<U> store;
    private List<TableSchema> requested;
    private TimeZone savedTimeZone;

    /**
     * Creates an empty store that holds exactly the given tables (create them in your store first if it needs
     * that, as a database does). Called before each test.
     *
     * @param tables the tables, referenced tables first; names, columns, keys and foreign keys as given
     * @return the store
     */
    protected abstract DataStore<U> createStore(List<TableSchema> tables);

    /**
     * Releases a store after its test. Closes it if it is {@link AutoCloseable}; override to drop a database.
     *
     * @param dataStore the store {@link #createStore} returned
     * @throws Exception if releasing fails (the test then fails)
     */
    protected void dropStore(DataStore<U> dataStore) throws Exception {
        if (dataStore instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** @return what the store cannot hold; by default it holds everything */
    protected Capabilities capabilities() {
        return Capabilities.full();
    }

    /**
     * Contracts the store is known to break, by test name (e.g. {@value #SNAPSHOT}, or
     * {@code fidelity DOUBLE: NaN}), each with the reason or the issue that tracks it. Such a test runs, is
     * skipped with the reason while it fails, and fails once it passes.
     *
     * @return test name to reason; empty by default
     */
    protected Map<String, String> knownFailures() {
        return Map.of();
    }

    /** @return the seed of the generated values; fixed, so that a failure can be repeated */
    protected long seed() {
        return 20240331L;
    }

    /**
     * The JVM default time zone the tests run in (restored after each test). Europe/Berlin by default: its
     * daylight-saving changes make the DST edge values bite on stores and drivers that convert local date-times
     * through the default zone. Return null to keep the JVM's zone.
     *
     * @return the zone, or null
     */
    protected TimeZone timeZone() {
        return TimeZone.getTimeZone("Europe/Berlin");
    }

    @BeforeEach
    final void createContractStore() {
        savedTimeZone = TimeZone.getDefault();
        TimeZone zone = timeZone();
        if (zone != null) {
            TimeZone.setDefault(zone);
        }
        Capabilities capabilities = Objects.requireNonNull(capabilities(), "capabilities()");
        requested = ContractTables.of(capabilities::supports, capabilities.nativeTypes());
        store = Objects.requireNonNull(createStore(requested), "createStore returned null");
    }

    @AfterEach
    final void dropContractStore() throws Exception {
        try {
            if (store != null) {
                DataStore<U> dropped = store;
                store = null;
                dropStore(dropped);
            }
        } finally {
            TimeZone.setDefault(savedTimeZone);
        }
    }

    // ----------------------------------------------------------------------------------------------- contracts

    @Test
    @DisplayName(DESCRIBE)
    void describesEachTableAsCreated() {
        contract(DESCRIBE, () -> {
            List<String> problems = new ArrayList<>();
            Map<String, Integer> listed = new HashMap<>();
            for (TableAdapter<U> adapter : store.tables()) {
                listed.merge(adapter.schema().name(), 1, Integer::sum);
            }
            for (TableSchema want : requested) {
                Integer times = listed.get(want.name());
                if (times == null) {
                    problems.add("the store lists no table " + want.name() + "; it lists " + listed.keySet());
                    continue;
                }
                if (times > 1) {
                    problems.add("the store lists table " + want.name() + " " + times + " times");
                }
                TableAdapter<U> adapter = adapter(want.name());
                TableSchema got = adapter.schema();
                if (!got.equals(adapter.schema())) {
                    problems.add("table " + want.name() + ": schema() returned two different values");
                }
                describeProblems(want, got, problems);
            }
            if (!problems.isEmpty()) {
                throw new AssertionFailedError("schema() must describe each table as it was created: "
                        + String.join("; ", problems));
            }
        });
    }

    @Test
    @DisplayName(COUNT)
    void countsTheRows() {
        contract(COUNT, () -> {
            expectCount(ITEMS, 0, "an empty table");
            insert(ITEMS, items(1, 3));
            expectCount(ITEMS, 3, "a table after 3 rows were inserted and committed");
            expectCount(TAGS, 0, "an empty table next to a filled one");
        });
    }

    @Test
    @DisplayName(READ)
    void readsEveryRowOnce() {
        contract(READ, () -> {
            List<Row> rows = items(1, 2500);
            for (int from = 0; from < rows.size(); from += 500) {
                insert(ITEMS, rows.subList(from, from + 500));
            }
            List<Row> read = inUnit(Access.READ, work -> readAll(work, ITEMS));
            for (Row row : read) {
                if (!row.schema().equals(adapter(ITEMS).schema())) {
                    throw new AssertionFailedError("read returned a row of " + row.schema() + ", not of the "
                            + "adapter's schema() " + adapter(ITEMS).schema());
                }
            }
            expectRows(ITEMS, rows, read, "2500 rows inserted in 5 batches");
        });
    }

    @Test
    @DisplayName(READ_STOPS)
    void letsTheSinkStopTheRead() {
        contract(READ_STOPS, () -> {
            insert(ITEMS, items(1, 5));
            RuntimeException stop = new IllegalStateException("the sink stops the read");
            AtomicInteger calls = new AtomicInteger();
            inUnit(Access.READ, work -> {
                try {
                    adapter(ITEMS).read(work, row -> {
                        calls.incrementAndGet();
                        throw stop;
                    });
                } catch (RuntimeException e) {
                    if (e != stop) {
                        throw new AssertionFailedError("the sink threw " + stop + " but read threw " + e
                                + "; read must let the sink's exception through as it is", e);
                    }
                    return null;
                }
                throw new AssertionFailedError("the sink threw on the first row but read returned normally; read "
                        + "must let the sink's exception through");
            });
            if (calls.get() != 1) {
                throw new AssertionFailedError("the sink threw on the first row but was called " + calls.get()
                        + " times; read must stop at the exception");
            }
            expectCount(ITEMS, 5, "the table after a stopped read");
        });
    }

    @Test
    @DisplayName(INSERT)
    void insertsEveryRowOfEachBatch() {
        contract(INSERT, () -> {
            List<Row> rows = new ArrayList<>(items(1, 3));
            rows.add(item(4, "four", "", BigDecimal.ZERO));
            rows.add(item(5, "five", null, null));
            inUnit(Access.WRITE, work -> {
                step("inserting 3 rows into " + ITEMS, () -> adapter(ITEMS).insert(work, rows.subList(0, 3)));
                step("inserting 2 more rows into " + ITEMS, () -> adapter(ITEMS).insert(work, rows.subList(3, 5)));
                step("inserting an empty batch into " + ITEMS, () -> adapter(ITEMS).insert(work, List.of()));
                step("inserting 2 rows into " + TAGS, () -> adapter(TAGS).insert(work, List.of(
                        tag(1, "a", 1L), tag(1, "b", null))));
                return null;
            });
            expectRows(ITEMS, rows, read(ITEMS), "5 rows inserted in batches of 3, 2 and 0");
            expectRows(TAGS, List.of(tag(1, "a", 1L), tag(1, "b", null)), read(TAGS),
                    "2 rows with a composite key");
        });
    }

    @Test
    @DisplayName(UPDATE)
    void updatesTheRowsWithTheGivenKeys() {
        contract(UPDATE, () -> {
            Row one = item(1, "one", "first", new BigDecimal("1.00"));
            Row two = item(2, "two", "old", new BigDecimal("2.00"));
            Row three = item(3, "three", null, null);
            insert(ITEMS, List.of(one, two, three));
            insert(TAGS, List.of(tag(1, "a", 1L), tag(1, "b", 2L)));
            Row twoChanged = item(2, "renamed", null, new BigDecimal("-99.99"));
            Row threeChanged = item(3, "three", "now set", new BigDecimal("3.50"));
            inUnit(Access.WRITE, work -> {
                step("updating 2 rows of " + ITEMS, () -> adapter(ITEMS).update(work, List.of(twoChanged,
                        threeChanged)));
                step("updating 1 row of " + TAGS, () -> adapter(TAGS).update(work, List.of(tag(1, "b", 20L))));
                return null;
            });
            expectRows(ITEMS, List.of(one, twoChanged, threeChanged), read(ITEMS),
                    "keys 2 and 3 updated (to NULL, from NULL, to other values), key 1 untouched");
            expectRows(TAGS, List.of(tag(1, "a", 1L), tag(1, "b", 20L)), read(TAGS),
                    "composite key (1, b) updated, (1, a) untouched");
        });
    }

    @Test
    @DisplayName(DELETE_ALL)
    void deletesEveryRow() {
        contract(DELETE_ALL, () -> {
            insert(ITEMS, items(1, 5));
            insert(TAGS, List.of(tag(1, "a", 1L), tag(2, "a", 1L), tag(2, "b", 1L)));
            inUnit(Access.WRITE, work -> {
                long tags = step("deleting all rows of " + TAGS, () -> adapter(TAGS).deleteAll(work));
                long items = step("deleting all rows of " + ITEMS, () -> adapter(ITEMS).deleteAll(work));
                if (tags != 3 || items != 5) {
                    throw new AssertionFailedError("deleteAll returned " + tags + " for " + TAGS + " and " + items
                            + " for " + ITEMS + " but they held 3 and 5 rows; it must return the number deleted");
                }
                return null;
            });
            expectCount(ITEMS, 0, "a table after deleteAll was committed");
            expectCount(TAGS, 0, "a table after deleteAll was committed");
            long again = inUnit(Access.WRITE, work -> step("deleting all rows of the empty " + ITEMS,
                    () -> adapter(ITEMS).deleteAll(work)));
            if (again != 0) {
                throw new AssertionFailedError("deleteAll of an empty table returned " + again + ", not 0");
            }
        });
    }

    @Test
    @DisplayName(EXISTING_KEYS)
    void findsExactlyTheExistingKeys() {
        contract(EXISTING_KEYS, () -> {
            List<Row> even = new ArrayList<>();
            for (int id = 2; id <= 1200; id += 2) {
                even.add(item(id, "item " + id, null, null));
            }
            insert(ITEMS, even);
            insert(TAGS, List.of(tag(2, "x", null), tag(4, "y", null)));
            List<Key> asked = new ArrayList<>();
            Set<Key> expected = new LinkedHashSet<>();
            for (long id = 1; id <= 1201; id++) {
                asked.add(Key.of(id));
                if (id % 2 == 0) {
                    expected.add(Key.of(id));
                }
            }
            List<Key> askedTags = List.of(Key.of(2L, "x"), Key.of(2L, "y"), Key.of(4L, "y"), Key.of(5L, "x"));
            for (Access access : Access.values()) {
                inUnit(access, work -> {
                    expectKeys(ITEMS, access, expected, step("looking up 1201 keys in " + ITEMS,
                            () -> adapter(ITEMS).existingKeys(work, asked)));
                    expectKeys(ITEMS, access, Set.of(), step("looking up no keys in " + ITEMS,
                            () -> adapter(ITEMS).existingKeys(work, List.of())));
                    expectKeys(TAGS, access, Set.of(Key.of(2L, "x"), Key.of(4L, "y")), step("looking up "
                            + "composite keys in " + TAGS, () -> adapter(TAGS).existingKeys(work, askedTags)));
                    return null;
                });
            }
        });
    }

    @Test
    @DisplayName(KEY_COMPARISON)
    void comparesKeysAsTheStoreDoes() {
        contract(KEY_COMPARISON, () -> {
            insert(ITEMS, items(1, 5));
            insert(TAGS, List.of(tag(2, "x", null), tag(4, "y", null)));
            List<Key> asked = List.of(Key.of(2L, "x"), Key.of(2L, "y"), Key.of(4L, "y"), Key.of(5L, "x"),
                    Key.of(2L, "x"));
            inUnit(Access.READ, work -> {
                for (String table : List.of(ITEMS, TAGS, VALUES)) {
                    List<dev.portability.api.GeneratorPosition> positions = step("reading the generators of "
                            + table, () -> adapter(table).generators(work));
                    Set<String> columns = new HashSet<>();
                    for (dev.portability.api.GeneratorPosition position : positions) {
                        if (!position.table().equals(table) || adapter(table).schema().indexOf(position.column()) < 0
                                || !columns.add(position.column())) {
                            throw new AssertionFailedError("generators of " + table + " returned " + position
                                    + ", which is not one per column of that table");
                        }
                    }
                }
                List<Key> collated = step("asking the collation keys of " + TAGS,
                        () -> adapter(TAGS).collationKeys(work, asked));
                if (collated == asked) {
                    return null;
                }
                if (collated.size() != asked.size()) {
                    throw new AssertionFailedError("collationKeys of " + TAGS + " returned " + collated.size()
                            + " keys for " + asked.size() + "; it must return one per key, in order");
                }
                if (!collated.get(0).equals(collated.get(4))) {
                    throw new AssertionFailedError("collationKeys of " + TAGS + " returned " + collated.get(0)
                            + " and " + collated.get(4) + " for the same key " + asked.get(0));
                }
                Set<Key> existing = step("looking up composite keys in " + TAGS,
                        () -> adapter(TAGS).existingKeys(work, asked));
                Set<Key> storedCollated = new HashSet<>();
                for (int i = 0; i < asked.size(); i++) {
                    if (existing.contains(asked.get(i))) {
                        storedCollated.add(collated.get(i));
                    }
                }
                for (int i = 0; i < asked.size(); i++) {
                    if (storedCollated.contains(collated.get(i)) != existing.contains(asked.get(i))) {
                        throw new AssertionFailedError("key " + asked.get(i) + " of " + TAGS + " has the "
                                + "collation key of an existing key, but existingKeys says otherwise (or the "
                                + "reverse): collationKeys and existingKeys must compare keys alike");
                    }
                }
                return null;
            });
        });
    }

    @Test
    @DisplayName(OWN_WRITES)
    void letsAUnitSeeItsOwnWrites() {
        contract(OWN_WRITES, () -> {
            insert(ITEMS, items(1, 2));
            List<Row> rows = items(1, 4);
            inUnitThenRollBack(work -> {
                step("inserting 2 rows into " + ITEMS, () -> adapter(ITEMS).insert(work, rows.subList(2, 4)));
                long count = step("counting " + ITEMS, () -> adapter(ITEMS).count(work));
                if (count != 4) {
                    throw new AssertionFailedError("after inserting 2 rows into a table of 2, count in the same "
                            + "unit returned " + count + ", not 4; the engine recounts in the unit it wrote");
                }
                expectRows(ITEMS, rows, readAll(work, ITEMS), "read in the unit that inserted rows 3 and 4");
                expectKeys(ITEMS, Access.WRITE, Set.of(Key.of(1L), Key.of(4L)), step("looking up keys in "
                        + ITEMS, () -> adapter(ITEMS).existingKeys(work, List.of(Key.of(1L), Key.of(4L),
                        Key.of(5L)))));
                long deleted = step("deleting all rows of " + ITEMS, () -> adapter(ITEMS).deleteAll(work));
                long after = step("counting " + ITEMS, () -> adapter(ITEMS).count(work));
                if (deleted != 4 || after != 0) {
                    throw new AssertionFailedError("deleteAll in the unit returned " + deleted + " and count then "
                            + "returned " + after + "; expected 4 and 0");
                }
            });
        });
    }

    @Test
    @DisplayName(ISOLATION)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void keepsUncommittedWritesInvisible() {
        contract(ISOLATION, () -> {
            U writer = store.begin(Access.WRITE);
            try {
                step("inserting 2 rows into " + ITEMS, () -> adapter(ITEMS).insert(writer, items(1, 2)));
                long seen = inUnit(Access.READ, reader -> step("counting " + ITEMS + " in another unit",
                        () -> adapter(ITEMS).count(reader)));
                if (seen != 0) {
                    throw new AssertionFailedError("another unit counted " + seen + " rows inserted by a unit "
                            + "that has not committed; writes must stay invisible until commit");
                }
                writer.commit();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(writer, e);
                throw e;
            } finally {
                writer.close();
            }
            expectCount(ITEMS, 2, "a table after the writing unit committed");
        });
    }

    @Test
    @DisplayName(SNAPSHOT)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void showsAReadUnitOneSnapshot() {
        contract(SNAPSHOT, () -> {
            List<Row> before = items(1, 2);
            insert(ITEMS, before);
            inUnit(Access.READ, reader -> {
                long first = step("counting " + ITEMS, () -> adapter(ITEMS).count(reader));
                insert(ITEMS, List.of(item(3, "committed meanwhile", null, null)));
                long second = step("counting " + ITEMS + " again", () -> adapter(ITEMS).count(reader));
                List<Row> rows = readAll(reader, ITEMS);
                if (first != 2 || second != 2 || rows.size() != 2) {
                    throw new AssertionFailedError("a READ unit counted " + first + " rows, then another unit "
                            + "committed a third, then the READ unit counted " + second + " and read " + rows.size()
                            + "; every read of a READ unit must see the snapshot of its first read (2 rows), or an "
                            + "export's counts and rows disagree");
                }
                return null;
            });
            expectCount(ITEMS, 3, "a table read by a new unit");
        });
    }

    @Test
    @DisplayName(ROLLBACK)
    void discardsEveryWriteOfAFailedUnit() {
        contract(ROLLBACK, () -> {
            List<Row> items = items(1, 3);
            List<Row> tags = List.of(tag(1, "a", 1L), tag(2, "b", 2L));
            insert(ITEMS, items);
            insert(TAGS, tags);
            inUnitThenRollBack(work -> {
                step("inserting 2 rows into " + ITEMS, () -> adapter(ITEMS).insert(work, items(4, 5)));
                step("inserting 1 row into " + TAGS, () -> adapter(TAGS).insert(work, List.of(tag(4, "c", 3L))));
                step("updating 1 row of " + ITEMS, () -> adapter(ITEMS).update(work, List.of(item(1, "changed",
                        "changed", BigDecimal.TEN))));
                step("deleting all rows of " + TAGS, () -> adapter(TAGS).deleteAll(work));
            });
            expectRows(ITEMS, items, read(ITEMS), "after a unit that inserted, updated and deleted rows in two "
                    + "tables failed and was rolled back; rollback must discard every write of the unit");
            expectRows(TAGS, tags, read(TAGS), "after a unit that deleted all its rows failed and was rolled "
                    + "back; rollback must discard every write of the unit");
            inUnitThenRollBack(work -> {
                step("inserting a row into " + ITEMS, () -> adapter(ITEMS).insert(work, items(6, 6)));
                try {
                    adapter(ITEMS).insert(work, List.of(items.get(0)));
                } catch (RuntimeException expected) {
                    // the store refused a key that exists: the unit failed inside the adapter
                }
            });
            expectRows(ITEMS, items, read(ITEMS), "after a unit whose insert of an existing key failed was rolled "
                    + "back");
            insert(ITEMS, items(7, 7));
            expectCount(ITEMS, 4, "a table written by a new unit after the rollbacks (the store must stay usable)");
        });
    }

    @Test
    @DisplayName(CLOSE)
    void closesSafely() {
        contract(CLOSE, () -> {
            U read = store.begin(Access.READ);
            step("counting " + ITEMS, () -> adapter(ITEMS).count(read));
            step("committing a READ unit", () -> {
                read.commit();
                return null;
            });
            step("closing a committed unit", () -> {
                read.close();
                return null;
            });
            step("closing a unit a second time", () -> {
                read.close();
                return null;
            });
            U write = store.begin(Access.WRITE);
            step("inserting a row into " + ITEMS, () -> adapter(ITEMS).insert(write, items(1, 1)));
            step("rolling back a WRITE unit", () -> {
                write.rollback();
                return null;
            });
            step("closing a rolled back unit", () -> {
                write.close();
                return null;
            });
            step("closing a rolled back unit a second time", () -> {
                write.close();
                return null;
            });
            expectCount(ITEMS, 0, "a table after its only insert was rolled back");
        });
    }

    /**
     * One test per logical type and edge value (NULL included), named {@code fidelity TYPE: value}: the value is
     * inserted in its column (the others NULL), read back and compared; and one test of random rows with every
     * column set, which also catches values landing in the wrong column.
     *
     * @return the tests
     */
    @TestFactory
    @DisplayName(FIDELITY)
    Stream<DynamicTest> keepsEveryValue() {
        Capabilities capabilities = capabilities();
        DataGenerator generator = DataGenerator.seeded(seed()).within(capabilities);
        List<DynamicTest> tests = new ArrayList<>();
        AtomicInteger ids = new AtomicInteger();
        for (Column column : ContractTables.valueColumns(capabilities.nativeTypes())) {
            LogicalType type = column.type();
            String prefix = FIDELITY + " " + type + ": ";
            if (!capabilities.supports(type)) {
                String reason = capabilities.whyNot(type).orElseThrow();
                tests.add(DynamicTest.dynamicTest(FIDELITY + " " + type, () -> Assumptions.abort(
                        "not checked: the store has no " + type + " columns (" + reason + ")")));
                continue;
            }
            tests.add(DynamicTest.dynamicTest(prefix + "NULL", () -> contract(prefix + "NULL",
                    () -> roundTrip(column, null, ids.incrementAndGet()))));
            for (EdgeValue edge : generator.allEdgeValues(type)) {
                String name = prefix + edge.description();
                var reason = capabilities.whyNot(type, edge.value());
                var refused = capabilities.refuses(type, edge.value());
                Object value = capabilities.adapt(edge.value());
                if (reason.isEmpty() && refused.isPresent()) {
                    String refusal = REFUSAL + " " + type + ": " + edge.description();
                    tests.add(DynamicTest.dynamicTest(refusal, () -> contract(refusal,
                            () -> refuses(column, value, ids.incrementAndGet(), refused.get()))));
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    if (reason.isPresent()) {
                        Assumptions.abort("not checked: " + reason.get());
                    }
                    contract(name, () -> roundTrip(column, value, ids.incrementAndGet()));
                }));
            }
        }
        String allAtOnce = FIDELITY + ALL_AT_ONCE;
        tests.add(DynamicTest.dynamicTest(allAtOnce, () -> contract(allAtOnce, () -> {
            TableSchema values = requested.get(2);
            List<Row> rows = new ArrayList<>();
            for (Row row : generator.rows(values, 20)) {
                Map<String, Object> byName = new LinkedHashMap<>();
                for (Column column : values.columns()) {
                    byName.put(column.name(), row.get(column.name()));
                }
                byName.put("id", (long) ids.incrementAndGet());
                rows.add(row(VALUES, byName));
            }
            List<Row> held = new ArrayList<>();
            for (Row row : rows) {
                List<ValueRefusal> refusals = adapter(VALUES).refusals(row);
                if (refusals.isEmpty()) {
                    held.add(row);
                } else {
                    expectRefused(row, "a random row", describe(refusals));
                }
            }
            insert(VALUES, held);
            expectRows(VALUES, held, read(VALUES), held.size() + " random rows of every type"
                    + (held.size() < rows.size() ? " (" + (rows.size() - held.size()) + " more the store refuses, "
                            + "as it declares, checked one by one)" : ""));
            inUnit(Access.WRITE, work -> adapter(VALUES).deleteAll(work));
        })));
        return tests.stream();
    }

    @Test
    @DisplayName("known failures name tests of this suite")
    void knownFailuresNameTestsOfThisSuite() {
        Set<String> names = new HashSet<>(List.of(DESCRIBE, COUNT, READ, READ_STOPS, INSERT, UPDATE, DELETE_ALL,
                EXISTING_KEYS, KEY_COMPARISON, OWN_WRITES, ISOLATION, SNAPSHOT, ROLLBACK, CLOSE));
        names.add(FIDELITY + ALL_AT_ONCE);
        DataGenerator generator = DataGenerator.seeded(seed()).within(capabilities());
        for (Column column : ContractTables.valueColumns(capabilities().nativeTypes())) {
            String prefix = FIDELITY + " " + column.type() + ": ";
            names.add(prefix + "NULL");
            generator.allEdgeValues(column.type()).forEach(edge -> {
                names.add(prefix + edge.description());
                names.add(REFUSAL + " " + column.type() + ": " + edge.description());
            });
        }
        Set<String> unknown = new java.util.TreeSet<>(knownFailures().keySet());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            throw new AssertionFailedError("knownFailures() names " + unknown + ", which are not tests of this "
                    + "suite; use the test names exactly as reported");
        }
    }

    private void roundTrip(Column column, Object value, long id) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put(column.name(), value);
        Row written = row(VALUES, values);
        List<ValueRefusal> refusals = step("asking which values of a row " + VALUES + " refuses",
                () -> adapter(VALUES).refusals(written));
        if (!refusals.isEmpty()) {
            String declared = describe(refusals);
            expectRefused(written, Values.show(column.type(), value) + " in column " + column.name(), declared);
            Assumptions.abort("the store refuses this value, as TableAdapter.refusals declares (" + declared
                    + "); checked that insert refuses it too and stores nothing");
        }
        insert(VALUES, List.of(written));
        List<Row> read = read(VALUES);
        try {
            if (read.size() != 1) {
                throw new AssertionFailedError("wrote 1 row into " + VALUES + " and read back " + read.size());
            }
            Row back = read.get(0);
            LogicalType type = column.type();
            Object got = back.get(column.name());
            if (!Values.same(type, value, got, !capabilities().keepsOffsets())) {
                throw new AssertionFailedError("table " + VALUES + ", column " + column.name() + " (" + type
                        + "): wrote " + Values.show(type, value) + " and read back " + Values.show(type, got)
                        + Values.firstDifference(value, got) + (value == null || got == null
                        ? "; NULL must stay NULL, distinct from an empty or zero value" : ""));
            }
        } finally {
            inUnit(Access.WRITE, work -> adapter(VALUES).deleteAll(work));
        }
    }

    private static String describe(List<ValueRefusal> refusals) {
        StringBuilder out = new StringBuilder();
        for (ValueRefusal refusal : refusals) {
            out.append(out.length() == 0 ? "" : "; ").append(refusal.column() == null ? "the row"
                    : "column " + refusal.column()).append(": ").append(refusal.reason());
        }
        return out.toString();
    }

    /**
     * Writes a row whose values the adapter's {@link TableAdapter#refusals} declares it cannot hold and checks that
     * insert refuses it too (throws, in insert or at commit) and leaves nothing behind: validation, preview and
     * import ask {@code refusals}, and the writes must agree with it.
     */
    private void expectRefused(Row written, String what, String declared) {
        RuntimeException refusal = insertAndCommit(written);
        List<Row> read = read(VALUES);
        if (!read.isEmpty()) {
            inUnit(Access.WRITE, cleanup -> adapter(VALUES).deleteAll(cleanup));
        }
        if (refusal == null) {
            throw new AssertionFailedError("table " + VALUES + ": TableAdapter.refusals declares that the store "
                    + "cannot hold " + what + " (" + declared + "), but insert stored it; what refusals declares, "
                    + "insert must refuse, or validation and import disagree");
        }
        if (!read.isEmpty()) {
            throw new AssertionFailedError("table " + VALUES + ": the store refused " + what + " (" + refusal
                    + ") but the rolled back unit of work left " + read.size() + " row(s) behind");
        }
    }

    /**
     * Writes a value the store declares it cannot hold and checks that the write fails (in insert or at commit)
     * and leaves nothing behind; a store that stores it, or stores something else, breaks the contract.
     */
    private void refuses(Column column, Object value, long id, String declared) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put(column.name(), value);
        Row written = row(VALUES, values);
        LogicalType type = column.type();
        RuntimeException refusal = insertAndCommit(written);
        List<Row> read = read(VALUES);
        if (!read.isEmpty()) {
            inUnit(Access.WRITE, cleanup -> adapter(VALUES).deleteAll(cleanup));
        }
        if (refusal == null) {
            Object got = read.size() == 1 ? read.get(0).get(column.name()) : null;
            if (read.size() == 1 && Values.same(type, value, got, !capabilities().keepsOffsets())) {
                throw new AssertionFailedError("table " + VALUES + ", column " + column.name() + " (" + type
                        + ") holds " + Values.show(type, value) + ", but capabilities() declares the store "
                        + "refuses it (" + declared + "); remove that declaration");
            }
            throw new AssertionFailedError("table " + VALUES + ", column " + column.name() + " (" + type
                    + "): wrote " + Values.show(type, value) + ", which the store cannot hold (" + declared
                    + "), and it stored " + (read.size() == 1 ? Values.show(type, got) : read.size() + " rows")
                    + " instead of refusing it; a store must refuse a value it cannot hold (throw from insert), "
                    + "never store another value");
        }
        if (!read.isEmpty()) {
            throw new AssertionFailedError("table " + VALUES + ", column " + column.name() + " (" + type
                    + "): the store refused " + Values.show(type, value) + " (" + refusal + ") but the rolled back "
                    + "unit of work left " + read.size() + " row(s) behind");
        }
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private void describeProblems(TableSchema want, TableSchema got, List<String> problems) {
        String table = "table " + want.name();
        if (!got.columnNames().equals(want.columnNames())) {
            problems.add(table + ": columns are " + got.columnNames() + ", created as " + want.columnNames());
        }
        for (Column column : want.columns()) {
            Column described = got.column(column.name()).orElse(null);
            if (described == null) {
                continue;
            }
            if (described.nullable() != column.nullable()) {
                problems.add(table + ", column " + column.name() + ": described as " + (described.nullable()
                        ? "nullable" : "NOT NULL") + ", created " + (column.nullable() ? "nullable" : "NOT NULL"));
            }
            if (!holds(described.type(), column.type())) {
                problems.add(table + ", column " + column.name() + ": described as " + described.type()
                        + ", created as " + column.type() + " (the described type must be the same kind and hold "
                        + "every value of the created one)");
            }
        }
        if (!got.primaryKey().equals(want.primaryKey())) {
            problems.add(table + ": primary key described as " + got.primaryKey() + ", created as "
                    + want.primaryKey());
        }
        if (!new HashSet<ForeignKey>(got.foreignKeys()).equals(new HashSet<>(want.foreignKeys()))) {
            problems.add(table + ": foreign keys described as " + got.foreignKeys() + ", created as "
                    + want.foreignKeys());
        }
    }

    private static boolean holds(LogicalType described, LogicalType created) {
        if (described.kind() != created.kind()) {
            return false;
        }
        if (created.maxLength().isEmpty() && described.maxLength().isPresent()) {
            return false;
        }
        if (created.maxLength().isPresent() && described.maxLength().isPresent()
                && described.maxLength().get() < created.maxLength().get()) {
            return false;
        }
        if (described.precision().isPresent()) {
            if (created.precision().isEmpty()) {
                return false;
            }
            int integerDigits = described.precision().get() - described.scale().orElseThrow();
            if (integerDigits < created.precision().get() - created.scale().orElseThrow()
                    || described.scale().get() < created.scale().get()) {
                return false;
            }
        }
        if (created.elementType().isPresent()) {
            return described.elementType().isPresent()
                    && holds(described.elementType().get(), created.elementType().get());
        }
        if (created.kind() == LogicalType.Kind.NATIVE) {
            return described.equals(created);
        }
        return true;
    }

    @FunctionalInterface
    private interface Check {
        void run() throws Throwable;
    }

    /**
     * Runs one contract check: names the contract in every failure, turns an exception of the adapter into a
     * failure that says what was being done, and applies {@link #knownFailures()}.
     */
    private void contract(String name, Check check) {
        String known = knownFailures().get(name);
        Throwable failure = null;
        try {
            check.run();
        } catch (TestAbortedException e) {
            throw e;
        } catch (Throwable e) {
            failure = e;
        }
        if (known != null) {
            if (failure == null) {
                throw new AssertionFailedError("TableAdapter contract '" + name + "' is listed in knownFailures() ("
                        + known + ") but holds now: remove it from the list");
            }
            Assumptions.abort("known failure of TableAdapter contract '" + name + "' (" + known + "): "
                    + failure.getMessage());
        }
        if (failure != null) {
            String detail = failure instanceof AssertionError ? failure.getMessage()
                    : "the store threw " + failure;
            throw new AssertionFailedError("TableAdapter contract '" + name + "' broken: " + detail, failure);
        }
    }

    /** Calls the adapter, turning an exception into a failure that says what was being done. */
    private static <T> T step(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (AssertionError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AssertionFailedError("while " + what + ", the store threw " + e, e);
        }
    }

    private static void step(String what, Runnable call) {
        step(what, () -> {
            call.run();
            return null;
        });
    }

    private TableAdapter<U> adapter(String table) {
        for (TableAdapter<U> adapter : store.tables()) {
            if (adapter.schema().name().equals(table)) {
                return adapter;
            }
        }
        throw new AssertionFailedError("the store has no table " + table + "; createStore must return a store "
                + "holding the tables it is given");
    }

    private <T> T inUnit(Access access, Function<U, T> body) {
        U work = step("beginning a " + access + " unit of work", () -> store.begin(access));
        T result;
        try {
            result = body.apply(work);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(work, e);
            closeQuietly(work, e);
            throw e;
        }
        step("committing a " + access + " unit of work", () -> {
            work.commit();
            return null;
        });
        step("closing a committed unit of work", () -> {
            work.close();
            return null;
        });
        return result;
    }

    /** Runs writes in a WRITE unit, then fails the unit as the engine does: rollback, then close. */
    private void inUnitThenRollBack(java.util.function.Consumer<U> writes) {
        U work = step("beginning a WRITE unit of work", () -> store.begin(Access.WRITE));
        try {
            writes.accept(work);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(work, e);
            closeQuietly(work, e);
            throw e;
        }
        step("rolling back a failed unit of work", () -> {
            work.rollback();
            return null;
        });
        step("closing a rolled back unit of work", () -> {
            work.close();
            return null;
        });
    }

    /** Inserts one row into {@link #VALUES} and commits, as the engine does; returns how it failed, or null. */
    private RuntimeException insertAndCommit(Row written) {
        U work = step("beginning a WRITE unit of work", () -> store.begin(Access.WRITE));
        RuntimeException refusal = null;
        try {
            adapter(VALUES).insert(work, List.of(written));
            work.commit();
        } catch (RuntimeException e) {
            refusal = e;
            rollbackQuietly(work, e);
        } finally {
            closeQuietly(work, refusal != null ? refusal : new RuntimeException("close"));
        }
        return refusal;
    }

    private static void rollbackQuietly(UnitOfWork work, Throwable failure) {
        try {
            work.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(UnitOfWork work, Throwable failure) {
        try {
            work.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void insert(String table, List<Row> rows) {
        inUnit(Access.WRITE, work -> {
            step("inserting " + rows.size() + " rows into " + table, () -> adapter(table).insert(work, rows));
            return null;
        });
    }

    private List<Row> read(String table) {
        return inUnit(Access.READ, work -> readAll(work, table));
    }

    private List<Row> readAll(U work, String table) {
        List<Row> rows = new ArrayList<>();
        step("reading " + table, () -> adapter(table).read(work, rows::add));
        return rows;
    }

    private void expectCount(String table, long expected, String what) {
        long count = inUnit(Access.READ, work -> step("counting " + table, () -> adapter(table).count(work)));
        if (count != expected) {
            throw new AssertionFailedError("count of " + what + " returned " + count + ", expected " + expected);
        }
    }

    private void expectRows(String table, List<Row> expected, List<Row> actual, String what) {
        TableSchema schema = adapter(table).schema();
        Differences differences = Contents.compare(
                Map.of(table, new Contents.Table(schema, expected)),
                Map.of(table, new Contents.Table(schema, actual)), !capabilities().keepsOffsets());
        if (!differences.isEmpty()) {
            throw new AssertionFailedError("rows read back differ from " + what + ": " + differences.describe());
        }
    }

    private void expectKeys(String table, Access access, Set<Key> expected, Set<Key> actual) {
        if (!expected.equals(actual)) {
            Set<Key> missing = new LinkedHashSet<>(expected);
            missing.removeAll(actual);
            Set<Key> extra = new LinkedHashSet<>(actual);
            extra.removeAll(expected);
            throw new AssertionFailedError("existingKeys of " + table + " in a " + access + " unit returned "
                    + actual.size() + " keys, expected " + expected.size() + "; missing " + first(missing)
                    + ", not existing or not asked " + first(extra));
        }
    }

    private static String first(Set<Key> keys) {
        List<Key> shown = new ArrayList<>(keys).subList(0, Math.min(10, keys.size()));
        return shown + (keys.size() > 10 ? " and " + (keys.size() - 10) + " more" : "");
    }

    private Row row(String table, Map<String, Object> values) {
        TableSchema schema = adapter(table).schema();
        Object[] ordered = new Object[schema.columns().size()];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = values.get(schema.columns().get(i).name());
        }
        return Row.of(schema, ordered);
    }

    private Row item(long id, String name, String note, BigDecimal amount) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put("name", name);
        values.put("note", note);
        values.put("amount", amount);
        return row(ITEMS, values);
    }

    private List<Row> items(long first, long last) {
        List<Row> rows = new ArrayList<>();
        for (long id = first; id <= last; id++) {
            rows.add(item(id, "item " + id, id % 3 == 0 ? null : "note " + id,
                    id % 4 == 0 ? null : BigDecimal.valueOf(id * 125, 2)));
        }
        return rows;
    }

    private Row tag(long itemId, String tag, Long weight) {
        Map<String, Object> values = new HashMap<>();
        values.put("item_id", itemId);
        values.put("tag", tag);
        values.put("weight", weight);
        return row(TAGS, values);
    }
}
