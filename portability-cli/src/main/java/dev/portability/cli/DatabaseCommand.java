package dev.portability.cli;

import dev.portability.api.ProgressListener;
import dev.portability.core.Portability;
import dev.portability.jdbc.JdbcStore;
import picocli.CommandLine.Mixin;

/** A command that works on a database: connection and application options. */
abstract class DatabaseCommand extends BaseCommand {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ApplicationOptions application;

    /**
     * Connects, discovers the tables and builds the engine.
     *
     * @param listener the default progress listener
     * @return the engine over the database given by the options
     */
    Portability portability(ProgressListener listener) {
        JdbcStore store = connection.store(spec, context().environment());
        return Portability.builder().application(application.application)
                .schemaVersion(application.schemaVersion).store(store).listener(listener).build();
    }

    /** @return the database, as named in the output: its URL (which never holds the password given to us) */
    String database() {
        return connection.url;
    }
}
