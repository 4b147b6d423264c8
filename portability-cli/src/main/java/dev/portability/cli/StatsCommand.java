package dev.portability.cli;

import dev.portability.api.ProgressListener;
import dev.portability.api.Statistics;
import dev.portability.api.TableCount;
import picocli.CommandLine.Command;

/** {@code portability stats}: the row count of every table. */
@Command(name = "stats", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Count the rows of every table of a database, in one consistent snapshot.")
final class StatsCommand extends DatabaseCommand {

    @Override
    int execute() {
        Statistics statistics = portability(ProgressListener.NONE).stats();
        if (json()) {
            printJson(JsonOut.statistics(database(), statistics));
        } else {
            print(out(), database(), statistics);
        }
        return ExitCodes.OK;
    }

    static void print(java.io.PrintWriter out, String title, Statistics statistics) {
        out.println(title + ": " + statistics.tables().size() + " tables, " + Text.count(statistics.totalRows())
                + " rows");
        TextTable table = new TextTable("table", "rows");
        for (TableCount count : statistics.tables()) {
            table.row(count.table(), count.rows());
        }
        table.row("total", statistics.totalRows());
        table.print(out, "  ");
    }
}
