package dev.portability.cli;

import dev.portability.api.Manifest;
import dev.portability.api.ColumnException;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportConflictException;
import dev.portability.api.ImportRefusedException;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.Key;
import dev.portability.api.OperationCancelledException;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.StoreException;
import dev.portability.api.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Turns every failure into one clear message on standard error (and a JSON error document with {@code --json})
 * and an exit code from {@link ExitCodes}. Stack traces only with {@code --verbose}.
 */
final class Failures {

    /** Keys of each table shown in a refused import's message. */
    private static final int KEYS_SHOWN = 5;

    /**
     * A failure, described.
     *
     * @param exitCode the exit code
     * @param code a stable name: an {@link ErrorCode}, {@code USAGE} or {@code INTERNAL}
     * @param message one line: what happened, where, and what to do
     * @param suggestion the library's recovery suggestion for the error code, or null for USAGE and INTERNAL
     */
    record Failure(int exitCode, String code, String message, String suggestion) {

        Failure(int exitCode, ErrorCode code, String message) {
            this(exitCode, code.name(), message, code.suggestion());
        }
    }

    private Failures() {
    }

    /** picocli's handler of command line errors. */
    static int onUsage(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("Error: " + Text.oneLine(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        if (commandLine.getCommand() instanceof BaseCommand command && command.output != null
                && command.output.json) {
            JsonOut.print(commandLine.getOut(), JsonOut.error(ExitCodes.USAGE, "USAGE", Text.oneLine(e.getMessage())));
        }
        return ExitCodes.USAGE;
    }

    /** picocli's handler of exceptions thrown by a command. */
    static int onExecution(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        if (e instanceof ParameterException usage) {
            return onUsage(usage, parsed.originalArgs().toArray(String[]::new));
        }
        BaseCommand command = commandLine.getCommand() instanceof BaseCommand c ? c : null;
        Failure failure = describe(e, command == null ? null : command.archive(),
                command instanceof DatabaseCommand database ? database.database() : null);
        PrintWriter err = commandLine.getErr();
        err.println("Error: " + failure.message());
        boolean verbose = command != null && command.output.verbose;
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        if (command != null && command.output.json) {
            JsonOut.print(commandLine.getOut(), JsonOut.error(failure.exitCode(), failure.code(),
                    failure.message(), failure.suggestion()));
        }
        return failure.exitCode();
    }

    /**
     * Describes a failure.
     *
     * @param e the failure
     * @param archive the archive the command works on, or null
     * @return the description
     */
    static Failure describe(Throwable e, Path archive) {
        return describe(e, archive, null);
    }

    /**
     * Describes a failure of a command that works on a database.
     *
     * @param e the failure
     * @param archive the archive the command works on, or null
     * @param database the database's URL, or null
     * @return the description
     */
    static Failure describe(Throwable e, Path archive, String database) {
        if (e instanceof InvalidArchiveException invalid) {
            return new Failure(ExitCodes.INVALID_ARCHIVE, invalid.code(), invalidArchive(invalid, archive,
                    database));
        }
        if (e instanceof ImportConflictException conflicts) {
            return new Failure(ExitCodes.CONFLICTS, ErrorCode.CONFLICTS, conflicts(conflicts));
        }
        if (e instanceof StoreException store) {
            String hint = databaseHint(store);
            return new Failure(ExitCodes.DATABASE, ErrorCode.STORE_FAILURE, "Database failure: "
                    + sentence(store.getMessage()) + (hint.isEmpty() ? " " + ErrorCode.STORE_FAILURE.suggestion()
                    : hint));
        }
        if (e instanceof ColumnException column) {
            return new Failure(ExitCodes.of(column.code()), column.code(), column(column));
        }
        if (e instanceof ImportRefusedException refused) {
            String hint = hint(refused.code());
            return new Failure(ExitCodes.of(refused.code()), refused.code(), sentence(refused.getMessage())
                    + (hint.isEmpty() ? " " + refused.code().suggestion() : hint));
        }
        if (e instanceof OperationCancelledException cancelled) {
            return new Failure(ExitCodes.INTERRUPTED, cancelled.code(), Text.oneLine(cancelled.getMessage()));
        }
        if (e instanceof PortabilityException portability) {
            String message = portability.getMessage();
            if (portability.code() == ErrorCode.INVALID_CONFIGURATION && message.startsWith("skipColumn: ")) {
                // the setting is this command's option
                return new Failure(ExitCodes.USAGE, "USAGE", "--skip-column: " + sentence(message.substring(
                        "skipColumn: ".length())) + " Name the column as the database's table has it.", null);
            }
            return new Failure(ExitCodes.of(portability.code()), portability.code(),
                    sentence(message) + " " + portability.code().suggestion());
        }
        IOException io = e instanceof UncheckedIOException unchecked ? unchecked.getCause()
                : e instanceof IOException checked ? checked : null;
        if (io != null) {
            return new Failure(ExitCodes.IO, ErrorCode.IO_FAILURE, "File failure: "
                    + io.getClass().getSimpleName() + ": " + Text.oneLine(io.getMessage())
                    + ". Check that the file exists and can be read or written.");
        }
        return new Failure(ExitCodes.INTERNAL, "INTERNAL", "Unexpected failure: " + Text.oneLine(e.toString())
                + ". Run again with --verbose to see the stack trace, and report it.", null);
    }

    /**
     * A failure of one column, with what to do in this command's options: the library's message says it in the Java
     * API's words.
     */
    private static String column(ColumnException e) {
        String name = ColumnNames.format(e.table(), e.column());
        String detail = sentence(e.detail());
        if (e.code() == ErrorCode.UNSUPPORTED_COLUMN) {
            return detail + " Leave the column out with --skip-column " + name + ", its table with --exclude "
                    + e.table() + ", or every such column with --skip-unsupported-columns; docs/jdbc-types.md lists "
                    + "the types that can be carried.";
        }
        return detail + " Change the value in the database, or leave the column out with --skip-column " + name
                + ".";
    }

    /**
     * The command-line options that answer a refusal before writing.
     *
     * @param code the refusal's code
     * @return a sentence starting with a blank, or empty
     */
    static String hint(ErrorCode code) {
        return switch (code) {
            case NO_PRIMARY_KEY -> " Leave the table out with --tables, or use --mode replace.";
            case FOREIGN_KEY_CYCLE -> " Leave one of the tables out with --tables.";
            default -> "";
        };
    }

    /** @return the message on one line, ending with a period */
    private static String sentence(String message) {
        String line = Text.oneLine(message);
        return line.endsWith(".") ? line : line + ".";
    }

    private static String invalidArchive(InvalidArchiveException e, Path archive, String database) {
        ValidationReport report = e.report();
        String what = archive == null ? "The archive" : archive.toString();
        if (report == null || report.problems().isEmpty()) {
            return what + " is not a valid archive: " + Text.oneLine(e.getMessage());
        }
        Problem first = report.problems().get(0);
        StringBuilder message = new StringBuilder(what).append(" is not a valid archive: ")
                .append(Text.oneLine(first.toString()));
        if (!message.toString().endsWith(".")) {
            message.append('.');
        }
        Manifest info = report.archive();
        switch (first.code()) {
            case WRONG_APPLICATION -> {
                if (info != null) {
                    message.append(" If this database belongs to that application, add --application ")
                            .append(info.application()).append('.');
                }
            }
            case ARCHIVE_TOO_NEW, MIGRATION_MISSING -> {
                if (info != null) {
                    message.append(" If this database has schema version ").append(info.schemaVersion())
                            .append(", add --schema-version ").append(info.schemaVersion()).append('.');
                }
            }
            case UNKNOWN_TABLE -> message.append(" Use --tables to import only the tables this database has.");
            default -> message.append(' ').append(first.code().suggestion());
        }
        long more = report.problemCount() - 1;
        if (more > 0) {
            message.append(" ").append(Text.count(more)).append(more == 1 ? " more problem" : " more problems")
                    .append(": 'portability validate").append(archive == null ? "" : " " + archive)
                    .append(database == null ? "" : " --url " + database + " ...").append("' lists them.");
        }
        return message.toString();
    }

    private static String conflicts(ImportConflictException e) {
        StringJoiner tables = new StringJoiner("; ");
        for (Map.Entry<String, List<Key>> entry : new java.util.TreeMap<>(e.conflicts()).entrySet()) {
            List<Key> keys = entry.getValue();
            StringJoiner shown = new StringJoiner(", ", entry.getKey() + " ", keys.size() > KEYS_SHOWN ? ", ..." : "");
            keys.stream().limit(KEYS_SHOWN).forEach(k -> shown.add(k.toString()));
            tables.add(shown.toString());
        }
        long count = e.conflictCount();
        return "Import refused: " + Text.count(count) + (count == 1 ? " row of the archive has a key" : " rows of the "
                + "archive have keys") + " that already exist (" + tables + "). Nothing was written. Add "
                + "--on-conflict skip to keep the existing rows, --on-conflict overwrite to take the archive's, "
                + "or use --mode replace; 'portability preview' shows what each would do.";
    }

    private static String databaseHint(StoreException e) {
        String state = null;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
                break;
            }
        }
        if (state == null) {
            return "";
        }
        if (state.startsWith("28")) {
            return " Check --user and the password (environment variable "
                    + ConnectionOptions.PASSWORD_VARIABLE + ", or -W to be prompted).";
        }
        if (state.startsWith("08")) {
            return " Check --url, and that the database server is running and reachable.";
        }
        if (state.equals("3D000") || state.equals("42000") && e.getMessage().contains("Unknown database")) {
            return " Check the database name in --url.";
        }
        return "";
    }
}
