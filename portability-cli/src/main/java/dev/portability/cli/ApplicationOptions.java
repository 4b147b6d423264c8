package dev.portability.cli;

import picocli.CommandLine.Option;

/** Which application's archives a command writes and accepts. */
final class ApplicationOptions {

    /** The application id of archives written by the command when none is given. */
    static final String DEFAULT_APPLICATION = "portability-cli";

    @Option(order = 20, names = "--application", paramLabel = "ID", defaultValue = DEFAULT_APPLICATION,
            description = "The application id written into archives; preview and import refuse archives of "
                    + "another id. Give the id of the application whose archive it is (inspect shows it). "
                    + "Default: ${DEFAULT-VALUE}.")
    String application = DEFAULT_APPLICATION;

    @Option(order = 21, names = "--schema-version", paramLabel = "N", defaultValue = "1",
            description = "The data schema version written into archives; preview and import need an archive "
                    + "of this version. Default: ${DEFAULT-VALUE}.")
    int schemaVersion = 1;
}
