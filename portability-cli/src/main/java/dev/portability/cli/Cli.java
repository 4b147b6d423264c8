package dev.portability.cli;

import dev.portability.api.Cancellation;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** Builds the command line of {@code portability} and runs it; {@link Main} for the process, tests directly. */
final class Cli {

    private final Context context;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param environment the environment variables (the password is read from them)
     * @param out standard output: results
     * @param err standard error: progress and errors
     * @param terminal whether standard output is a terminal (progress bars, password prompt)
     * @param cancellation cancelled when the process is asked to stop
     */
    Cli(Map<String, String> environment, PrintWriter out, PrintWriter err, boolean terminal,
            Cancellation cancellation) {
        this.context = new Context(environment, terminal, cancellation);
        this.out = out;
        this.err = err;
    }

    /** @return a new command line, ready to execute */
    CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PortabilityCommand(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(Failures::onExecution);
        commandLine.setParameterExceptionHandler(Failures::onUsage);
        ExitCodes.document(commandLine);
        return commandLine;
    }

    /**
     * Runs a command line.
     *
     * @param args the arguments
     * @return the exit code
     */
    int run(String... args) {
        int code = commandLine().execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
