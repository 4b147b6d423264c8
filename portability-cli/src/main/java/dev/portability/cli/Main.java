package dev.portability.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * The {@code portability} command: {@code java -jar portability.jar <command> [options]}. Run it with
 * {@code --help} for the commands, their options and the exit codes.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command and exits the JVM with its exit code. Ctrl-C cancels a running export or import (an import
     * is rolled back) before the JVM ends.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        configureLogging(args);
        Interruption interruption = Interruption.install();
        Cli cli = new Cli(System.getenv(), new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset()), System.console() != null,
                interruption.cancellation());
        int code = cli.run(args);
        if (!interruption.finished()) {
            System.exit(code);
        }
        // interrupted: the JVM is already shutting down and exits with the signal's status (130 for Ctrl-C)
    }

    /**
     * The bundled slf4j-simple binding reads its settings when the first logger is made: quiet (warnings only,
     * without stack traces) unless {@code --verbose} is on the command line.
     */
    private static void configureLogging(String[] args) {
        boolean verbose = false;
        for (String arg : args) {
            if (arg.equals("--verbose") || arg.equals("-v")) {
                verbose = true;
            }
            if (arg.equals("--")) {
                break;
            }
        }
        Map<String, String> settings = Map.of(
                "org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "error",
                "org.slf4j.simpleLogger.logFile", "System.err",
                "org.slf4j.simpleLogger.showThreadName", "false",
                "org.slf4j.simpleLogger.showShortLogName", "true",
                "org.slf4j.simpleLogger.showDateTime", String.valueOf(verbose),
                "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        settings.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }
}
