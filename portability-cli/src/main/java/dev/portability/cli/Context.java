package dev.portability.cli;

import dev.portability.api.Cancellation;
import java.util.Map;

/**
 * What the commands get from the process: its environment (for the password), whether it runs on a terminal,
 * and the cancellation that Ctrl-C triggers. Tests make their own.
 *
 * @param environment the environment variables
 * @param terminal whether standard output is a terminal
 * @param cancellation cancelled when the process is asked to stop
 */
record Context(Map<String, String> environment, boolean terminal, Cancellation cancellation) {

    Context {
        environment = Map.copyOf(environment);
    }
}
