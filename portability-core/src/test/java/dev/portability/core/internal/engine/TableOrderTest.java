package dev.portability.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ForeignKey;
import dev.portability.api.LogicalType;
import dev.portability.api.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The write order: referenced tables first, ties in the given order; tables of a foreign-key cycle (a self-reference
 * included) are in a cycle, others are not; thousands of tables are ordered without comparing every pair.
 */
class TableOrderTest {

    private static TableSchema table(String name, String... referenced) {
        TableSchema.Builder builder = TableSchema.builder(name).column("id", LogicalType.integer(), false)
                .primaryKey("id");
        for (String target : referenced) {
            builder.column(target + "_id", LogicalType.integer(), true)
                    .foreignKey(ForeignKey.of(target + "_id", target, "id"));
        }
        return builder.build();
    }

    private static List<String> names(List<TableSchema> tables) {
        return tables.stream().map(TableSchema::name).toList();
    }

    @Test
    void referencedTablesComeFirstAndCyclesAreTheirOwn() {
        TableSchema line = table("line", "invoice", "product");
        TableSchema invoice = table("invoice", "customer");
        TableSchema customer = table("customer", "account");
        TableSchema account = table("account", "customer"); // a cycle of two
        TableSchema product = table("product");
        TableSchema node = table("node", "node"); // a self-reference
        TableSchema note = table("note");

        TableOrder order = TableOrder.of(List.of(line, note, invoice, customer, account, product, node));

        List<String> written = names(order.writeOrder());
        assertThat(written).containsExactlyInAnyOrder("line", "note", "invoice", "customer", "account", "product",
                "node");
        assertThat(written.indexOf("invoice")).isLessThan(written.indexOf("line"));
        assertThat(written.indexOf("product")).isLessThan(written.indexOf("line"));
        assertThat(written.indexOf("customer")).isLessThan(written.indexOf("invoice"));
        assertThat(written.indexOf("account")).isLessThan(written.indexOf("invoice"));
        assertThat(written.indexOf("customer")).as("a cycle keeps the given order").isLessThan(
                written.indexOf("account"));
        assertThat(order.component("customer")).isEqualTo(order.component("account"));
        assertThat(List.of(line, note, invoice, product)).noneMatch(order::inCycle);
        assertThat(List.of(customer, account, node)).allMatch(order::inCycle);
    }

    @Test
    void aChainOfThousandsOfTablesIsOrderedReferencedFirst() {
        List<TableSchema> tables = new ArrayList<>();
        for (int i = 5000; i >= 1; i--) {
            tables.add(i == 1 ? table("t1") : table("t" + i, "t" + (i - 1)));
        }

        TableOrder order = TableOrder.of(tables, Map.of());

        List<String> written = names(order.writeOrder());
        for (int i = 1; i <= 5000; i++) {
            assertThat(written.get(i - 1)).isEqualTo("t" + i);
        }
        assertThat(tables).noneMatch(order::inCycle);
    }
}
