package dev.portability.cli;

import dev.portability.jdbc.JdbcStore;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Which database a command works on, and how it logs in. The password is never taken from the command line. */
final class ConnectionOptions {

    /** The environment variable the password is read from by default. */
    static final String PASSWORD_VARIABLE = "PORTABILITY_PASSWORD";

    @Option(order = 10, names = "--url", paramLabel = "JDBC-URL", description = "The database, as a JDBC URL: "
            + "jdbc:postgresql://host:5432/db, jdbc:mariadb://host:3306/db (also for MySQL), jdbc:h2:file:/path/db.")
    String url;

    @Option(order = 11, names = {"-u", "--user"}, paramLabel = "USER", description = "The database user.")
    String user;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(order = 12, names = {"-W", "--password-prompt"}, interactive = true, arity = "0", prompt = "Password: ",
            description = "Prompt for the password (needs a terminal). Without it the password comes from the "
                    + "environment variable named by --password-env, if set.")
    char[] promptedPassword;

    @Option(order = 13, names = "--password-env", paramLabel = "NAME", defaultValue = PASSWORD_VARIABLE,
            description = "The environment variable holding the password. Default: ${DEFAULT-VALUE}.")
    String passwordVariable = PASSWORD_VARIABLE;

    /**
     * Refuses a password given on the command line, without echoing it: it would show in the process list and
     * the shell history.
     *
     * @param ignored the password typed after the option
     */
    @Option(names = {"--password", "-p"}, arity = "0..1", hidden = true)
    void refusePassword(String ignored) {
        throw new CommandLine.ParameterException(command.commandLine(), "The password is never taken from the "
                + "command line (it would show in the process list and the shell history): set the environment "
                + "variable " + PASSWORD_VARIABLE + ", or use -W to be prompted.");
    }

    @Option(order = 14, names = "--schema", paramLabel = "SCHEMA",
            description = "The schema (MariaDB/MySQL: the database) "
                    + "whose tables to use, instead of the connection's current one.")
    String schema;

    @Option(order = 15, names = "--include", paramLabel = "PATTERN", split = ",",
            description = "Use only tables matching "
                    + "these patterns (* and ?, case-insensitive), comma-separated.")
    List<String> include = new ArrayList<>();

    @Option(order = 16, names = "--exclude", paramLabel = "PATTERN", split = ",",
            description = "Leave out tables matching "
                    + "these patterns (* and ?, case-insensitive), comma-separated.")
    List<String> exclude = new ArrayList<>();

    @Option(order = 17, names = "--skip-column", paramLabel = "TABLE.COLUMN",
            description = "Leave this column out (repeat the option for more): an export does not read it, an import "
                    + "does not write it (it must accept NULL or have a default). A name that holds a dot is written "
                    + "in double quotes: '\"my.table\".\"col\"'.")
    List<String> skipColumns = new ArrayList<>();

    @Option(order = 18, names = "--skip-unsupported-columns",
            description = "Leave out every column whose type an archive cannot carry, instead of stopping with an "
                    + "error that names it.")
    boolean skipUnsupportedColumns;

    /** @return whether a database was given */
    boolean given() {
        return url != null;
    }

    /**
     * Checks that a database was given and that a bundled driver accepts its URL.
     *
     * @param spec the command, for the usage error
     * @throws CommandLine.ParameterException if not
     */
    void require(CommandSpec spec) {
        if (url == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--url=JDBC-URL' (the database to work on)");
        }
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No JDBC driver accepts the URL '" + url
                    + "'. This command bundles H2 (jdbc:h2:...), PostgreSQL (jdbc:postgresql://...) and "
                    + "MariaDB/MySQL (jdbc:mariadb://...).");
        }
    }

    /**
     * Discovers the database's tables.
     *
     * @param spec the command
     * @param environment the process environment, for the password
     * @return the store
     */
    JdbcStore store(CommandSpec spec, Map<String, String> environment) {
        require(spec);
        DataSource dataSource = new DriverManagerDataSource(url, user, password(environment));
        JdbcStore.Configuration configuration = JdbcStore.configure(dataSource);
        if (schema != null) {
            configuration.schema(schema);
        }
        if (!include.isEmpty()) {
            configuration.include(include.toArray(String[]::new));
        }
        if (!exclude.isEmpty()) {
            configuration.exclude(exclude.toArray(String[]::new));
        }
        for (String skipped : skipColumns) {
            String[] column;
            try {
                column = ColumnNames.parse(skipped);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--skip-column '" + skipped + "': "
                        + e.getMessage() + "; write a name that holds a dot in double quotes, e.g. "
                        + "'\"my.table\".\"col\"'");
            }
            configuration.skipColumn(column[0], column[1]);
        }
        if (skipUnsupportedColumns) {
            configuration.skipUnsupportedColumns();
        }
        return configuration.discover();
    }

    private char[] password(Map<String, String> environment) {
        if (promptedPassword != null) {
            return promptedPassword;
        }
        String value = passwordVariable == null ? null : environment.get(passwordVariable);
        return value == null ? null : value.toCharArray();
    }
}
