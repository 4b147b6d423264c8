package dev.portability.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandoffTest {

    private final ExecutorService producer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopTheProducer() {
        producer.shutdownNow();
    }

    @Test
    void itemsArriveInOrderThroughASmallHandoffAndTheEndStaysTheEnd() throws Exception {
        Handoff<Integer> handoff = new Handoff<>(2);
        producer.submit(() -> {
            for (int i = 1; i <= 1000; i++) {
                handoff.put(i);
            }
            return handoff.end();
        });

        List<Integer> taken = new ArrayList<>();
        Integer next;
        while ((next = handoff.take(Handoff.NOTHING)) != null) {
            taken.add(next);
        }

        assertThat(taken).hasSize(1000).isSorted().startsWith(1).endsWith(1000);
        assertThat(handoff.take(Handoff.NOTHING)).isNull();
    }

    @Test
    void aFailureArrivesAfterTheItemsHandedOverBeforeIt() throws Exception {
        Handoff<String> handoff = new Handoff<>(4);
        IOException broken = new IOException("disk gone");
        producer.submit(() -> {
            handoff.put("a");
            handoff.put("b");
            return handoff.fail(broken);
        });

        assertThat(handoff.take(Handoff.NOTHING)).isEqualTo("a");
        assertThat(handoff.take(Handoff.NOTHING)).isEqualTo("b");
        assertThatThrownBy(() -> handoff.take(Handoff.NOTHING)).isInstanceOf(Handoff.Failed.class)
                .hasCause(broken);
    }

    @Test
    void aConsumerThatStopsReleasesAProducerWaitingForRoom() throws Exception {
        Handoff<Integer> handoff = new Handoff<>(1);
        Future<Boolean> blocked = producer.submit(() -> handoff.put(1) && handoff.put(2));

        Thread.sleep(300);
        assertThat(blocked).isNotDone();
        handoff.stop();

        assertThat(blocked.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(handoff.put(3)).isFalse();
    }

    @Test
    void aWaitingConsumerRunsItsCheckAndCanGiveUp() {
        Handoff<Integer> handoff = new Handoff<>(1);
        AtomicInteger checks = new AtomicInteger();

        assertThatThrownBy(() -> handoff.take(() -> {
            if (checks.incrementAndGet() == 3) {
                throw new IllegalStateException("cancelled");
            }
        })).hasMessage("cancelled");
        assertThat(checks).hasValue(3);
    }
}
