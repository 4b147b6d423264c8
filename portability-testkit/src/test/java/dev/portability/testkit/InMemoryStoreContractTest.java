package dev.portability.testkit;

import dev.portability.api.LogicalType;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.DataStore;
import java.util.List;

/** The reference store keeps every contract, for every logical type and edge value, and NATIVE columns. */
class InMemoryStoreContractTest extends TableAdapterContract<InMemoryStore.Work> {

    @Override
    protected Capabilities capabilities() {
        return Capabilities.full().withNativeType(LogicalType.nativeType("postgresql", "interval"),
                List.of("1 year 2 mons -3 days +04:05:06.789", "00:00:00", "-00:00:00.000001"));
    }

    @Override
    protected DataStore<InMemoryStore.Work> createStore(List<TableSchema> tables) {
        return new InMemoryStore(tables);
    }
}
