package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.Phase;
import dev.portability.api.Problem;
import dev.portability.api.ProgressEvent;
import dev.portability.api.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import reads the archive once by default: it writes while it checks, and the first problem (even in the last
 * row of the last table, after other tables were written) rolls everything back and is reported alone. With
 * {@link ImportOptions#withValidationFirst(boolean)} it validates the whole archive before writing and reports every
 * problem, writing nothing.
 */
class OnePassImportTest {

    @TempDir
    Path dir;

    private Path archive;
    private MemoryStore target;
    private Map<String, Map<Object, Row>> before;

    @BeforeEach
    void exportAnArchiveAndFillTheTarget() {
        archive = dir.resolve("shop.zip");
        Fixtures.portability(Fixtures.shop(5)).export(archive);
        target = Fixtures.shop(2);
        before = target.snapshot();
    }

    /** Orders is written after customers: its last row carries a bad value and its third a duplicate key. */
    private Path twoProblemsInTheLastTable() throws Exception {
        return Archives.withRows(archive, dir.resolve("bad.zip"), "orders", lines -> {
            List<String> copy = new ArrayList<>(lines);
            copy.set(2, copy.get(2).replace("\"id\":30", "\"id\":10"));
            copy.set(4, copy.get(4).replace("\"total\":\"0.50\"", "\"total\":\"not a number\""));
            assertThat(copy.get(2)).contains("\"id\":10,");
            assertThat(copy.get(4)).contains("not a number");
            return copy;
        });
    }

    @Test
    void theFirstProblemFoundWhileWritingRollsBackEveryTableAndIsReportedAlone() throws Exception {
        Path bad = twoProblemsInTheLastTable();
        List<ProgressEvent> events = new ArrayList<>();

        assertThatThrownBy(() -> Fixtures.portability(target).importArchive(bad,
                ImportOptions.replace().withListener(events::add)))
                .isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                    assertThat(e.report().problems()).extracting(Problem::code)
                            .containsExactly(ErrorCode.DUPLICATE_KEY);
                    assertThat(e.report().problems().get(0).line()).isEqualTo(3L);
                    assertThat(e.getMessage()).contains("Nothing was imported").contains("first problem")
                            .contains("rolled back").contains("portability validate");
                });

        // customers were written (REPLACE deleted and inserted) before orders' bad row was read: all undone
        assertThat(events).anyMatch(e -> e.phase() == Phase.WRITING && "customers".equals(e.table())
                && e.stage() == ProgressEvent.Stage.FINISHED);
        assertThat(target.snapshot()).isEqualTo(before);
    }

    /**
     * A table of a few rows is read on the writing thread, a larger one ahead on a second thread: a problem in the
     * larger one is found and reported the same way, and everything is rolled back.
     */
    @Test
    void aProblemInATableReadAheadOnASecondThreadRollsBackTheSame() throws Exception {
        Path large = dir.resolve("large.zip");
        Fixtures.portability(Fixtures.shop(20_000)).export(large);
        Path bad = Archives.withRows(large, dir.resolve("large-bad.zip"), "orders", lines -> {
            List<String> copy = new ArrayList<>(lines);
            copy.set(19_000, copy.get(19_000).replace("\"id\":190010,", "\"id\":10,"));
            assertThat(copy.get(19_000)).contains("\"id\":10,");
            return copy;
        });
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(bad.toFile())) {
            assertThat(zip.stream().mapToLong(e -> e.getSize()).max().orElse(0))
                    .as("orders' entry, larger than what is read on the writing thread").isGreaterThan(1024 * 1024);
        }

        assertThatThrownBy(() -> Fixtures.portability(target).importArchive(bad, ImportOptions.replace()))
                .isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                    assertThat(e.report().problems()).extracting(Problem::code)
                            .containsExactly(ErrorCode.DUPLICATE_KEY);
                    assertThat(e.report().problems().get(0).line()).isEqualTo(19_001L);
                });

        assertThat(target.snapshot()).isEqualTo(before);
    }

    @Test
    void validationFirstReportsEveryProblemAndWritesNothing() throws Exception {
        Path bad = twoProblemsInTheLastTable();
        List<ProgressEvent> events = new ArrayList<>();

        assertThatThrownBy(() -> Fixtures.portability(target).importArchive(bad,
                ImportOptions.replace().withValidationFirst(true).withListener(events::add)))
                .isInstanceOfSatisfying(InvalidArchiveException.class, e -> assertThat(e.report().problems())
                        .extracting(Problem::code).contains(ErrorCode.DUPLICATE_KEY, ErrorCode.INVALID_VALUE));

        assertThat(events).noneMatch(e -> e.phase() == Phase.WRITING || e.phase() == Phase.DELETING);
        assertThat(target.snapshot()).isEqualTo(before);
    }

    @Test
    void aValidArchiveImportsTheSameInOnePassAsWhenValidatedFirst() {
        MemoryStore other = Fixtures.shop(2);

        Fixtures.portability(target).importArchive(archive, ImportOptions.replace());
        Fixtures.portability(other).importArchive(archive, ImportOptions.replace().withValidationFirst(true));

        assertThat(target.snapshot()).isEqualTo(other.snapshot()).isEqualTo(Fixtures.shop(5).snapshot());
    }
}
