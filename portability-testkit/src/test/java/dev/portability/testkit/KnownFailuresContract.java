package dev.portability.testkit;

import dev.portability.api.TableSchema;
import dev.portability.api.spi.DataStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract suite over {@link BrokenStore} with a list of known failures: one that fails, one that holds and one
 * that names no test. Run only by {@link ContractSuiteReportsBrokenStoreTest}, like {@link BrokenStoreContract}.
 */
@ExtendWith(BrokenStoreContract.OnlyInEngineTestKit.class)
class KnownFailuresContract extends TableAdapterContract<BrokenStore.Work> {

    @Override
    protected DataStore<BrokenStore.Work> createStore(List<TableSchema> tables) {
        return new BrokenStore(tables);
    }

    @Override
    protected Map<String, String> knownFailures() {
        return Map.of(ROLLBACK, "tracked in issue 99", COUNT, "fixed long ago", "fidelity TEXT: nul", "a typo");
    }
}
