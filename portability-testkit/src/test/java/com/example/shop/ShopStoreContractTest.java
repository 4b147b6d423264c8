package com.example.shop;

import dev.portability.api.TableSchema;
import dev.portability.api.spi.DataStore;
import dev.portability.testkit.InMemoryStore;
import dev.portability.testkit.TableAdapterContract;
import java.util.List;

/** The adapter contract suite over a host's store: here the testkit's in-memory one stands in for it. */
class ShopStoreContractTest extends TableAdapterContract<InMemoryStore.Work> {

    @Override
    protected DataStore<InMemoryStore.Work> createStore(List<TableSchema> tables) {
        return new InMemoryStore(tables); // an empty store holding exactly these tables
    }
}
