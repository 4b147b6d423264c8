package dev.portability.cli;

import dev.portability.core.Portability;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: only subcommands do something. */
@Command(name = "portability", mixinStandardHelpOptions = true, versionProvider = PortabilityCommand.Version.class,
        sortOptions = false,
        description = {"Export a database to one archive file, check archives, and import them back.",
            "Works on any database reachable by JDBC; bundles the H2, PostgreSQL and MariaDB/MySQL drivers.",
            "The password comes from the environment variable PORTABILITY_PASSWORD or a prompt (-W), never from "
                    + "the command line."},
        subcommands = {StatsCommand.class, ExportCommand.class, InspectCommand.class, ValidateCommand.class,
            PreviewCommand.class, ImportCommand.class, ServeCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Start with: portability demo", "Details and examples: docs/cli.md"})
final class PortabilityCommand implements Callable<Integer> {

    final Context context;

    @Spec
    CommandSpec spec;

    PortabilityCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Prints the library version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"portability " + Portability.version()};
        }
    }
}
