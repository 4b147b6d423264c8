package dev.portability.testkit;

import dev.portability.api.TableSchema;
import dev.portability.api.spi.DataStore;
import java.util.List;

/** The reference store keeps every contract, for every logical type and edge value. */
class InMemoryStoreContractTest extends TableAdapterContract<InMemoryStore.Work> {

    @Override
    protected DataStore<InMemoryStore.Work> createStore(List<TableSchema> tables) {
        return new InMemoryStore(tables);
    }
}
