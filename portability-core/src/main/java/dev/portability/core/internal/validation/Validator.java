package dev.portability.core.internal.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.api.ArchiveLimits;
import dev.portability.api.ArchiveTable;
import dev.portability.api.ConfigurationException;
import dev.portability.api.ErrorCode;
import dev.portability.api.Manifest;
import dev.portability.api.Phase;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.archive.ArchiveFile;
import dev.portability.core.internal.archive.LimitExceededException;
import dev.portability.core.internal.archive.ManifestJson;
import dev.portability.core.internal.archive.ManifestSchema;
import dev.portability.core.internal.engine.Host;
import dev.portability.core.internal.engine.Operation;
import dev.portability.core.internal.engine.RowMapping;
import dev.portability.core.internal.engine.TableOrder;
import dev.portability.core.internal.engine.TablePlan;
import dev.portability.core.internal.migration.ArchiveMigration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an archive against the format and the host in one streaming pass, collecting every problem: the
 * container, the manifest and its schema, the format and schema versions, the tables and columns against the
 * host's, then every row of every selected table (values, NULLs, duplicate keys, row count, size, checksum).
 *
 * @param <U> the store's unit of work
 */
public final class Validator<U extends UnitOfWork> {

    private final Host<U> host;
    private final Migrations migrations;
    private final Settings settings;

    /**
     * @param host the host
     * @param migrations plans the migration from an archive's schema version to the host's
     * @param settings limits on the pass
     */
    public Validator(Host<U> host, Migrations migrations, Settings settings) {
        this.host = host;
        this.migrations = migrations;
        this.settings = settings;
    }

    /**
     * Plans migrations between schema versions.
     */
    public interface Migrations {
        /** No migrations registered: only archives of the current version are accepted. */
        public Migrations NONE = (from, to, info) -> {
            throw new NoPathException("no migration steps are registered");
        };

        /**
         * Plans the migration of an archive.
         *
         * @param from the archive's schema version, below {@code to}
         * @param to the current schema version
         * @param info the archive's manifest
         * @return the migration
         * @throws NoPathException if no chain of registered steps leads from one to the other
         */
        public ArchiveMigration plan(int from, int to, Manifest info) throws NoPathException;
    }

    /** No registered steps connect two versions; the message names what is missing. */
    public static final class NoPathException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message which steps are missing */
        public NoPathException(String message) {
            super(message);
        }
    }

    /**
     * Limits of a validation pass.
     *
     * @param limits the archive limits
     * @param factory the JSON factory for entries, carrying the JSON limits
     * @param maxProblems the most problems kept in a report
     * @param maxTrackedKeys the most key hashes kept per table to find duplicates in unordered tables
     */
    public record Settings(ArchiveLimits limits, JsonFactory factory, int maxProblems, int maxTrackedKeys) {
        /**
         * @param limits the archive limits
         * @param maxProblems the most problems kept in a report
         * @return settings with a JSON factory for the limits
         */
        public static Settings of(ArchiveLimits limits, int maxProblems) {
            return new Settings(limits, dev.portability.core.internal.json.Json.factory(limits), maxProblems,
                    1_000_000);
        }
    }

    /**
     * The outcome: the report, and when valid, the plan for preview and import.
     *
     * @param report the report
     * @param info the manifest, or null if unreadable
     * @param tables per selected table, in the host's write order; empty when invalid
     * @param <U> the store's unit of work
     */
    public record Outcome<U extends UnitOfWork>(ValidationReport report, Manifest info,
            List<TablePlan<U>> tables) {
    }

    /** How far {@link #validate} checks an archive. */
    public enum Depth {
        /** The container and the manifest (formats, versions, entries); no table is planned. */
        MANIFEST,
        /**
         * Also plans the selected tables against the host's (migrations, mapping, the target's columns): every
         * problem that can be found without reading a row. A one-pass import checks the rows while writing.
         */
        PLAN,
        /** Also reads and checks every row of the selected tables: checksums, row counts, values, keys. */
        ROWS
    }

    /**
     * Validates an opened archive.
     *
     * @param archive the archive
     * @param tableFilter the tables to check row by row and plan; empty means all tables of the archive
     * @param operation progress and cancellation
     * @param depth how far to check
     * @return the outcome
     * @throws ConfigurationException if the filter names a table the archive does not hold
     */
    public Outcome<U> validate(ArchiveFile archive, Collection<String> tableFilter, Operation operation,
            Depth depth) {
        Problems problems = new Problems(settings.maxProblems());
        problems.addAll(archive.problems());
        archive.startPass();
        operation.started(Phase.VALIDATING, null, -1);
        Manifest info = readManifest(archive, problems);
        List<TablePlan<U>> plans = new ArrayList<>();
        List<String> steps = List.of();
        if (info != null) {
            checkEntries(archive, info, problems);
            ArchiveMigration migration = checkVersions(info, problems);
            if (migration != null && depth != Depth.MANIFEST) {
                steps = migration.steps();
                List<ArchiveTable> selected = select(info, tableFilter);
                plans = planTables(selected, migration, problems, info.formatVersion());
                Set<String> missingEntries = new HashSet<>();
                for (ArchiveTable table : selected) {
                    if (!archive.entryNames().contains(table.entry())) {
                        missingEntries.add(table.entry());
                    }
                }
                List<TablePlan<U>> read = depth != Depth.ROWS ? List.of() : plans.stream()
                        .filter(plan -> !missingEntries.contains(plan.archived().entry())).toList();
                if (read.stream().anyMatch(TargetKeys::compares)) {
                    // the target compares the keys in a read-only unit of work of the whole pass
                    host.store().inUnitOfWork(Access.READ, work -> {
                        TargetKeys<U> targetKeys = new TargetKeys<>(work);
                        read.forEach(plan -> checkRows(archive, plan, problems, operation, targetKeys));
                        return null;
                    });
                } else {
                    read.forEach(plan -> checkRows(archive, plan, problems, operation, null));
                }
            }
        }
        ValidationReport report = new ValidationReport(info, problems.list(), problems.count(), steps);
        operation.finished(Phase.VALIDATING, null, info == null ? 0 : info.totalRows(), -1, 0);
        operation.log().info("[{}] validation found {} problem(s)", operation.id(), problems.count());
        return new Outcome<>(report, info, report.valid() ? plans : List.of());
    }

    /**
     * Validates an opened archive against its own manifest, with no host: the container, the manifest and its
     * schema, the entries, then (if asked) every row of every table in foreign-key order: values against the
     * declared types, NULLs, duplicate keys, row count, size and checksum. No application, schema version,
     * migration or target table is involved; tables are checked as the archive declares them.
     *
     * @param archive the archive
     * @param settings limits on the pass
     * @param operation progress and cancellation
     * @param readRows whether to read every row (false checks the container and manifest only)
     * @return the report; its manifest is null when the manifest cannot be read
     */
    public static ValidationReport validateAgainstManifest(ArchiveFile archive, Settings settings,
            Operation operation, boolean readRows) {
        Validator<UnitOfWork> validator = new Validator<>(null, Migrations.NONE, settings);
        Problems problems = new Problems(settings.maxProblems());
        problems.addAll(archive.problems());
        archive.startPass();
        operation.started(Phase.VALIDATING, null, -1);
        Manifest info = validator.readManifest(archive, problems);
        if (info != null) {
            checkEntries(archive, info, problems);
            if (readRows) {
                Map<String, ArchiveTable> byName = new LinkedHashMap<>();
                info.tables().forEach(table -> byName.putIfAbsent(table.name(), table)); // twice: reported
                List<TableSchema> schemas = byName.values().stream().map(ArchiveTable::schema).toList();
                for (TableSchema schema : TableOrder.of(schemas).writeOrder()) {
                    ArchiveTable table = byName.get(schema.name());
                    if (archive.entryNames().contains(table.entry())) {
                        validator.checkRows(archive, TablePlan.asArchived(table, info.formatVersion()), problems,
                                operation, null);
                    }
                }
            }
        }
        ValidationReport report = new ValidationReport(info, problems.list(), problems.count(), List.of());
        operation.finished(Phase.VALIDATING, null, info == null ? 0 : info.totalRows(), -1, 0);
        operation.log().info("[{}] validation against the archive's own manifest found {} problem(s)",
                operation.id(), problems.count());
        return report;
    }

    /**
     * Adds to a report what the target refuses beyond the archive itself, as an import with default options
     * would: tables of the archive stored where writes cannot roll back ({@link ErrorCode#NON_TRANSACTIONAL_TABLE}).
     *
     * @param report a validation report
     * @return the report with those problems added
     */
    public ValidationReport withTargetLimits(ValidationReport report) {
        if (report.archive() == null) {
            return report;
        }
        List<Problem> added = new ArrayList<>();
        for (ArchiveTable table : report.archive().tables()) {
            TableAdapter<U> adapter = host.adapter(table.name());
            if (adapter != null) {
                adapter.nonTransactionalEngine().ifPresent(engine -> added.add(new Problem(
                        ErrorCode.NON_TRANSACTIONAL_TABLE, "the target's table " + table.name() + " is stored in "
                        + engine + ", which cannot roll back: an import refuses it unless a non-atomic import is "
                        + "allowed (ImportOptions.withNonAtomicImportAllowed(true), CLI: --allow-non-atomic); "
                        + "or move the table to storage that rolls back (on MariaDB/MySQL: ALTER TABLE ... "
                        + "ENGINE=InnoDB)", null, null, table.name(), null)));
            }
        }
        if (added.isEmpty()) {
            return report;
        }
        List<Problem> problems = new ArrayList<>(report.problems());
        problems.addAll(added);
        return new ValidationReport(report.archive(), problems, report.problemCount() + added.size(),
                report.migrationSteps());
    }

    private Manifest readManifest(ArchiveFile archive, Problems problems) {
        JsonNode root;
        try {
            root = archive.readManifest();
        } catch (ArchiveFile.ArchiveUnreadableException e) {
            problems.add(e.problem());
            return null;
        }
        if (!root.isObject()) {
            problems.add(manifestProblem("manifest.json holds a JSON " + root.getNodeType().name().toLowerCase()
                    + ", not an object"));
            return null;
        }
        JsonNode format = root.get("format");
        JsonNode version = root.get("formatVersion");
        if (format != null && format.isTextual() && !ManifestJson.FORMAT.equals(format.asText())) {
            problems.add(new Problem(ErrorCode.UNSUPPORTED_FORMAT, "the manifest's format is "
                    + dev.portability.core.internal.json.ValueCodec.show(format.asText()) + ", not "
                    + ManifestJson.FORMAT + "; this is not a Portability archive", ManifestJson.ENTRY, null, null, null));
            return null;
        }
        if (version != null && version.isIntegralNumber() && (version.asLong() > ManifestJson.FORMAT_VERSION
                || version.asLong() < ManifestJson.OLDEST_FORMAT_VERSION)) {
            problems.add(new Problem(ErrorCode.UNSUPPORTED_FORMAT, "the archive has format version "
                    + version.asText() + " but this version of Portability reads format versions "
                    + ManifestJson.OLDEST_FORMAT_VERSION + " to " + ManifestJson.FORMAT_VERSION
                    + (version.asLong() > ManifestJson.FORMAT_VERSION
                            ? "; upgrade the Portability library to read it" : ""),
                    ManifestJson.ENTRY, null, null, null));
            return null;
        }
        int formatVersion = version != null && version.isIntegralNumber() ? version.asInt()
                : ManifestJson.FORMAT_VERSION;
        List<String> violations = ManifestSchema.validate(root, formatVersion);
        if (!violations.isEmpty()) {
            for (String violation : violations) {
                problems.add(manifestProblem("manifest.json does not match the manifest schema: " + violation));
            }
            return null;
        }
        Manifest info;
        try {
            info = ManifestJson.read(root);
        } catch (IllegalArgumentException e) {
            problems.add(manifestProblem("manifest.json is inconsistent: " + e.getMessage()));
            return null;
        }
        Set<String> names = new HashSet<>();
        Set<String> entries = new HashSet<>();
        for (ArchiveTable table : info.tables()) {
            if (!names.add(table.name())) {
                problems.add(manifestProblem("manifest.json lists table " + table.name() + " twice"));
            }
            if (!entries.add(table.entry())) {
                problems.add(manifestProblem("manifest.json names entry " + table.entry() + " for two tables"));
            }
        }
        return info;
    }

    private static Problem manifestProblem(String message) {
        return new Problem(ErrorCode.MANIFEST_INVALID, message, ManifestJson.ENTRY, null, null, null);
    }

    private static void checkEntries(ArchiveFile archive, Manifest info, Problems problems) {
        Set<String> listed = new HashSet<>();
        listed.add(ManifestJson.ENTRY);
        for (ArchiveTable table : info.tables()) {
            listed.add(table.entry());
            if (!archive.entryNames().contains(table.entry())) {
                problems.add(new Problem(ErrorCode.ENTRY_MISSING, "the manifest lists this entry for table "
                        + table.name() + " but the archive does not contain it", table.entry(), null, table.name(),
                        null));
            }
        }
        for (String name : archive.entryNames()) {
            if (!listed.contains(name)) {
                problems.add(new Problem(ErrorCode.ENTRY_UNLISTED, "the archive holds an entry the manifest does "
                        + "not list; an export never writes that, so the file was altered", name, null, null,
                        null));
            }
        }
    }

    private ArchiveMigration checkVersions(Manifest info, Problems problems) {
        if (!info.application().equals(host.application())) {
            problems.add(new Problem(ErrorCode.WRONG_APPLICATION, "the archive was written by application '"
                    + info.application() + "' but this is '" + host.application() + "'; import it into "
                    + "that application", ManifestJson.ENTRY, null, null, null));
            return null;
        }
        int archived = info.schemaVersion();
        int current = host.schemaVersion();
        if (archived > current) {
            problems.add(new Problem(ErrorCode.ARCHIVE_TOO_NEW, "the archive is at schema version " + archived
                    + " but this application is at version " + current + "; upgrade the application to version "
                    + archived + " or later to import it", ManifestJson.ENTRY, null, null, null));
            return null;
        }
        if (archived == current) {
            return ArchiveMigration.NONE;
        }
        try {
            return migrations.plan(archived, current, info);
        } catch (NoPathException e) {
            problems.add(new Problem(ErrorCode.MIGRATION_MISSING, "the archive is at schema version " + archived
                    + " and this application is at version " + current + ", but " + e.getMessage()
                    + "; register the missing migration steps", ManifestJson.ENTRY, null, null, null));
            return null;
        }
    }

    private static List<ArchiveTable> select(Manifest info, Collection<String> filter) {
        if (filter.isEmpty()) {
            return info.tables();
        }
        Set<String> unknown = new TreeSet<>(filter);
        List<ArchiveTable> selected = new ArrayList<>();
        for (ArchiveTable table : info.tables()) {
            if (filter.contains(table.name())) {
                selected.add(table);
                unknown.remove(table.name());
            }
        }
        if (!unknown.isEmpty()) {
            List<String> names = new ArrayList<>();
            info.tables().forEach(t -> names.add(t.name()));
            throw new ConfigurationException("tables: the archive holds no table " + unknown
                    + "; it holds " + names);
        }
        return selected;
    }

    private List<TablePlan<U>> planTables(List<ArchiveTable> selected, ArchiveMigration migration, Problems problems,
            int formatVersion) {
        Map<String, TablePlan<U>> byHostTable = new LinkedHashMap<>();
        for (ArchiveTable table : selected) {
            ArchiveMigration.TableMigrationSteps tableMigration;
            try {
                tableMigration = migration.table(table.schema());
            } catch (ArchiveMigration.MigrationStepException e) {
                problems.add(new Problem(ErrorCode.MIGRATION_FAILED, e.getMessage(), table.entry(), null,
                        table.name(), e.column()));
                continue;
            }
            TableSchema source = tableMigration == null ? table.schema() : tableMigration.result();
            if (source == null) {
                continue; // a migration step drops the table
            }
            TableAdapter<U> adapter = host.adapter(source.name());
            if (adapter == null) {
                problems.add(new Problem(ErrorCode.UNKNOWN_TABLE, "the archive holds table " + source.name()
                        + " but this application has no such table"
                        + (tableMigration == null ? "" : " (" + tableMigration.explain(null) + ")")
                        + "; import only the tables it knows with a table filter", table.entry(), null,
                        table.name(), null));
                continue;
            }
            List<RowMapping.ColumnProblem> columnProblems = RowMapping.problems();
            RowMapping mapping = RowMapping.plan(source, adapter.schema(), columnProblems);
            for (RowMapping.ColumnProblem problem : columnProblems) {
                problems.add(new Problem(problem.code(), problem.message() + (tableMigration == null ? ""
                        : " (" + tableMigration.explain(problem.column()) + ")"), table.entry(), null, table.name(),
                        problem.column()));
            }
            if (mapping == null) {
                continue;
            }
            if (byHostTable.containsKey(source.name())) {
                problems.add(new Problem(ErrorCode.MANIFEST_INVALID, "two archived tables become table "
                        + source.name() + " after migration", table.entry(), null, table.name(), null));
                continue;
            }
            byHostTable.put(source.name(), new TablePlan<>(table, tableMigration, mapping, adapter, formatVersion));
        }
        List<TablePlan<U>> ordered = new ArrayList<>();
        for (TableSchema table : host.order().writeOrder()) {
            TablePlan<U> plan = byHostTable.get(table.name());
            if (plan != null) {
                ordered.add(plan);
            }
        }
        return ordered;
    }

    private void checkRows(ArchiveFile archive, TablePlan<U> plan, Problems problems, Operation operation,
            TargetKeys<U> targetKeys) {
        String table = plan.table();
        long total = plan.archived().rows();
        operation.started(Phase.VALIDATING, table, total);
        RowKeys<U> keys = RowKeys.of(plan, targetKeys, settings.maxTrackedKeys(), problems::add);
        try (TableRows rows = TableRows.open(archive, plan, settings.factory())) {
            Row row;
            while ((row = rows.next(problems::add)) != null) {
                keys.check(row, rows.row());
                if ((rows.row() & 1023) == 0) {
                    operation.progress(Phase.VALIDATING, table, rows.row(), total, rows.bytes());
                }
            }
            keys.finish();
            rows.finish(problems::add);
            if (keys.gaveUp()) {
                operation.log().warn("[{}] table {} has more than {} keys out of order; duplicate keys beyond "
                        + "that are left to the store's primary key constraint", operation.id(), table,
                        settings.maxTrackedKeys());
            }
            operation.finished(Phase.VALIDATING, table, rows.row(), total, rows.bytes());
        } catch (LimitExceededException e) {
            problems.add(new Problem(ErrorCode.LIMIT_EXCEEDED, e.getMessage() + "; the rest of the entry was not "
                    + "read", plan.archived().entry(), e.line(), plan.archived().name(), e.column()));
        } catch (IOException e) {
            problems.add(new Problem(ErrorCode.NOT_AN_ARCHIVE, "the entry cannot be read: " + e.getMessage(),
                    plan.archived().entry(), null, plan.archived().name(), null));
        } catch (UncheckedIOException e) {
            problems.add(new Problem(ErrorCode.NOT_AN_ARCHIVE, "the entry cannot be read: "
                    + e.getCause().getMessage(), plan.archived().entry(), null, plan.archived().name(), null));
        }
    }

}
