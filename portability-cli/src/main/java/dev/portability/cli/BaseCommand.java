package dev.portability.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand has: output options, standard output and error, progress, the process context. */
abstract class BaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    PortabilityCommand parent;

    @Mixin
    OutputOptions output;

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    /**
     * Runs the command.
     *
     * @return the exit code
     * @throws Exception any failure; {@link Failures} turns it into a message and an exit code
     */
    abstract int execute() throws Exception;

    /** @return the archive the command reads or writes, named in error messages; null if none */
    Path archive() {
        return null;
    }

    Context context() {
        return parent.context;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    boolean json() {
        return output.json;
    }

    void printJson(JsonNode node) {
        JsonOut.print(out(), node);
    }

    /**
     * @param detail which lines stay on screen
     * @return a progress printer for these options, on standard error
     */
    ProgressPrinter progress(ProgressPrinter.Detail detail) {
        return new ProgressPrinter(err(), output.style(context().terminal()), detail, System::nanoTime);
    }

    /**
     * Runs work that reports to a progress printer, ending the printer's output either way.
     *
     * @param progress the printer the work reports to
     * @param work the work
     * @param <T> its result
     * @return the result
     */
    static <T> T tracked(ProgressPrinter progress, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            progress.abandon();
            throw e;
        }
        progress.close();
        return result;
    }
}
