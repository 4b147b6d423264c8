package dev.portability.cli;

import dev.portability.api.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The exit codes of the command, documented in every command's {@code --help} and in docs/cli.md. */
final class ExitCodes {

    /** Success; for validate: the archive is valid; for preview: the import would go through. */
    static final int OK = 0;
    /** An unexpected failure: a bug; run again with --verbose and report the stack trace. */
    static final int INTERNAL = 1;
    /** The command line is wrong: unknown option, missing or bad argument, a setting that does not fit. */
    static final int USAGE = 2;
    /** The archive is damaged, altered, not an archive, or does not fit this application or its tables. */
    static final int INVALID_ARCHIVE = 3;
    /**
     * The import was refused before writing: MERGE with --on-conflict fail found keys that already exist, or a
     * trigger, a cascade into tables outside the import, or a table that cannot roll back refused it.
     */
    static final int CONFLICTS = 4;
    /** The database cannot be reached or logged into, or failed; an import was rolled back. */
    static final int DATABASE = 5;
    /** A file cannot be read or written. */
    static final int IO = 6;
    /** A column's type cannot be carried by an archive: leave it out with --skip-column or the like. */
    static final int UNSUPPORTED_COLUMN = 7;
    /** Interrupted (Ctrl-C); an import was rolled back and an export left no file. */
    static final int INTERRUPTED = 130;

    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put(" " + OK, "Success (validate: the archive is valid; preview: the import would go through).");
        HELP.put(" " + INTERNAL, "Unexpected failure (a bug): run again with --verbose and report it.");
        HELP.put(" " + USAGE, "Usage error: unknown option, missing or bad argument or setting.");
        HELP.put(" " + INVALID_ARCHIVE, "Invalid archive: damaged, altered, or not fitting this application "
                + "or database.");
        HELP.put(" " + CONFLICTS, "Import refused, nothing written: keys already exist and --on-conflict is "
                + "fail, or triggers, cascades outside the import or tables that cannot roll back refused it "
                + "(--fire-triggers, --allow-cascades, --allow-non-atomic), or a foreign-key cycle the database "
                + "cannot load.");
        HELP.put(" " + DATABASE, "Database failure: cannot connect or log in, or the database failed (an import "
                + "is rolled back).");
        HELP.put(" " + IO, "File failure: an archive cannot be read or written.");
        HELP.put(" " + UNSUPPORTED_COLUMN, "A column's type cannot be carried by an archive: leave it out "
                + "(--skip-column TABLE.COLUMN, --skip-unsupported-columns, --exclude TABLE).");
        HELP.put(String.valueOf(INTERRUPTED), "Interrupted (Ctrl-C): an import is rolled back, an export leaves "
                + "no file.");
    }

    private ExitCodes() {
    }

    /**
     * Lists the exit codes in the usage help of a command and all its subcommands.
     *
     * @param commandLine the command
     */
    static void document(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(HELP);
        commandLine.getSubcommands().values().forEach(ExitCodes::document);
    }

    /**
     * The exit code of a failure with this error code.
     *
     * @param code the error code
     * @return the exit code
     */
    static int of(ErrorCode code) {
        return switch (code) {
            case NOT_AN_ARCHIVE, MANIFEST_MISSING, MANIFEST_INVALID, UNSUPPORTED_FORMAT, UNSAFE_ENTRY, ENTRY_MISSING,
                    ENTRY_UNLISTED, CHECKSUM_MISMATCH, SIZE_MISMATCH, ROW_COUNT_MISMATCH, LIMIT_EXCEEDED,
                    MALFORMED_ROW, INVALID_VALUE, NULL_NOT_ALLOWED, DUPLICATE_KEY, WRONG_APPLICATION, UNKNOWN_TABLE,
                    UNKNOWN_COLUMN, MISSING_COLUMN, TYPE_MISMATCH, ARCHIVE_TOO_NEW, MIGRATION_MISSING,
                    MIGRATION_FAILED -> INVALID_ARCHIVE;
            case CONFLICTS, TRIGGER_REFUSED, CASCADES_OUTSIDE_IMPORT, NON_TRANSACTIONAL_TABLE, FOREIGN_KEY_CYCLE ->
                    ExitCodes.CONFLICTS;
            case ROWS_HIDDEN -> DATABASE;
            case UNSUPPORTED_COLUMN -> ExitCodes.UNSUPPORTED_COLUMN;
            case NO_PRIMARY_KEY, INVALID_CONFIGURATION -> USAGE;
            case STORE_FAILURE -> DATABASE;
            case IO_FAILURE, EXPORT_VERIFICATION_FAILED -> IO;
            case CANCELLED -> INTERRUPTED;
            case LISTENER_FAILED -> INTERNAL;
            // a code added to the API later: ExitCodesTest fails until it is mapped here
            default -> INTERNAL;
        };
    }
}
