package dev.portability.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portability.api.Cancellation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the command in this JVM through picocli, capturing standard output and error. */
final class CliRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment = new HashMap<>();
    private boolean terminal;

    /** The outcome of one run. */
    record Result(int exitCode, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("standard output is not one JSON document:\n" + out, e);
            }
        }

        /** @return the non-blank lines of standard error */
        java.util.List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    CliRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    CliRun terminal(boolean onTerminal) {
        this.terminal = onTerminal;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(environment, new PrintWriter(out, true), new PrintWriter(err, true), terminal,
                new Cancellation()).run(args);
        return new Result(code, out.toString(), err.toString());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
