package dev.portability.testkit;

import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.DataStore;
import dev.portability.core.Portability;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test a fresh store of the host's tables and a {@link Portability} over
 * it, and checks round trips. Register it programmatically, configure it with the {@code with...} methods, and
 * let JUnit inject the {@link Portability} and the {@link DataStore} into test methods:
 *
 * <pre>{@code
 * @RegisterExtension
 * static PortabilityExtension shop = PortabilityExtension.inMemory(CUSTOMERS, ORDERS)
 *         .withApplication("shop")
 *         .withSchemaVersion(3)
 *         .withRows(Row.of(CUSTOMERS, 1L, "Ann"), Row.of(ORDERS, 10L, 1L));
 *
 * @Test
 * void everythingSurvivesARoundTrip() {
 *     shop.assertRoundTrip();
 * }
 *
 * @Test
 * void exportsEveryRow(Portability portability, @TempDir Path dir) {
 *     assertEquals(2, portability.export(dir.resolve("shop.zip")).totalRows());
 * }
 * }</pre>
 *
 * <p>Before each test the extension makes a store with the factory, runs the initializers on it (in the order
 * added) and builds the {@code Portability}; after the test it closes every store it made that is
 * {@link AutoCloseable}. For a host with its own store, {@link #forStores(Supplier)} takes a factory of empty
 * stores, e.g. {@code () -> JdbcStore.discover(newEmptyDatabase())}. Configure the extension before the tests
 * run; it is not meant for tests that run in parallel.
 */
public final class PortabilityExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<? extends DataStore<?>> stores;
    private String application = "test-application";
    private int schemaVersion = 1;
    private final List<Consumer<Portability.Builder>> configurations = new ArrayList<>();
    private final List<Consumer<DataStore<?>>> initializers = new ArrayList<>();

    private final List<DataStore<?>> made = new ArrayList<>();
    private DataStore<?> store;
    private Portability portability;

    private PortabilityExtension(Supplier<? extends DataStore<?>> stores) {
        this.stores = stores;
    }

    /**
     * Each test gets a new {@link InMemoryStore} of these tables.
     *
     * @param tables the host's tables
     * @return the extension
     */
    public static PortabilityExtension inMemory(TableSchema... tables) {
        List<TableSchema> schemas = List.of(tables);
        return new PortabilityExtension(() -> new InMemoryStore(schemas));
    }

    /**
     * Each test gets a new store from this factory.
     *
     * @param emptyStores makes a new, empty store of the host's tables each time it is called
     * @return the extension
     */
    public static PortabilityExtension forStores(Supplier<? extends DataStore<?>> emptyStores) {
        return new PortabilityExtension(Objects.requireNonNull(emptyStores, "emptyStores"));
    }

    /**
     * Sets the application id of the {@link Portability} instances (default {@code test-application}).
     *
     * @param id the host's application id
     * @return this extension
     */
    public PortabilityExtension withApplication(String id) {
        this.application = Objects.requireNonNull(id, "id");
        return this;
    }

    /**
     * Sets the data schema version of the {@link Portability} instances (default 1).
     *
     * @param version the host's current schema version
     * @return this extension
     */
    public PortabilityExtension withSchemaVersion(int version) {
        this.schemaVersion = version;
        return this;
    }

    /**
     * Adds a customisation of the {@link Portability.Builder} (listener, limits, ...), applied on every build.
     *
     * @param configuration changes the builder; must not set the store
     * @return this extension
     */
    public PortabilityExtension withConfiguration(Consumer<Portability.Builder> configuration) {
        configurations.add(Objects.requireNonNull(configuration, "configuration"));
        return this;
    }

    /**
     * Adds an initializer that fills each test's store before the test (not the empty targets of round trips).
     *
     * @param initializer receives the new store
     * @return this extension
     */
    public PortabilityExtension withInitializer(Consumer<DataStore<?>> initializer) {
        initializers.add(Objects.requireNonNull(initializer, "initializer"));
        return this;
    }

    /**
     * Adds an initializer that inserts these rows into each test's store, in one unit of work.
     *
     * @param rows rows of the store's tables
     * @return this extension
     */
    public PortabilityExtension withRows(Row... rows) {
        List<Row> copy = List.of(rows);
        return withInitializer(s -> Stores.insert(s, copy));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        store = newEmptyStore();
        for (Consumer<DataStore<?>> initializer : initializers) {
            initializer.accept(store);
        }
        portability = configuration().store(store).build();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception failure = null;
        for (DataStore<?> each : made) {
            if (each instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        made.clear();
        store = null;
        portability = null;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Portability.class || type == DataStore.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Object value = type == Portability.class ? portability : store;
        if (value == null) {
            throw new ParameterResolutionException("PortabilityExtension injects " + type.getSimpleName()
                    + " into test methods only (not constructors or @BeforeAll methods)");
        }
        return value;
    }

    /** @return the current test's store */
    public DataStore<?> store() {
        return requireStarted(store);
    }

    /** @return the current test's {@link Portability}, over {@link #store()} */
    public Portability portability() {
        return requireStarted(portability);
    }

    /** @return a new builder with this extension's application, schema version and configurations, no store */
    public Portability.Builder configuration() {
        Portability.Builder builder = Portability.builder().application(application).schemaVersion(schemaVersion);
        configurations.forEach(c -> c.accept(builder));
        return builder;
    }

    /** @return a new, empty store from the factory (without the initializers), released after the test */
    public DataStore<?> newEmptyStore() {
        DataStore<?> fresh = Objects.requireNonNull(stores.get(), "the store factory returned null");
        made.add(fresh);
        return fresh;
    }

    /**
     * Exports the current test's store, imports the archive into a new empty store and asserts that it then
     * holds the same; see {@link RoundTripAssertions#assertRoundTrip}.
     */
    public void assertRoundTrip() {
        RoundTripAssertions.assertRoundTrip(configuration(), store(), this::newEmptyStore);
    }

    /** @return the differences after a round trip of the current test's store; see {@link #assertRoundTrip()} */
    public Differences roundTrip() {
        return RoundTripAssertions.roundTrip(configuration(), store(), this::newEmptyStore);
    }

    private static <T> T requireStarted(T value) {
        if (value == null) {
            throw new IllegalStateException("no test is running: PortabilityExtension makes a store before each "
                    + "test and drops it after");
        }
        return value;
    }
}
