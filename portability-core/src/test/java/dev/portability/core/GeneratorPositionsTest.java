package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portability.api.ErrorCode;
import dev.portability.api.GeneratorPosition;
import dev.portability.api.ImportOptions;
import dev.portability.api.Key;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.ValidationReport;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's side of generator positions, against any store: an export records what each adapter reports in the
 * manifest, an import hands each adapter the archive's positions of its columns before the commit and again after
 * it, and a failure after the commit leaves the committed import in place.
 */
class GeneratorPositionsTest {

    @TempDir
    Path dir;

    /**
     * The shop of {@link Fixtures} with a generator per table's {@code id}: customers count up, orders count down.
     * Like a database sequence, a generator is not part of the unit of work.
     */
    static final class SequencedStore implements DataStore<MemoryStore.Work> {
        final MemoryStore store;
        final Map<String, Long> next = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        final List<Adapter> tables = new ArrayList<>();
        RuntimeException failAfterCommit;
        String reportColumn = "id";

        SequencedStore(MemoryStore store, long customers, long orders) {
            this.store = store;
            next.put("customers", customers);
            next.put("orders", orders);
            store.tables().forEach(t -> tables.add(new Adapter(t)));
        }

        @Override
        public List<Adapter> tables() {
            return tables;
        }

        @Override
        public MemoryStore.Work begin(Access access) {
            return store.begin(access);
        }

        final class Adapter extends MemoryStore.Forwarding {
            Adapter(MemoryStore.Table table) {
                super(table);
            }

            private boolean ascending() {
                return schema().name().equals("customers");
            }

            @Override
            public List<GeneratorPosition> generators(MemoryStore.Work work) {
                return List.of(new GeneratorPosition(schema().name(), reportColumn, ascending(),
                        next.get(schema().name())));
            }

            @Override
            public void advanceGenerators(MemoryStore.Work work, List<GeneratorPosition> archived) {
                calls.add("before commit " + archived);
                for (GeneratorPosition position : archived) {
                    next.merge(schema().name(), position.next(), (a, b) -> GeneratorPosition.further(ascending(),
                            a, b));
                }
            }

            @Override
            public void advanceGeneratorsAfterCommit(MemoryStore.Work work, List<GeneratorPosition> archived) {
                calls.add("after commit " + archived + ", " + store.rows(schema().name()).size() + " rows published");
                if (failAfterCommit != null) {
                    throw failAfterCommit;
                }
            }
        }
    }

    private static Portability portability(DataStore<?> store) {
        return Portability.builder().application("shop").schemaVersion(1).store(store).build();
    }

    @Test
    void theArchiveRecordsThePositionsAndTheImportMovesEachGeneratorOnlyForward() throws Exception {
        Path archive = dir.resolve("a.zip");
        portability(new SequencedStore(Fixtures.shop(3), 42, -7)).export(archive);

        assertThat(Archives.manifest(archive).get("generators").toString()).isEqualTo("[{\"table\":\"customers\","
                + "\"column\":\"id\",\"direction\":\"ascending\",\"next\":42},{\"table\":\"orders\",\"column\":\"id\","
                + "\"direction\":\"descending\",\"next\":-7}]");
        assertThat(portability(Fixtures.shop(0)).inspect(archive).generators()).containsExactly(
                new GeneratorPosition("customers", "id", true, 42), new GeneratorPosition("orders", "id", false, -7));

        SequencedStore behind = new SequencedStore(Fixtures.shop(0), 10, -3);
        portability(behind).importArchive(archive, ImportOptions.replace());
        assertThat(behind.next).containsExactly(Map.entry("customers", 42L), Map.entry("orders", -7L));
        assertThat(behind.calls).containsExactly(
                "before commit [customers.id: next 42, ascending]", "before commit [orders.id: next -7, descending]",
                "after commit [customers.id: next 42, ascending], 3 rows published",
                "after commit [orders.id: next -7, descending], 3 rows published");

        SequencedStore ahead = new SequencedStore(Fixtures.shop(0), 1000, -1000);
        portability(ahead).importArchive(archive, ImportOptions.replace());
        assertThat(ahead.next).containsExactly(Map.entry("customers", 1000L), Map.entry("orders", -1000L));
    }

    @Test
    void onlyTheImportedTablesGeneratorsMove() throws Exception {
        Path archive = dir.resolve("a.zip");
        portability(new SequencedStore(Fixtures.shop(3), 42, -7)).export(archive);
        SequencedStore target = new SequencedStore(Fixtures.shop(0), 10, -3);

        portability(target).importArchive(archive, ImportOptions.replace().withTables("customers"));

        assertThat(target.next).containsExactly(Map.entry("customers", 42L), Map.entry("orders", -3L));
        assertThat(target.calls).containsExactly("before commit [customers.id: next 42, ascending]",
                "after commit [customers.id: next 42, ascending], 3 rows published");
    }

    @Test
    void aFailureAfterTheCommitLeavesTheImportCommitted() throws Exception {
        Path archive = dir.resolve("a.zip");
        portability(new SequencedStore(Fixtures.shop(3), 42, -7)).export(archive);
        SequencedStore target = new SequencedStore(Fixtures.shop(0), 10, -3);
        target.failAfterCommit = new IllegalStateException("ALTER TABLE denied");

        portability(target).importArchive(archive, ImportOptions.replace());

        assertThat(target.store.rows("customers")).hasSize(3);
        assertThat(target.store.rows("orders")).hasSize(3);
        assertThat(target.calls).hasSize(4);
    }

    @Test
    void anAdapterReportingAPositionForAColumnItsTableLacksStopsTheExport() {
        SequencedStore store = new SequencedStore(Fixtures.shop(3), 42, -7);
        store.reportColumn = "serial_no";

        assertThatThrownBy(() -> portability(store).export(dir.resolve("x.zip")))
                .isInstanceOfSatisfying(PortabilityException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILURE))
                .hasMessageContaining("customers.serial_no: next 42").hasMessageContaining("Nothing was exported");
    }

    @Test
    void generatorPositionsThatDoNotFitTheManifestAreRefused() throws Exception {
        Path archive = dir.resolve("a.zip");
        portability(new SequencedStore(Fixtures.shop(1), 42, -7)).export(archive);
        Map<String, Consumer<ObjectNode>> breakages = new LinkedHashMap<>();
        breakages.put("generators[0]: table invoices", m -> generator(m).put("table", "invoices"));
        breakages.put("generators[0]: table customers has no column serial_no",
                m -> generator(m).put("column", "serial_no"));
        breakages.put("generators[1]: column id of table customers has a position already",
                m -> ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("generators").get(1))
                        .put("table", "customers"));
        breakages.put("/generators/0/direction", m -> generator(m).put("direction", "up"));
        breakages.put("/generators/0/next", m -> generator(m).put("next", "42"));

        for (Map.Entry<String, Consumer<ObjectNode>> breakage : breakages.entrySet()) {
            Path broken = Archives.withManifest(archive, dir.resolve("broken.zip"), breakage.getValue());
            ValidationReport report = portability(Fixtures.shop(0)).validate(broken);
            assertThat(report.problems()).as(breakage.getKey()).extracting(Problem::code)
                    .containsOnly(ErrorCode.MANIFEST_INVALID);
            assertThat(report.problems().get(0).message()).as(breakage.getKey()).contains(breakage.getKey());
        }
    }

    private static ObjectNode generator(ObjectNode manifest) {
        return (ObjectNode) manifest.get("generators").get(0);
    }
}
