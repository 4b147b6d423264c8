package dev.portability.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ExportResult;
import dev.portability.api.Row;
import dev.portability.api.spi.DataStore;
import dev.portability.core.Portability;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class PortabilityExtensionTest {

    @RegisterExtension
    static PortabilityExtension shop = PortabilityExtension.inMemory(Shop.CUSTOMERS, Shop.ORDERS, Shop.EVENTS)
            .withApplication("shop")
            .withSchemaVersion(4)
            .withConfiguration(builder -> builder.maxProblems(5))
            .withRows(Row.of(Shop.CUSTOMERS, 1L, "Ann", null, null, null));

    @Test
    void injectsThePortabilityOverTheTestsStoreFilledByTheInitializers(Portability portability, DataStore<?> store,
            @TempDir Path dir) {
        ExportResult result = portability.export(dir.resolve("shop.zip"));

        assertThat(result.totalRows()).isEqualTo(1);
        assertThat(portability.inspect(dir.resolve("shop.zip")).schemaVersion()).isEqualTo(4);
        assertThat(store).isSameAs(shop.store());
        assertThat(Stores.rows(store, "customers")).hasSize(1);
    }

    @Test
    void eachTestGetsAFreshStore(DataStore<?> store) {
        Stores.insert(store, Row.of(Shop.CUSTOMERS, 2L, "Bob", null, null, null));

        assertThat(Stores.counts(store)).containsEntry("customers", 2L);
    }

    @Test
    void eachTestGetsAFreshStoreAgain(DataStore<?> store) {
        Stores.insert(store, Row.of(Shop.CUSTOMERS, 2L, "Bob", null, null, null));

        assertThat(Stores.counts(store)).containsEntry("customers", 2L);
    }

    @Test
    void assertsARoundTripOfTheTestsStore() {
        Stores.insert(shop.store(), Shop.rows().subList(1, Shop.rows().size()));

        shop.assertRoundTrip();
        assertThat(shop.roundTrip().isEmpty()).isTrue();
    }

    @Test
    void aRoundTripIntoAStoreWithoutOneOfTheSourceTablesIsRefusedByTheImport() {
        PortabilityExtension lossy = PortabilityExtension.forStores(() -> InMemoryStore.of(Shop.CUSTOMERS))
                .withApplication("shop");
        DataStore<?> source = InMemoryStore.of(Shop.CUSTOMERS, Shop.ORDERS);
        Stores.insert(source, Row.of(Shop.CUSTOMERS, 1L, "Ann", null, null, null),
                Row.of(Shop.ORDERS, 7L, 1L, java.time.LocalDate.of(2024, 1, 1), null));

        assertThatThrownBy(() -> RoundTripAssertions.assertRoundTrip(lossy.configuration(), source,
                lossy::newEmptyStore))
                .isInstanceOf(RuntimeException.class)
                .satisfies(e -> assertThat(e).isNotInstanceOf(AssertionFailedError.class)
                        .hasMessageContaining("orders"));
    }
}
