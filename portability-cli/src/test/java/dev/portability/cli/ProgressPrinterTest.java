package dev.portability.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.Phase;
import dev.portability.api.ProgressEvent;
import dev.portability.api.ProgressEvent.Stage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a user sees of progress, on a terminal and in a log, driven by a fake clock. */
class ProgressPrinterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final StringWriter text = new StringWriter();

    private ProgressPrinter printer(ProgressPrinter.Style style, ProgressPrinter.Detail detail) {
        return new ProgressPrinter(new PrintWriter(text), style, detail, nanos::get);
    }

    private static ProgressEvent event(Phase phase, Stage stage, String table, long done, long total) {
        return new ProgressEvent("import-1", phase, stage, table, done, total, 0);
    }

    private void seconds(double s) {
        nanos.addAndGet((long) (s * 1e9));
    }

    @Test
    void onATerminalABarShowsRowsRateAndTimeLeftAndIsReplacedByASummary() {
        ProgressPrinter printer = printer(ProgressPrinter.Style.BAR, ProgressPrinter.Detail.TABLES);

        printer.onProgress(event(Phase.WRITING, Stage.STARTED, null, 0, 100_000));
        printer.onProgress(event(Phase.WRITING, Stage.STARTED, "orders", 0, 100_000));
        seconds(2);
        printer.onProgress(event(Phase.WRITING, Stage.PROGRESS, "orders", 25_000, 100_000));
        String bar = text.toString();
        seconds(6);
        printer.onProgress(event(Phase.WRITING, Stage.FINISHED, "orders", 100_000, 100_000));
        printer.onProgress(event(Phase.WRITING, Stage.FINISHED, null, 100_000, 100_000));

        assertThat(bar).contains("\r  writing    orders         [##........]  25% 25,000/100,000  12,500/s  "
                + "7s left");
        String[] lines = text.toString().split("\n");
        assertThat(lines[0]).endsWith("  writing     orders                        100,000 rows     8.00 s  "
                + "12,500 rows/s");
        assertThat(lines[1]).endsWith("  writing     1 table, 100,000 rows in 8.00 s  12,500 rows/s");
    }

    @Test
    void inALogPlainLinesComeEveryFewSecondsAndWhenATableIsDone() {
        ProgressPrinter printer = printer(ProgressPrinter.Style.LINES, ProgressPrinter.Detail.TABLES);

        printer.onProgress(event(Phase.EXPORTING, Stage.STARTED, "customers", 0, 9_000));
        seconds(1);
        printer.onProgress(event(Phase.EXPORTING, Stage.PROGRESS, "customers", 1_000, 9_000));
        seconds(5);
        printer.onProgress(event(Phase.EXPORTING, Stage.PROGRESS, "customers", 6_000, 9_000));
        seconds(3);
        printer.onProgress(event(Phase.EXPORTING, Stage.FINISHED, "customers", 9_000, 9_000));
        printer.close();

        assertThat(text.toString()).doesNotContain("\r").isEqualTo(String.join(System.lineSeparator(),
                "  exporting   customers: 6,000 of 9,000 rows (66%), 1,000 rows/s, 4s left",
                "  exporting   customers                       9,000 rows     9.00 s  1,000 rows/s",
                "  exporting   1 table, 9,000 rows in 9.00 s  1,000 rows/s", ""));
    }

    @Test
    void aPhaseWithoutTablesSaysHowLongItTook() {
        ProgressPrinter printer = printer(ProgressPrinter.Style.LINES, ProgressPrinter.Detail.TABLES);

        printer.onProgress(event(Phase.VERIFYING, Stage.STARTED, null, 0, 500));
        seconds(0.25);
        printer.onProgress(event(Phase.VERIFYING, Stage.FINISHED, null, 500, 500));

        assertThat(text.toString()).isEqualTo("  verifying   done in 0.25 s" + System.lineSeparator());
    }

    @Test
    void aFailedOperationLeavesNoBarBehind() {
        ProgressPrinter printer = printer(ProgressPrinter.Style.BAR, ProgressPrinter.Detail.TABLES);

        printer.onProgress(event(Phase.WRITING, Stage.STARTED, "orders", 0, 10));
        printer.abandon();

        String written = text.toString();
        String lastFrame = written.substring(written.lastIndexOf('\r', written.length() - 2) + 1);
        assertThat(lastFrame.strip()).isEmpty();
        assertThat(written).doesNotContain("\n");
    }

    @Test
    void quietAndNoneShowNothingAndTheDemoShowsOnlyTheLiveBar() {
        ProgressPrinter none = printer(ProgressPrinter.Style.NONE, ProgressPrinter.Detail.TABLES);
        ProgressPrinter live = printer(ProgressPrinter.Style.LINES, ProgressPrinter.Detail.LIVE);

        for (ProgressPrinter printer : new ProgressPrinter[] {none, live}) {
            printer.onProgress(event(Phase.WRITING, Stage.STARTED, "orders", 0, 10));
            printer.onProgress(event(Phase.WRITING, Stage.FINISHED, "orders", 10, 10));
            printer.close();
        }

        assertThat(text.toString()).isEmpty();
    }
}
