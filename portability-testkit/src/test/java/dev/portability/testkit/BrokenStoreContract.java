package dev.portability.testkit;

import dev.portability.api.TableSchema;
import dev.portability.api.spi.DataStore;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract suite over {@link BrokenStore}: meant to fail. Run only by {@link ContractSuiteReportsBrokenStoreTest}
 * through the EngineTestKit (its name does not end in Test, and it is disabled without the configuration
 * parameter that test sets).
 */
@ExtendWith(BrokenStoreContract.OnlyInEngineTestKit.class)
class BrokenStoreContract extends TableAdapterContract<BrokenStore.Work> {

    /** The configuration parameter that enables this class. */
    static final String ENABLED = "portability.testkit.runBrokenStoreContract";

    @Override
    protected Capabilities capabilities() {
        return Capabilities.full()
                .withoutInfinity("declared, but the store stores a far-away date instead")
                .withoutNativeValues("declared, and the store refuses them")
                .withoutArrayLowerBounds("declared, but the store holds them");
    }

    @Override
    protected DataStore<BrokenStore.Work> createStore(List<TableSchema> tables) {
        return new BrokenStore(tables);
    }

    /** Disables the class unless {@link #ENABLED} is set. */
    static final class OnlyInEngineTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(
                org.junit.jupiter.api.extension.ExtensionContext context) {
            return context.getConfigurationParameter(ENABLED).isPresent()
                    ? ConditionEvaluationResult.enabled("run by the EngineTestKit")
                    : ConditionEvaluationResult.disabled("meant to fail; run by ContractSuiteReportsBrokenStoreTest");
        }
    }
}
