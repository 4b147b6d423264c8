package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportConflictException;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportResult;
import dev.portability.api.Key;
import dev.portability.api.PortabilityException;
import dev.portability.api.Row;
import dev.portability.api.TablePreview;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive holds customers 1..10 (each with one order). The target holds customers 6..15 with changed
 * names and their orders: keys 6..10 overlap, 11..15 exist only in the target, 1..5 only in the archive.
 */
class ImportModesTest {

    @TempDir
    Path dir;

    private Path archive;
    private MemoryStore target;

    @BeforeEach
    void setUp() {
        archive = dir.resolve("a.zip");
        Fixtures.portability(Fixtures.shop(10)).export(archive);
        target = new MemoryStore(Fixtures.CUSTOMERS, Fixtures.ORDERS);
        for (long id = 6; id <= 15; id++) {
            target.put("customers", new Object[] {id, "Target " + id, null, null});
            target.put("orders", new Object[] {id * 10, id, new BigDecimal("9.99"), null});
        }
    }

    private String name(long id) {
        Row row = target.rows("customers").get(Key.of(id));
        return row == null ? null : (String) row.get("name");
    }

    private static long[] ids(long from, long to) {
        return LongStream.rangeClosed(from, to).toArray();
    }

    @Test
    void previewCountsNewAndExistingRowsAndWritesNothing() {
        Map<String, Map<Object, Row>> before = target.snapshot();

        ImportPreview preview = Fixtures.portability(target).preview(archive, ImportOptions.merge(ConflictPolicy.FAIL));

        TablePreview customers = preview.tables().get(0);
        assertThat(customers.table()).isEqualTo("customers");
        assertThat(customers.archiveRows()).isEqualTo(10);
        assertThat(customers.newRows()).isEqualTo(5);
        assertThat(customers.conflicts()).isEqualTo(5);
        assertThat(customers.sampleConflictKeys()).containsExactly(Key.of(6L), Key.of(7L), Key.of(8L), Key.of(9L),
                Key.of(10L));
        assertThat(customers.targetRows()).isEqualTo(10);
        assertThat(customers.rowsReplaceWouldDelete()).isEqualTo(5);
        assertThat(preview.wouldBeRefused()).isTrue();
        assertThat(target.snapshot()).isEqualTo(before);
    }

    @Test
    void mergeSkipKeepsExistingRowsAndAddsTheNewOnes() {
        ImportResult result = Fixtures.portability(target).importArchive(archive,
                ImportOptions.merge(ConflictPolicy.SKIP));

        for (long id : ids(1, 5)) {
            assertThat(name(id)).isEqualTo("Customer " + id);
        }
        for (long id : ids(6, 15)) {
            assertThat(name(id)).isEqualTo("Target " + id);
        }
        assertThat(target.rows("customers")).hasSize(15);
        assertThat(result.inserted()).isEqualTo(10);
        assertThat(result.skipped()).isEqualTo(10);
        assertThat(result.updated()).isZero();
        assertThat(result.countMismatches()).isEmpty();
    }

    @Test
    void mergeOverwriteTakesTheArchivesValuesForExistingKeys() {
        ImportResult result = Fixtures.portability(target).importArchive(archive,
                ImportOptions.merge(ConflictPolicy.OVERWRITE));

        for (long id : ids(1, 10)) {
            assertThat(name(id)).isEqualTo("Customer " + id);
        }
        for (long id : ids(11, 15)) {
            assertThat(name(id)).isEqualTo("Target " + id);
        }
        assertThat(target.rows("orders").get(Key.of(60L)).get("total")).isEqualTo(new BigDecimal("0.60"));
        assertThat(result.inserted()).isEqualTo(10);
        assertThat(result.updated()).isEqualTo(10);
    }

    @Test
    void mergeFailRefusesListingTheConflictsAndWritesNothing() {
        Map<String, Map<Object, Row>> before = target.snapshot();

        assertThatThrownBy(() -> Fixtures.portability(target).importArchive(archive,
                ImportOptions.merge(ConflictPolicy.FAIL)))
                .isInstanceOfSatisfying(ImportConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICTS);
                    assertThat(e.conflictCount()).isEqualTo(10);
                    assertThat(e.conflicts().get("customers")).hasSize(5).contains(Key.of(6L));
                    assertThat(e.getMessage()).contains("10 rows").contains("customers: keys [6, 7, 8, 9, 10]");
                });
        assertThat(target.snapshot()).isEqualTo(before);
    }

    @Test
    void mergeFailImportsWhenNoKeyExists() {
        MemoryStore empty = new MemoryStore(Fixtures.CUSTOMERS, Fixtures.ORDERS);

        ImportResult result = Fixtures.portability(empty).importArchive(archive,
                ImportOptions.merge(ConflictPolicy.FAIL));

        assertThat(result.inserted()).isEqualTo(20);
        assertThat(empty.rows("customers")).hasSize(10);
    }

    @Test
    void replaceMakesTheTablesHoldExactlyTheArchive() {
        ImportResult result = Fixtures.portability(target).importArchive(archive, ImportOptions.replace());

        assertThat(target.snapshot()).isEqualTo(Fixtures.shop(10).snapshot());
        assertThat(result.deleted()).isEqualTo(20);
        assertThat(result.inserted()).isEqualTo(20);
        assertThat(result.tables()).allSatisfy(t -> assertThat(t.countMatches()).isTrue());
    }

    @Test
    void aTableFilterLeavesTheOtherTablesUntouched() {
        Map<Object, Row> ordersBefore = target.rows("orders");

        Fixtures.portability(target).importArchive(archive,
                ImportOptions.merge(ConflictPolicy.OVERWRITE).withTables("customers"));

        assertThat(target.rows("orders")).isEqualTo(ordersBefore);
        assertThat(name(1)).isEqualTo("Customer 1");
    }

    @Test
    void aFilterNamingATableTheArchiveLacksIsAConfigurationError() {
        assertThatThrownBy(() -> Fixtures.portability(target).importArchive(archive,
                ImportOptions.replace().withTables("invoices")))
                .isInstanceOf(PortabilityException.class)
                .hasMessageContaining("tables: the archive holds no table [invoices]");
    }
}
