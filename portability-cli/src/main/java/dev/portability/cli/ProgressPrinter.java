package dev.portability.cli;

import dev.portability.api.Phase;
import dev.portability.api.ProgressEvent;
import dev.portability.api.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows progress on standard error. {@link Style#BAR}: on a terminal, one live line per phase and table (a bar,
 * rows done of total, rate, time left) rewritten in place, and one permanent line per finished phase (and table,
 * when detailed). {@link Style#LINES}: the same permanent lines, plus a line every few seconds while a table is
 * long, for logs and pipes. {@link Style#NONE}: nothing.
 */
final class ProgressPrinter implements ProgressListener {

    /** Which permanent lines are printed besides the live bar. */
    enum Detail {
        /** A line per finished table and per finished phase. */
        TABLES,
        /** A line per finished phase. */
        PHASES,
        /** None: only the live bar (nothing at all in {@link Style#LINES}). */
        LIVE
    }

    /** How progress is shown. */
    enum Style {
        /** A live bar, rewritten in place (a terminal). */
        BAR,
        /** Plain lines (a pipe, a log file). */
        LINES,
        /** Nothing. */
        NONE
    }

    private static final int BAR_WIDTH = 10;
    private static final int LINE_WIDTH = 79;
    private static final long LINE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final PrintWriter err;
    private final Style style;
    private final Detail detail;
    private final LongSupplier clock;

    private Phase phase;
    private long phaseStart;
    private int phaseTables;
    private long phaseRows;
    private long tableStart;
    private long lastLine;
    private int liveLength;

    /**
     * @param err where to print
     * @param style how
     * @param detail which permanent lines to print
     * @param clock nanoseconds, e.g. {@code System::nanoTime}
     */
    ProgressPrinter(PrintWriter err, Style style, Detail detail, LongSupplier clock) {
        this.err = err;
        this.style = detail == Detail.LIVE && style == Style.LINES ? Style.NONE : style;
        this.detail = detail;
        this.clock = clock;
    }

    @Override
    public void onProgress(ProgressEvent event) {
        if (style == Style.NONE) {
            return;
        }
        long now = clock.getAsLong();
        if (event.table() == null) {
            onPhase(event, now);
        } else {
            onTable(event, now);
        }
        err.flush();
    }

    private void onPhase(ProgressEvent event, long now) {
        switch (event.stage()) {
            case STARTED -> {
                endPhase(now);
                beginPhase(event.phase(), now);
                live("  " + label(event.phase()) + " ...");
            }
            case FINISHED -> {
                if (event.phase() == phase) {
                    endPhase(now);
                }
            }
            default -> {
                // phases report progress per table
            }
        }
    }

    private void onTable(ProgressEvent event, long now) {
        if (event.phase() != phase) {
            endPhase(now);
            beginPhase(event.phase(), now);
        }
        switch (event.stage()) {
            case STARTED -> {
                tableStart = now;
                lastLine = now;
                if (style == Style.BAR) {
                    live(bar(event, now));
                }
            }
            case PROGRESS -> {
                if (style == Style.BAR) {
                    live(bar(event, now));
                } else if (now - lastLine >= LINE_INTERVAL_NANOS) {
                    lastLine = now;
                    permanent(running(event, now));
                }
            }
            case FINISHED -> {
                phaseTables++;
                phaseRows += event.rowsDone();
                if (detail == Detail.TABLES) {
                    permanent(String.format(Locale.ROOT, "  %-11s %-24s %12s rows  %9s  %s", label(event.phase()),
                            Text.cut(event.table(), 24), Text.count(event.rowsDone()),
                            Text.seconds(now - tableStart), Text.rate(event.rowsDone(), now - tableStart))
                            .stripTrailing());
                } else {
                    clearLive();
                }
            }
        }
    }

    private void beginPhase(Phase next, long now) {
        phase = next;
        phaseStart = now;
        phaseTables = 0;
        phaseRows = 0;
    }

    private void endPhase(long now) {
        if (phase == null) {
            return;
        }
        if (detail == Detail.LIVE) {
            clearLive();
            phase = null;
            return;
        }
        long nanos = now - phaseStart;
        if (phaseTables == 0) {
            permanent(String.format(Locale.ROOT, "  %-11s done in %s", label(phase), Text.seconds(nanos)));
        } else {
            permanent(String.format(Locale.ROOT, "  %-11s %d %s, %s rows in %s  %s", label(phase), phaseTables,
                    phaseTables == 1 ? "table" : "tables", Text.count(phaseRows), Text.seconds(nanos),
                    Text.rate(phaseRows, nanos)).stripTrailing());
        }
        phase = null;
    }

    /** Ends the phase in progress, if any, with its summary line. Call when the operation is done. */
    void close() {
        if (style != Style.NONE) {
            endPhase(clock.getAsLong());
            clearLive();
            err.flush();
        }
    }

    /** Clears the live line without a summary: the operation failed, and its error is printed next. */
    void abandon() {
        if (style != Style.NONE) {
            phase = null;
            clearLive();
            err.flush();
        }
    }

    /** @return e.g. {@code   writing    orders         [##........]  25% 25,000/100,000  12,500/s  7 s left} */
    private String bar(ProgressEvent event, long now) {
        long done = event.rowsDone();
        long total = event.rowsTotal();
        long elapsed = now - tableStart;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-10s %-14s ", label(event.phase()),
                Text.cut(event.table(), 14)));
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
            line.append(String.format(Locale.ROOT, "%3d%% ", Math.min(100, done * 100 / total)));
        }
        line.append(Text.count(done));
        if (total > 0) {
            line.append('/').append(Text.count(total));
        }
        if (done > 0 && elapsed > 0) {
            line.append("  ").append(Text.count(Math.round(done / (elapsed / 1e9)))).append("/s");
        }
        String left = timeLeft(done, total, elapsed);
        if (!left.isEmpty()) {
            line.append("  ").append(left);
        }
        return line.toString();
    }

    private String running(ProgressEvent event, long now) {
        long elapsed = now - tableStart;
        long total = event.rowsTotal();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-11s %s: %s", label(event.phase()),
                event.table(), Text.count(event.rowsDone())));
        if (total > 0) {
            line.append(" of ").append(Text.count(total)).append(" rows (")
                    .append(Math.min(100, event.rowsDone() * 100 / total)).append("%)");
        } else {
            line.append(" rows");
        }
        String rate = Text.rate(event.rowsDone(), elapsed);
        if (!rate.isEmpty()) {
            line.append(", ").append(rate);
        }
        String left = timeLeft(event.rowsDone(), total, elapsed);
        if (!left.isEmpty()) {
            line.append(", ").append(left);
        }
        return line.toString();
    }

    private static String timeLeft(long done, long total, long elapsed) {
        if (total <= 0 || done <= 0 || done >= total || elapsed <= 0) {
            return "";
        }
        long nanosLeft = (long) ((double) elapsed / done * (total - done));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanosLeft) + 1;
        return seconds < 60 ? seconds + "s left"
                : String.format(Locale.ROOT, "%dm%02ds left", seconds / 60, seconds % 60);
    }

    private static String label(Phase phase) {
        return switch (phase) {
            case COUNTING -> "counting";
            case EXPORTING -> "exporting";
            case VERIFYING -> "verifying";
            case VALIDATING -> "validating";
            case PREVIEWING -> "looking up";
            case DELETING -> "deleting";
            case WRITING -> "writing";
            case COMMITTING -> "committing";
            default -> phase.name().toLowerCase(Locale.ROOT);
        };
    }

    private void live(String line) {
        if (style != Style.BAR) {
            return;
        }
        String text = Text.cut(line, LINE_WIDTH);
        err.print('\r' + text + " ".repeat(Math.max(0, liveLength - text.length())) + '\r');
        liveLength = text.length();
    }

    private void clearLive() {
        if (liveLength > 0) {
            err.print('\r' + " ".repeat(liveLength) + '\r');
            liveLength = 0;
        }
    }

    private void permanent(String line) {
        clearLive();
        err.println(line);
    }
}
