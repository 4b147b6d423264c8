package dev.portability.cli;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ImportMode;
import dev.portability.api.ImportOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The import options of preview and import. */
final class ImportChoice {

    @Option(order = 30, names = "--mode", paramLabel = "MODE", defaultValue = "merge",
            description = "merge: keep the existing rows and add the archive's; replace: make the imported tables "
                    + "hold exactly the archive's rows (deleting the others). Default: ${DEFAULT-VALUE}.")
    ImportMode mode = ImportMode.MERGE;

    @Option(order = 31, names = "--on-conflict", paramLabel = "POLICY",
            description = "For merge, an archive row whose key already exists in the target (a conflict): skip "
                    + "(keep the existing row), overwrite (take the archive's) or fail (refuse the whole import, "
                    + "writing nothing). Default: fail.")
    ConflictPolicy onConflict;

    /** Set when the deprecated spelling {@code --on-duplicate} was used. */
    boolean deprecatedAliasUsed;

    /**
     * The spelling of {@code --on-conflict} before 0.2; accepted, with a warning, for one release.
     *
     * @param policy the policy
     */
    @Option(names = "--on-duplicate", paramLabel = "POLICY", hidden = true)
    void onDuplicate(ConflictPolicy policy) {
        onConflict = policy;
        deprecatedAliasUsed = true;
    }

    /** The warning printed when {@code --on-duplicate} was used. */
    static final String DEPRECATED_ALIAS = "warning: --on-duplicate is deprecated and will be removed in the next "
            + "release; use --on-conflict";

    @Option(order = 32, names = "--tables", paramLabel = "TABLE", split = ",",
            description = "Import only these tables of the archive (comma-separated); the others stay untouched.")
    List<String> tables = new ArrayList<>();

    @Option(order = 33, names = "--batch-size", paramLabel = "ROWS", defaultValue = "10000",
            description = "Rows written per batch, 1 to 100000. Default: ${DEFAULT-VALUE}.")
    int batchSize = ImportOptions.DEFAULT_BATCH_SIZE;

    @Option(order = 34, names = "--fire-triggers",
            description = "Let the target's triggers fire while importing: they may add rows (audit tables), "
                    + "rewrite columns (updated_at) or write other tables. By default they change nothing the "
                    + "import writes: switched off for the import's transaction on PostgreSQL (needs the table's "
                    + "owner), undone inside the import on MariaDB/MySQL, or the import is refused before writing.")
    boolean fireTriggers;

    @Option(order = 35, names = "--allow-cascades",
            description = "Let --mode replace delete rows of tables outside the import, or set their references "
                    + "to NULL or a default, through their foreign keys' ON DELETE actions. By default such an "
                    + "import is refused before writing, naming each table and how many rows would change.")
    boolean allowCascades;

    @Option(order = 36, names = "--allow-non-atomic",
            description = "Import into tables that cannot roll back (MariaDB/MySQL MyISAM, Aria, MEMORY, CSV, "
                    + "ARCHIVE; PostgreSQL foreign tables; H2 linked tables). By default refused: a failure part-way "
                    + "would leave them changed. The whole archive is still validated before the first write.")
    boolean allowNonAtomic;

    @Option(order = 37, names = "--validate-first",
            description = "Validate the whole archive before writing anything, so that a bad archive never "
                    + "reaches the database (a second pass over the archive). By default the import reads the "
                    + "archive once, checking each row as it writes it, and rolls back at the first problem; "
                    + "'portability validate' lists every problem.")
    boolean validateFirst;

    /**
     * @param spec the command, for usage errors
     * @return the import options these choices make
     */
    ImportOptions options(CommandSpec spec) {
        if (mode == ImportMode.REPLACE && onConflict != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--on-conflict applies to --mode merge only; --mode replace deletes the existing rows first");
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--batch-size must be between 1 and 100000, was " + batchSize);
        }
        ImportOptions options = mode == ImportMode.REPLACE ? ImportOptions.replace()
                : ImportOptions.merge(onConflict == null ? ConflictPolicy.FAIL : onConflict);
        return options.withTables(tables).withBatchSize(batchSize).withTriggersFiring(fireTriggers)
                .withCascadesAllowed(allowCascades).withNonAtomicImportAllowed(allowNonAtomic)
                .withValidationFirst(validateFirst);
    }

    /** @return e.g. {@code MERGE, on conflict skip} or {@code REPLACE} */
    static String describe(ImportMode mode, ConflictPolicy policy) {
        return mode == ImportMode.REPLACE ? "REPLACE"
                : "MERGE, on conflict " + policy.name().toLowerCase(java.util.Locale.ROOT);
    }
}
