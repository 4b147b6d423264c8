package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.Statistics;
import dev.portability.api.TableCount;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void statisticsCountEveryTableInForeignKeyOrderAndInTotal() {
        MemoryStore store = Fixtures.shop(7);
        store.put("orders", new Object[] {999L, 1L, java.math.BigDecimal.ONE.setScale(2), null});

        Statistics stats = Fixtures.portability(store).stats();

        assertThat(stats.tables()).containsExactly(new TableCount("customers", 7), new TableCount("orders", 8));
        assertThat(stats.totalRows()).isEqualTo(15);
        assertThat(stats.rows("orders")).hasValue(8);
        assertThat(stats.rows("invoices")).isEmpty();
    }
}
