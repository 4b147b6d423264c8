package dev.portability.cli;

import picocli.CommandLine.Option;

/** How a command reports: human text or JSON, progress, detail. Mixed into every command. */
final class OutputOptions {

    /** How progress is shown; see {@link ProgressPrinter}. */
    enum ProgressMode {
        /** A bar on a terminal, lines otherwise. */
        AUTO,
        /** A live bar. */
        BAR,
        /** Plain lines. */
        LINES,
        /** None. */
        NONE
    }

    @Option(order = 90, names = "--json", description = "Print the result as one JSON document on standard output; "
            + "progress and error messages still go to standard error.")
    boolean json;

    @Option(order = 91, names = {"-q", "--quiet"},
            description = "No progress and no export/import summary: print only errors "
                    + "and what was asked for (statistics, manifest, problems, preview, JSON).")
    boolean quiet;

    @Option(order = 92, names = {"-v", "--verbose"},
            description = "Log what happens, and print the stack trace of an error.")
    boolean verbose;

    @Option(order = 93, names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on a terminal, plain lines otherwise), bar, lines or none. "
                    + "Default: ${DEFAULT-VALUE}.")
    ProgressMode progress = ProgressMode.AUTO;

    /**
     * @param terminal whether standard output is a terminal
     * @return the progress style these options ask for
     */
    ProgressPrinter.Style style(boolean terminal) {
        if (quiet) {
            return ProgressPrinter.Style.NONE;
        }
        return switch (progress) {
            case AUTO -> terminal ? ProgressPrinter.Style.BAR : ProgressPrinter.Style.LINES;
            case BAR -> ProgressPrinter.Style.BAR;
            case LINES -> ProgressPrinter.Style.LINES;
            case NONE -> ProgressPrinter.Style.NONE;
        };
    }
}
