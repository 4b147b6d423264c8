package dev.portability.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The contract suite fails a store that drops NULLs and does not roll back, naming the contracts it broke. */
class ContractSuiteReportsBrokenStoreTest {

    private static Events tests;
    private static Map<String, String> failures;

    @BeforeAll
    static void runTheSuiteOnTheBrokenStore() {
        tests = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(BrokenStoreContract.ENABLED, "true")
                .selectors(selectClass(BrokenStoreContract.class))
                .execute()
                .testEvents();
        failures = tests.failed().stream().collect(Collectors.toMap(
                event -> event.getTestDescriptor().getDisplayName(),
                event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()
                        .getMessage()));
    }

    @Test
    void aRollbackThatKeepsTheWritesFailsTheRollbackContract() {
        assertThat(failures).containsKey(TableAdapterContract.ROLLBACK);
        assertThat(failures.get(TableAdapterContract.ROLLBACK))
                .startsWith("TableAdapter contract 'rollback of a failed unit of work' broken: ")
                .contains("rollback must discard every write of the unit")
                .contains("table contract_items, key 1, column name: expected 'item 1' but was 'changed'");
    }

    @Test
    void writesVisibleBeforeCommitFailTheIsolationContract() {
        assertThat(failures.get(TableAdapterContract.ISOLATION))
                .startsWith("TableAdapter contract 'uncommitted writes stay invisible' broken: ")
                .contains("another unit counted 2 rows inserted by a unit that has not committed");
    }

    @Test
    void nullTurnedIntoEmptyTextFailsTheFidelityContractOfNull() {
        assertThat(failures.get("fidelity TEXT: NULL"))
                .startsWith("TableAdapter contract 'fidelity TEXT: NULL' broken: ")
                .contains("column v_text (TEXT): wrote NULL and read back ''")
                .contains("NULL must stay NULL, distinct from an empty or zero value");
        assertThat(failures).containsKey("fidelity TEXT(20): NULL");
    }

    @Test
    void aValueTheStoreDeclaresItRefusesButStoresAsAnotherFailsTheRefusalContract() {
        String name = "refused DATE: infinity, later than every other (PostgreSQL)";
        assertThat(failures.get(name)).startsWith("TableAdapter contract '" + name + "' broken: ")
                .contains("wrote infinity, which the store cannot hold (declared, but the store stores a far-away "
                        + "date instead), and it stored +999999999-12-31 instead of refusing it");
    }

    @Test
    void aValueTheStoreDeclaresItRefusesButHoldsFailsTheRefusalContractAskingToRemoveTheDeclaration() {
        String name = "refused ARRAY<INTEGER>: lower bound 0, as PostgreSQL's [0:2]={...}";
        assertThat(failures.get(name)).contains("but capabilities() declares the store refuses it (declared, but "
                + "the store holds them); remove that declaration");
    }

    @Test
    void theJsonLiteralNullStoredAsSqlNullFailsTheFidelityContract() {
        assertThat(failures.get("fidelity JSON: the JSON literal null, which is not SQL NULL"))
                .contains("column v_json (JSON): wrote 'null' and read back NULL");
    }

    @Test
    void aValueTheStoreRefusesAsDeclaredPassesTheRefusalContract() {
        List<String> passed = tests.succeeded().stream().map(event -> event.getTestDescriptor().getDisplayName())
                .toList();
        assertThat(passed).contains("refused DATE: a MariaDB zero date, 0000-00-00",
                "refused TIME: a MariaDB TIME beyond 24 hours, 838:59:59");
    }

    @Test
    void aKnownFailureIsSkippedWithItsReasonWhileItFailsAndFailsOnceItHolds() {
        Events known = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(BrokenStoreContract.ENABLED, "true")
                .selectors(selectClass(KnownFailuresContract.class))
                .execute()
                .testEvents();

        assertThat(known.aborted().stream().filter(e -> name(e).equals(TableAdapterContract.ROLLBACK))
                .map(ContractSuiteReportsBrokenStoreTest::message)).singleElement().asString()
                .startsWith("known failure of TableAdapter contract 'rollback of a failed unit of work' (tracked in "
                        + "issue 99): ");
        assertThat(known.failed().stream().filter(e -> name(e).equals(TableAdapterContract.COUNT))
                .map(ContractSuiteReportsBrokenStoreTest::message)).singleElement().asString()
                .contains("is listed in knownFailures() (fixed long ago) but holds now: remove it from the list");
        assertThat(known.failed().stream().filter(e -> name(e).equals("known failures name tests of this suite"))
                .map(ContractSuiteReportsBrokenStoreTest::message)).singleElement().asString()
                .contains("knownFailures() names [fidelity TEXT: nul], which are not tests of this suite");
    }

    private static String name(Event event) {
        return event.getTestDescriptor().getDisplayName();
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
    }

    @Test
    void contractsTheStoreKeepsStillPass() {
        List<String> passed = tests.succeeded().stream().map(Event::getTestDescriptor)
                .map(descriptor -> descriptor.getDisplayName()).toList();
        assertThat(passed).contains(TableAdapterContract.COUNT, TableAdapterContract.DELETE_ALL,
                TableAdapterContract.EXISTING_KEYS, TableAdapterContract.READ_STOPS, "fidelity DOUBLE: NaN",
                "fidelity INTEGER: NULL", "fidelity TEXT: empty string");
        assertThat(failures).doesNotContainKeys(TableAdapterContract.COUNT, "fidelity DOUBLE: NaN");
    }
}
