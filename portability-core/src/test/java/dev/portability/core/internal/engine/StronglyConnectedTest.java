package dev.portability.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Components come after the components they point at; a chain of many thousands of tables is walked whole. */
class StronglyConnectedTest {

    @Test
    void componentsComeAfterWhatTheyPointAtAndIgnoreOutsideNodes() {
        Map<String, List<String>> edges = Map.of("line", List.of("invoice", "outside"), "invoice",
                List.of("customer"), "customer", List.of("account"), "account", List.of("customer"), "note",
                List.of());

        List<List<String>> components = StronglyConnected.components(List.of("line", "invoice", "customer",
                "account", "note"), edges::get);

        assertThat(components).containsExactly(List.of("account", "customer"), List.of("invoice"), List.of("line"),
                List.of("note"));
    }

    @Test
    void aChainOfTwentyThousandTablesIsWalkedWithoutTheThreadsStack() {
        List<String> nodes = new ArrayList<>();
        for (int i = 20_000; i >= 1; i--) {
            nodes.add("t" + i);
        }

        List<List<String>> components = StronglyConnected.components(nodes,
                name -> name.equals("t1") ? List.of() : List.of("t" + (Integer.parseInt(name.substring(1)) - 1)));

        assertThat(components).hasSize(20_000);
        assertThat(components.get(0)).containsExactly("t1");
        assertThat(components.get(19_999)).containsExactly("t20000");
    }
}
