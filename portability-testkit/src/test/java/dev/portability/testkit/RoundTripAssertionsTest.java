package dev.portability.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.Key;
import dev.portability.api.Row;
import dev.portability.api.spi.AbstractTableAdapter;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.core.Portability;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class RoundTripAssertionsTest {

    private static Portability.Builder shop() {
        return Portability.builder().application("shop").schemaVersion(2);
    }

    @Test
    void dataThatSurvivesPassesTheRoundTrip() {
        InMemoryStore source = Shop.filledStore();

        Differences differences = RoundTripAssertions.roundTrip(shop(), source, Shop::emptyStore);

        assertThat(differences.isEmpty()).isTrue();
        RoundTripAssertions.assertRoundTrip(shop(), source, Shop::emptyStore);
    }

    @Test
    void aTargetThatChangesOneValueIsReportedWithTableKeyColumnAndBothValues() {
        InMemoryStore source = Shop.filledStore();
        UnaryOperator<Row> tamper = row -> row.schema().name().equals("customers") && row.get("id").equals(2L)
                ? row.with("name", "B0b") : row;

        assertThatThrownBy(() -> RoundTripAssertions.assertRoundTrip(shop(), source,
                () -> new TamperingStore(Shop.emptyStore(), tamper)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("After export and import into an empty store, the target differs from the source in "
                        + "1 difference:\n  table customers, key 2, column name: expected 'Bob' but was 'B0b'");
    }

    @Test
    void nullAndEmptyTextAreDifferentValues() {
        InMemoryStore source = Shop.filledStore();
        UnaryOperator<Row> tamper = row -> row.schema().name().equals("customers") && row.get("id").equals(3L)
                ? row.with("email", null) : row;

        Differences differences = RoundTripAssertions.roundTrip(shop(), source,
                () -> new TamperingStore(Shop.emptyStore(), tamper));

        assertThat(differences.shown()).containsExactly(
                new Difference("customers", Key.of(3L), "email", "''", "NULL"));
    }

    @Test
    void manyDifferencesShowTheFirstTwentyAndCountTheRest() {
        InMemoryStore expected = InMemoryStore.of(Shop.CUSTOMERS);
        InMemoryStore actual = InMemoryStore.of(Shop.CUSTOMERS);
        List<Row> rows = new ArrayList<>();
        List<Row> changed = new ArrayList<>();
        for (long id = 1; id <= 25; id++) {
            Row row = Row.of(Shop.CUSTOMERS, id, "customer " + id, null, null, null);
            rows.add(row);
            changed.add(row.with("name", "other " + id));
        }
        Stores.insert(expected, rows);
        Stores.insert(actual, changed);

        assertThatThrownBy(() -> RoundTripAssertions.assertSameContent(expected, actual))
                .hasMessageStartingWith("The store differs from the expected content in 25 differences:\n"
                        + "  table customers, key 1, column name: expected 'customer 1' but was 'other 1'\n")
                .hasMessageContaining("  table customers, key 20, column name: expected 'customer 20' but was "
                        + "'other 20'\n  ... and 5 more")
                .hasMessageNotContaining("key 21");
    }

    @Test
    void missingAndUnexpectedRowsAreReportedByKey() {
        InMemoryStore expected = InMemoryStore.of(Shop.CUSTOMERS, Shop.EVENTS);
        InMemoryStore actual = InMemoryStore.of(Shop.CUSTOMERS, Shop.EVENTS);
        Stores.insert(expected, Row.of(Shop.CUSTOMERS, 1L, "Ann", null, null, null),
                Row.of(Shop.EVENTS, "started", 1L), Row.of(Shop.EVENTS, "started", 1L));
        Stores.insert(actual, Row.of(Shop.CUSTOMERS, 2L, "Bob", null, null, null),
                Row.of(Shop.EVENTS, "started", 1L));

        Differences differences = RoundTripAssertions.compare(expected, actual);

        assertThat(differences.shown()).extracting(Difference::toString).containsExactly(
                "table customers, key 1: expected a row but was no row with this key",
                "table customers, key 2: expected no row with this key but was a row",
                "table events: expected row 2 (message='started', level=1) but was no equal row");
    }

    @Test
    void aTargetThatIsNotEmptyIsRefusedBeforeTheImport() {
        assertThatThrownBy(() -> RoundTripAssertions.assertRoundTrip(shop(), Shop.filledStore(),
                Shop::filledStore))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("The target of a round trip must be empty, but table customers holds 3 rows");
    }

    @Test
    void longValuesAreCutAndTheFirstDifferenceIsLocated() {
        InMemoryStore expected = InMemoryStore.of(Shop.CUSTOMERS);
        InMemoryStore actual = InMemoryStore.of(Shop.CUSTOMERS);
        String text = "x".repeat(100_000);
        Stores.insert(expected, Row.of(Shop.CUSTOMERS, 1L, "Ann", text, null, null));
        Stores.insert(actual, Row.of(Shop.CUSTOMERS, 1L, "Ann", text.substring(0, 70_000) + "y"
                + text.substring(70_001), null, null));

        assertThat(RoundTripAssertions.compare(expected, actual).describe()).isEqualTo("1 difference:\n"
                + "  table customers, key 1, column email: expected 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... "
                + "(100000 characters) but was 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... (100000 characters); "
                + "they differ from character 70000");
    }

    /** An in-memory store whose adapters change rows as they are inserted. */
    private static final class TamperingStore implements DataStore<InMemoryStore.Work> {
        private final InMemoryStore delegate;
        private final List<Tampering> tables = new ArrayList<>();

        TamperingStore(InMemoryStore delegate, UnaryOperator<Row> tamper) {
            this.delegate = delegate;
            delegate.tables().forEach(t -> tables.add(new Tampering(t, tamper)));
        }

        @Override
        public List<Tampering> tables() {
            return tables;
        }

        @Override
        public InMemoryStore.Work begin(Access access) {
            return delegate.begin(access);
        }
    }

    private static final class Tampering extends AbstractTableAdapter<InMemoryStore.Work> {
        private final InMemoryStore.Table table;
        private final UnaryOperator<Row> tamper;

        Tampering(InMemoryStore.Table table, UnaryOperator<Row> tamper) {
            super(table.schema());
            this.table = table;
            this.tamper = tamper;
        }

        @Override
        public long count(InMemoryStore.Work work) {
            return table.count(work);
        }

        @Override
        public void read(InMemoryStore.Work work, Consumer<Row> sink) {
            table.read(work, sink);
        }

        @Override
        public void insert(InMemoryStore.Work work, List<Row> rows) {
            table.insert(work, rows.stream().map(tamper).toList());
        }

        @Override
        public void update(InMemoryStore.Work work, List<Row> rows) {
            table.update(work, rows);
        }

        @Override
        public long deleteAll(InMemoryStore.Work work) {
            return table.deleteAll(work);
        }

        @Override
        public Set<Key> existingKeys(InMemoryStore.Work work, List<Key> keys) {
            return table.existingKeys(work, keys);
        }
    }
}
