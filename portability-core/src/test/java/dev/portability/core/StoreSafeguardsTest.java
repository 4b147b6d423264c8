package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportRefusedException;
import dev.portability.api.Key;
import dev.portability.api.LogicalType;
import dev.portability.api.OutsideChange;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.TablePreview;
import dev.portability.api.TableSchema;
import dev.portability.api.TriggerTreatment;
import dev.portability.api.TriggerTreatment.Treatment;
import dev.portability.api.ValidationReport;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.ImportScope;
import dev.portability.api.spi.TableAdapter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine does with a store's answers about triggers, storage and outside references, for any store: it
 * refuses before the first write (and preview lists the same refusals), writes the tables triggers feed after
 * their sources, and replaces a table that outside tables reference in place, deleting only the keys the archive
 * lacks.
 */
class StoreSafeguardsTest {

    private static final TableSchema AUDIT = TableSchema.builder("audit")
            .column("id", LogicalType.integer(), false)
            .column("note", LogicalType.text(), true)
            .primaryKey("id")
            .build();

    @TempDir
    Path dir;

    private Path archive;
    private MemoryStore memory;
    private Guarded store;

    @BeforeEach
    void setUp() {
        MemoryStore source = new MemoryStore(AUDIT, Fixtures.CUSTOMERS, Fixtures.ORDERS);
        source.put("customers", new Object[] {1L, "Ada", null, null}, new Object[] {2L, "Bob", null, null});
        source.put("audit", new Object[] {1L, "archived"});
        archive = dir.resolve("a.zip");
        Fixtures.portability(source).export(archive);
        memory = new MemoryStore(AUDIT, Fixtures.CUSTOMERS, Fixtures.ORDERS);
        memory.put("customers", new Object[] {2L, "Old Bob", null, null}, new Object[] {3L, "Cy", null, null});
        store = new Guarded(memory);
    }

    private Portability portability() {
        return Portability.builder().application("shop").store(store).build();
    }

    @Test
    void aRefusedTriggerRefusesTheImportBeforeAnyWrite() {
        store.triggers.add(new TriggerTreatment("customers", "t_audit", Treatment.REFUSED, "it writes elsewhere.",
                Set.of()));
        Map<String, Map<Object, Row>> before = memory.snapshot();

        ImportPreview preview = portability().preview(archive, ImportOptions.replace());
        assertThatThrownBy(() -> portability().importArchive(archive, ImportOptions.replace()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TRIGGER_REFUSED);
                    assertThat(e.refusals()).isEqualTo(preview.refusals());
                    assertThat(e.getMessage()).contains("trigger t_audit on table customers: it writes elsewhere.",
                            "withTriggersFiring(true)");
                });

        assertThat(memory.snapshot()).isEqualTo(before);
        assertThat(store.calls).noneMatch(c -> c.startsWith("insert") || c.startsWith("delete"));
        assertThat(preview.wouldBeRefused()).isTrue();
        assertThat(preview.tables().stream().filter(t -> t.table().equals("customers")).findFirst().orElseThrow()
                .triggers()).extracting(TriggerTreatment::treatment).containsExactly(Treatment.REFUSED);
    }

    @Test
    void aTableATriggerFeedsIsWrittenAfterItsSourceAndPreparedFirst() {
        store.triggers.add(new TriggerTreatment("customers", "t_audit", Treatment.RECONCILED, "adds audit rows",
                Set.of("audit")));

        ImportPreview preview = portability().preview(archive, ImportOptions.replace());
        portability().importArchive(archive, ImportOptions.replace());

        assertThat(preview.tables()).extracting(TablePreview::table).containsExactly("customers", "audit",
                "orders");
        assertThat(store.calls).containsSubsequence("prepare", "insert customers [1, 2]", "beforeWrite audit",
                "insert audit [1]");
        assertThat(memory.rows("audit")).containsOnlyKeys(Key.of(1L));
    }

    @Test
    void aTriggerFeedingATableItsSourceReferencesIsRefused() {
        store.triggers.add(new TriggerTreatment("orders", "t_total", Treatment.RECONCILED, "updates totals",
                Set.of("customers")));

        ImportPreview preview = portability().preview(archive, ImportOptions.replace());

        assertThat(preview.refusals()).extracting(Problem::code).containsExactly(ErrorCode.TRIGGER_REFUSED);
        assertThat(preview.refusals().get(0).message()).contains("t_total", "table orders", "adds rows to table "
                + "customers", "has to be written before orders");
    }

    @Test
    void aTableThatCannotRollBackIsRefusedUnlessAllowed() {
        store.engines.put("audit", "a flat file");
        Map<String, Map<Object, Row>> before = memory.snapshot();

        ValidationReport report = portability().validate(archive);
        assertThatThrownBy(() -> portability().importArchive(archive, ImportOptions.replace()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.NON_TRANSACTIONAL_TABLE));
        assertThat(memory.snapshot()).isEqualTo(before);
        assertThat(report.problems()).extracting(Problem::code).containsExactly(ErrorCode.NON_TRANSACTIONAL_TABLE);

        portability().importArchive(archive, ImportOptions.replace().withNonAtomicImportAllowed(true));
        assertThat(memory.rows("audit")).containsOnlyKeys(Key.of(1L));
    }

    @Test
    void aTableReferencedFromOutsideIsReplacedInPlace() {
        store.referencing.put("customers", Set.of("invoices"));

        ImportPreview refusedPreview = portability().preview(archive, ImportOptions.replace());
        assertThatThrownBy(() -> portability().importArchive(archive, ImportOptions.replace()))
                .isInstanceOf(ImportRefusedException.class).hasMessageContaining("3 rows of table invoices");
        ImportPreview preview = portability().preview(archive, ImportOptions.replace().withCascadesAllowed(true));
        portability().importArchive(archive, ImportOptions.replace().withCascadesAllowed(true));

        assertThat(refusedPreview.refusals()).extracting(Problem::code)
                .containsExactly(ErrorCode.CASCADES_OUTSIDE_IMPORT);
        assertThat(store.deletedKeys).containsExactly(Map.of("customers", List.of(Key.of(3L))),
                Map.of("customers", List.of(Key.of(3L))), Map.of("customers", List.of(Key.of(3L))),
                Map.of("customers", List.of(Key.of(3L))));
        assertThat(preview.tables().stream().filter(t -> t.table().equals("customers")).findFirst().orElseThrow()
                .outsideChanges()).containsExactly(
                new OutsideChange("invoices", OutsideChange.Action.DELETE, 3, "customers"));
        // Bob updated in place (never deleted), Ada inserted, Cy (not in the archive) deleted by key
        assertThat(store.calls).contains("update customers [2]", "insert customers [1]", "delete customers [3]")
                .doesNotContain("deleteAll customers");
        assertThat(memory.rows("customers").values()).extracting(r -> r.get("name")).containsExactlyInAnyOrder(
                "Ada", "Bob");
    }

    /** A store that answers the safeguard hooks as a test says, and records the engine's calls. */
    private static final class Guarded implements DataStore<MemoryStore.Work> {
        final MemoryStore memory;
        final List<TriggerTreatment> triggers = new ArrayList<>();
        final Map<String, String> engines = new HashMap<>();
        final Map<String, Set<String>> referencing = new HashMap<>();
        final List<Map<String, List<Key>>> deletedKeys = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        final List<Adapter> tables = new ArrayList<>();

        Guarded(MemoryStore memory) {
            this.memory = memory;
            memory.tables().forEach(t -> tables.add(new Adapter(t)));
        }

        @Override
        public List<Adapter> tables() {
            return tables;
        }

        @Override
        public MemoryStore.Work begin(Access access) {
            return memory.begin(access);
        }

        @Override
        public List<TriggerTreatment> checkTriggers(MemoryStore.Work work, ImportScope scope) {
            return scope.triggersFiring() ? List.of() : triggers;
        }

        @Override
        public List<OutsideChange> outsideChanges(MemoryStore.Work work, ImportScope scope,
                Map<String, List<Key>> deleted) {
            deletedKeys.add(deleted);
            return List.of(new OutsideChange("invoices", OutsideChange.Action.DELETE, 3, "customers"));
        }

        @Override
        public void prepareImport(MemoryStore.Work work, ImportScope scope) {
            calls.add("prepare");
        }

        /** Passes every call to the memory store's table, recording the writes. */
        final class Adapter extends MemoryStore.Forwarding {
            Adapter(TableAdapter<MemoryStore.Work> table) {
                super(table);
            }

            private String name() {
                return schema().name();
            }

            private String keys(List<Row> rows) {
                return rows.stream().map(r -> schema().keyOf(r).toString()).toList().toString();
            }

            @Override
            public void insert(MemoryStore.Work work, List<Row> rows) {
                calls.add("insert " + name() + " " + keys(rows));
                super.insert(work, rows);
            }

            @Override
            public void update(MemoryStore.Work work, List<Row> rows) {
                calls.add("update " + name() + " " + keys(rows));
                super.update(work, rows);
            }

            @Override
            public long deleteAll(MemoryStore.Work work) {
                calls.add("deleteAll " + name());
                return super.deleteAll(work);
            }

            @Override
            public void delete(MemoryStore.Work work, List<Key> keys) {
                calls.add("delete " + name() + " " + keys);
                keys.forEach(work.copy.get(name())::remove);
            }

            @Override
            public void beforeWrite(MemoryStore.Work work) {
                calls.add("beforeWrite " + name());
            }

            @Override
            public Optional<String> nonTransactionalEngine() {
                return Optional.ofNullable(engines.get(name()));
            }

            @Override
            public Set<String> referencingTables() {
                return referencing.getOrDefault(name(), Set.of());
            }
        }
    }
}
