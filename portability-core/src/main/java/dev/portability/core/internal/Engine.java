package dev.portability.core.internal;

import dev.portability.api.ExportOptions;
import dev.portability.api.ExportResult;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportResult;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.Statistics;
import dev.portability.api.StoreException;
import dev.portability.api.TableCount;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.archive.ArchiveFile;
import dev.portability.core.internal.engine.Host;
import dev.portability.core.internal.engine.Operation;
import dev.portability.core.internal.export.Exporter;
import dev.portability.core.internal.importing.Importer;
import dev.portability.core.internal.validation.Validator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one engine a {@code Portability} instance builds: the host, its migrations and limits, and one command per
 * verb ({@link Exporter} in {@code internal.export}, {@link Validator} in {@code internal.validation},
 * {@link Importer} in {@code internal.importing}). Each method runs one operation, whose progress, cancellation and
 * log the caller's {@link Operation} carries. Immutable and thread-safe.
 *
 * @param <U> the store's unit of work
 */
public final class Engine<U extends UnitOfWork> {

    private final Host<U> host;
    private final Validator.Migrations migrations;
    private final Validator.Settings settings;
    private final String libraryVersion;

    private Engine(Host<U> host, Validator.Migrations migrations, Validator.Settings settings,
            String libraryVersion) {
        this.host = host;
        this.migrations = migrations;
        this.settings = settings;
        this.libraryVersion = libraryVersion;
    }

    /**
     * @param host the host
     * @param migrations plans the migration of older archives
     * @param settings limits and problem counts
     * @param libraryVersion written into archives
     * @param <U> the store's unit of work
     * @return the engine
     */
    public static <U extends UnitOfWork> Engine<U> of(Host<U> host, Validator.Migrations migrations,
            Validator.Settings settings, String libraryVersion) {
        return new Engine<>(host, migrations, settings, libraryVersion);
    }

    /** @return the host */
    public Host<U> host() {
        return host;
    }

    /** @return the limits and problem counts */
    public Validator.Settings settings() {
        return settings;
    }

    /**
     * Counts the rows of every table in one unit of work.
     *
     * @return the counts
     */
    public Statistics stats() {
        try {
            return new Statistics(host.store().inUnitOfWork(Access.READ, work -> {
                List<TableCount> counts = new ArrayList<>();
                for (TableSchema table : host.order().writeOrder()) {
                    counts.add(new TableCount(table.name(), host.adapter(table.name()).count(work)));
                }
                return counts;
            }));
        } catch (PortabilityException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("Counting rows failed: " + e.getMessage(), false, e);
        }
    }

    /**
     * Writes an archive (not verified: the caller re-reads the file it wrote).
     *
     * @param out where to write it
     * @param options the export options
     * @param operation progress and cancellation
     * @return what was written
     * @throws IOException if writing fails
     */
    public ExportResult export(OutputStream out, ExportOptions options, Operation operation) throws IOException {
        return new Exporter<>(host, libraryVersion).write(out, options, operation);
    }

    /**
     * Reads an archive's manifest without checking its rows.
     *
     * @param file the archive
     * @param operation for the log
     * @return the report; its archive is set when the manifest could be read
     */
    public ValidationReport inspect(ArchiveFile file, Operation operation) {
        return validator().validate(file, Set.of(), operation, Validator.Depth.MANIFEST).report();
    }

    /**
     * Validates a whole archive against the host, as an import with default options would judge it.
     *
     * @param file the archive
     * @param operation progress and cancellation
     * @return the report
     */
    public ValidationReport validate(ArchiveFile file, Operation operation) {
        Validator<U> validator = validator();
        return validator.withTargetLimits(validator.validate(file, Set.of(), operation, Validator.Depth.ROWS)
                .report());
    }

    /**
     * Validates an archive for an import with the given options: every problem, then every refusal.
     *
     * @param file the archive
     * @param options the import options
     * @param operation progress and cancellation
     * @return the report
     */
    public ValidationReport validate(ArchiveFile file, ImportOptions options, Operation operation) {
        Validator.Outcome<U> outcome = validator().validate(file, options.tables(), operation,
                Validator.Depth.ROWS);
        ValidationReport report = outcome.report();
        if (!report.valid()) {
            return report;
        }
        List<Problem> refusals = new Importer<>(host, settings).refusals(file, outcome, options, operation);
        if (refusals.isEmpty()) {
            return report;
        }
        List<Problem> kept = refusals.size() > settings.maxProblems() ? refusals.subList(0, settings.maxProblems())
                : refusals;
        return new ValidationReport(report.archive(), kept, refusals.size(), report.migrationSteps());
    }

    /**
     * Previews an import, writing nothing.
     *
     * @param file the archive
     * @param options the import options
     * @param operation progress and cancellation
     * @return the preview
     * @throws InvalidArchiveException if the archive is invalid
     */
    public ImportPreview preview(ArchiveFile file, ImportOptions options, Operation operation) {
        Validator.Outcome<U> outcome = validator().validate(file, options.tables(), operation,
                Validator.Depth.ROWS);
        requireValid(outcome);
        return new Importer<>(host, settings).preview(file, outcome, options, operation);
    }

    /**
     * Imports an archive in one unit of work: in one pass by default (the manifest and plans are checked first,
     * the rows while they are written), or after validating every row when the options ask for it or allow a
     * non-atomic import.
     *
     * @param file the archive
     * @param options the import options
     * @param operation progress and cancellation
     * @return what the import did
     * @throws InvalidArchiveException if the archive is invalid (nothing was imported)
     */
    public ImportResult importArchive(ArchiveFile file, ImportOptions options, Operation operation) {
        long start = System.nanoTime();
        operation.log().info("[{}] import started: {}", operation.id(), options);
        boolean first = options.validationFirst() || options.nonAtomicImportAllowed();
        Validator.Outcome<U> outcome = validator().validate(file, options.tables(), operation,
                first ? Validator.Depth.ROWS : Validator.Depth.PLAN);
        requireValid(outcome);
        return new Importer<>(host, settings).run(file, outcome, options, operation, start, !first);
    }

    private Validator<U> validator() {
        return new Validator<>(host, migrations, settings);
    }

    private static void requireValid(Validator.Outcome<?> outcome) {
        if (!outcome.report().valid()) {
            throw new InvalidArchiveException(outcome.report());
        }
    }
}
