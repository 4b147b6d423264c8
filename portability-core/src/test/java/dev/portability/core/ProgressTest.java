package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ImportOptions;
import dev.portability.api.Phase;
import dev.portability.api.ProgressEvent;
import dev.portability.api.ProgressEvent.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

    @TempDir
    Path dir;

    private static List<String> startsAndEnds(List<ProgressEvent> events) {
        List<String> lines = new ArrayList<>();
        for (ProgressEvent e : events) {
            if (e.stage() != Stage.PROGRESS) {
                lines.add(e.phase() + " " + e.stage() + (e.table() == null ? "" : " " + e.table()));
            }
        }
        return lines;
    }

    @Test
    void anImportReportsTheStartAndEndOfEveryPhaseAndTable() {
        Path archive = dir.resolve("a.zip");
        Fixtures.portability(Fixtures.shop(3)).export(archive);
        List<ProgressEvent> events = new ArrayList<>();

        Fixtures.portability(Fixtures.shop(1)).importArchive(archive, ImportOptions.replace().withListener(events::add));

        // one pass: the manifest is checked first, the rows while they are written
        assertThat(startsAndEnds(events)).containsExactly(
                "VALIDATING STARTED",
                "VALIDATING FINISHED",
                "DELETING STARTED",
                "DELETING STARTED orders", "DELETING FINISHED orders",
                "DELETING STARTED customers", "DELETING FINISHED customers",
                "DELETING FINISHED",
                "WRITING STARTED",
                "WRITING STARTED customers", "WRITING FINISHED customers",
                "WRITING STARTED orders", "WRITING FINISHED orders",
                "WRITING FINISHED",
                "COMMITTING STARTED", "COMMITTING FINISHED");
        assertThat(events).extracting(ProgressEvent::operationId).containsOnly(events.get(0).operationId());
        ProgressEvent written = events.stream().filter(e -> e.phase() == Phase.WRITING && e.stage() == Stage.FINISHED
                && "orders".equals(e.table())).findFirst().orElseThrow();
        assertThat(written.rowsDone()).isEqualTo(3);
        assertThat(written.rowsTotal()).isEqualTo(3);
    }

    @Test
    void anImportThatValidatesFirstReportsEachTablesValidationBeforeWriting() {
        Path archive = dir.resolve("a.zip");
        Fixtures.portability(Fixtures.shop(3)).export(archive);
        List<ProgressEvent> events = new ArrayList<>();

        Fixtures.portability(Fixtures.shop(1)).importArchive(archive,
                ImportOptions.replace().withValidationFirst(true).withListener(events::add));

        assertThat(startsAndEnds(events)).startsWith(
                "VALIDATING STARTED",
                "VALIDATING STARTED customers", "VALIDATING FINISHED customers",
                "VALIDATING STARTED orders", "VALIDATING FINISHED orders",
                "VALIDATING FINISHED",
                "DELETING STARTED").endsWith("COMMITTING STARTED", "COMMITTING FINISHED");
    }

    @Test
    void progressWithinATableIsThrottledToAFewEventsPerSecond() {
        Path archive = dir.resolve("big.zip");
        Fixtures.portability(Fixtures.shop(20_000)).export(archive);
        List<ProgressEvent> events = new ArrayList<>();
        long start = System.nanoTime();

        Fixtures.portability(Fixtures.shop(0)).importArchive(archive,
                ImportOptions.replace().withBatchSize(10).withListener(events::add));

        double seconds = (System.nanoTime() - start) / 1e9;
        long progress = events.stream().filter(e -> e.stage() == Stage.PROGRESS).count();
        // 4,000 batches; at most one event per 250 ms (plus one per table and phase for rounding)
        assertThat(progress).isLessThanOrEqualTo((long) (seconds * 4) + 8);
    }
}
