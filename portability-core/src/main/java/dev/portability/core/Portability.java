package dev.portability.core;

import dev.portability.api.ArchiveLimits;
import dev.portability.api.ConfigurationException;
import dev.portability.api.ErrorCode;
import dev.portability.api.ExportOptions;
import dev.portability.api.ExportResult;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportResult;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.Manifest;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.ProgressListener;
import dev.portability.api.Statistics;
import dev.portability.api.StoreException;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import dev.portability.api.migration.Migration;
import dev.portability.api.spi.DataStore;
import dev.portability.core.internal.Engine;
import dev.portability.core.internal.archive.ArchiveFile;
import dev.portability.core.internal.archive.ArchiveVerifier;
import dev.portability.core.internal.engine.Host;
import dev.portability.core.internal.engine.Operation;
import dev.portability.core.internal.export.Exporter;
import dev.portability.core.internal.migration.MigrationRegistry;
import dev.portability.core.internal.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Export all of an application's data to one archive file, and import it back: the entry point of Portability.
 *
 * <pre>{@code
 * Portability portability = Portability.builder().application("shop").schemaVersion(3)
 *         .store(JdbcStore.discover(dataSource)).build();
 * portability.export(Path.of("backup.zip"));
 * portability.importArchive(Path.of("backup.zip"), ImportOptions.replace());
 * }</pre>
 *
 * <p>An instance is immutable and thread-safe; build it once and share it. Each call opens its own unit of work
 * on the store. Archives are untrusted input: every method that reads one checks all of it, and an import leaves
 * the target exactly as it was unless the whole archive is valid (it checks each row as it writes it and rolls
 * back at the first problem; see {@link #importArchive(Path, ImportOptions)}).
 */
public final class Portability {

    private static final String LIBRARY_VERSION = libraryVersion();

    private final Engine<?> engine;
    private final ProgressListener listener;

    private Portability(Builder builder) {
        this.engine = Engine.of(new Host<>(builder.application, builder.schemaVersion, builder.store),
                MigrationRegistry.of(builder.migrations, builder.schemaVersion),
                Validator.Settings.of(builder.limits, builder.maxProblems), LIBRARY_VERSION);
        this.listener = builder.listener;
    }

    /** @return a builder for a new instance */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the version of the Portability library, as written into every archive's manifest */
    public static String version() {
        return LIBRARY_VERSION;
    }

    /**
     * The application id this instance writes into archives and requires of the archives it imports.
     *
     * @return the id set with {@link Builder#application(String)}
     */
    public String application() {
        return engine.host().application();
    }

    /**
     * The current version of the application's data schema: written into archives; older archives are upgraded by
     * the registered migration steps, newer ones are refused.
     *
     * @return the version set with {@link Builder#schemaVersion(int)}, 0 or more
     */
    public int schemaVersion() {
        return engine.host().schemaVersion();
    }

    /**
     * The limits that stop hostile or runaway archives. A host that accepts uploads keeps its own upload limit at
     * or below {@link ArchiveLimits#maxArchiveBytes()}.
     *
     * @return the limits set with {@link Builder#limits(ArchiveLimits)}, or {@link ArchiveLimits#defaults()}
     */
    public ArchiveLimits limits() {
        return engine.settings().limits();
    }

    /** @return the host's tables, referenced tables first (the order of export and import) */
    public List<TableSchema> tables() {
        return engine.host().order().writeOrder();
    }

    /**
     * Counts the rows of every table, in one consistent snapshot.
     *
     * @return the counts
     * @throws StoreException if the store fails
     */
    public Statistics stats() {
        return engine.stats();
    }

    /**
     * Exports every table to an archive file with the default options (verified after writing).
     *
     * @param target the archive file to create or replace
     * @return what was written
     * @see #export(Path, ExportOptions)
     */
    public ExportResult export(Path target) {
        return export(target, ExportOptions.defaults());
    }

    /**
     * Exports to an archive file. The archive is written to a temporary file beside {@code target}, verified
     * (unless turned off) and only then moved into place: {@code target} never holds a partial archive, and an
     * existing file there is replaced only on success.
     *
     * @param target the archive file to create or replace
     * @param options what to export, and how
     * @return what was written
     * @throws PortabilityException with {@link ErrorCode#IO_FAILURE} if writing fails, or
     *     {@link ErrorCode#EXPORT_VERIFICATION_FAILED} if the written archive differs from what was written
     * @throws StoreException if reading the store fails
     */
    public ExportResult export(Path target, ExportOptions options) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        Path absolute = target.toAbsolutePath();
        Operation operation = operation("export", options.listener().orElse(listener),
                options.cancellation().orElse(null));
        Path temp = null;
        try {
            temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".",
                    ".portability.tmp");
            ExportResult result = exportTo(temp, options, operation);
            Exporter.moveIntoPlace(temp, absolute);
            temp = null;
            operation.log().info("[{}] exported {} rows of {} tables to {} ({} bytes)", operation.id(),
                    result.totalRows(), result.tables().size(), absolute, result.archiveBytes());
            return result;
        } catch (IOException e) {
            throw new PortabilityException(ErrorCode.IO_FAILURE, "Export to " + absolute + " failed: " + e
                    + ". No archive was written; check the directory exists, is writable and has space.", e);
        } finally {
            operation.close();
            deleteQuietly(temp);
        }
    }

    /**
     * Exports to a stream, such as an HTTP response. The archive is first written to and verified in a temporary
     * file, then copied to {@code out}, so a failure before the copy sends nothing.
     *
     * @param out the stream; not closed
     * @param options what to export, and how
     * @return what was written
     */
    public ExportResult export(OutputStream out, ExportOptions options) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        Operation operation = operation("export", options.listener().orElse(listener),
                options.cancellation().orElse(null));
        Path temp = null;
        try {
            temp = Files.createTempFile("portability-export-", ".zip");
            ExportResult result = exportTo(temp, options, operation);
            Files.copy(temp, out);
            out.flush();
            return result;
        } catch (IOException e) {
            throw new PortabilityException(ErrorCode.IO_FAILURE, "Export to a stream failed: " + e
                    + ". The stream may have received part of the archive; discard it.", e);
        } finally {
            operation.close();
            deleteQuietly(temp);
        }
    }

    private ExportResult exportTo(Path file, ExportOptions options, Operation operation) throws IOException {
        ExportResult result;
        try (OutputStream out = Files.newOutputStream(file)) {
            result = engine.export(out, options, operation);
        }
        if (!options.verify()) {
            return result;
        }
        operation.started(dev.portability.api.Phase.VERIFYING, null, result.totalRows());
        List<String> differences = ArchiveVerifier.verify(file, result.tables(), operation.workers());
        if (!differences.isEmpty()) {
            throw new PortabilityException(ErrorCode.EXPORT_VERIFICATION_FAILED, "Export failed: the archive "
                    + "read back differs from what was written (" + String.join("; ", differences)
                    + "). The disk or file system may be failing; no archive was kept.");
        }
        operation.finished(dev.portability.api.Phase.VERIFYING, null, result.totalRows(), result.totalRows(), 0);
        return new ExportResult(result.tables(), result.archiveBytes(), true, result.duration());
    }

    /**
     * Reads what an archive's manifest says, without checking its content.
     *
     * @param archive the archive file
     * @return the manifest's information
     * @throws InvalidArchiveException if the file is not an archive or its manifest is missing or invalid
     */
    public Manifest inspect(Path archive) {
        ValidationReport report = withArchive(archive, operation("inspect", ProgressListener.NONE, null),
                engine::inspect);
        return report.archiveInfo().orElseThrow(() -> new InvalidArchiveException(report));
    }

    /**
     * Validates an archive file against the format and this application's tables, reading all of it once. Keys
     * are checked as the store compares them: two rows whose keys the store takes for one (a case-insensitive
     * collation) are a {@link ErrorCode#DUPLICATE_KEY}. A table of the archive that the store keeps where writes
     * cannot roll back is reported too ({@link ErrorCode#NON_TRANSACTIONAL_TABLE}), as an import with default
     * options refuses it. To check for an import with given options, see {@link #validate(Path, ImportOptions)}.
     *
     * @param archive the archive file
     * @return the report listing every problem found (valid when there is none)
     */
    public ValidationReport validate(Path archive) {
        try {
            return withArchive(archive, operation("validate", listener, null), engine::validate);
        } catch (InvalidArchiveException e) {
            return e.report(); // not even a ZIP: the report says so
        }
    }

    /**
     * Validates an archive file, reporting progress to a listener of this call (instead of the builder's) and
     * stopping when cancelled.
     *
     * @param archive the archive file
     * @param progressListener receives the VALIDATING events of this call
     * @param cancellation checked between rows; null for none
     * @return the report listing every problem found (valid when there is none)
     * @throws dev.portability.api.OperationCancelledException if cancelled (nothing is ever written by
     *     validation)
     */
    public ValidationReport validate(Path archive, ProgressListener progressListener,
            dev.portability.api.Cancellation cancellation) {
        Objects.requireNonNull(progressListener, "progressListener");
        try {
            return withArchive(archive, operation("validate", progressListener, cancellation),
                    engine::validate);
        } catch (InvalidArchiveException e) {
            return e.report(); // not even a ZIP: the report says so
        }
    }

    /**
     * Validates an archive read from a stream of unknown length (an upload). The stream is spooled to a
     * temporary file, which is deleted before this method returns, whatever happens.
     *
     * @param archive the stream; read to its end, not closed
     * @return the report
     */
    public ValidationReport validate(InputStream archive) {
        try {
            return spooled(archive, this::validate);
        } catch (InvalidArchiveException e) {
            return e.report(); // larger than maxArchiveBytes: the report says so
        }
    }

    /**
     * Validates an archive file as an import with the given options would, writing nothing: everything
     * {@link #validate(Path)} checks, and then what would make the import refuse before writing, each as a problem
     * with the {@link ErrorCode} and message the import would give: MERGE into a table without a primary key
     * ({@link ErrorCode#NO_PRIMARY_KEY}), a foreign-key cycle the target cannot load
     * ({@link ErrorCode#FOREIGN_KEY_CYCLE}), and under MERGE with policy FAIL keys that already exist
     * ({@link ErrorCode#CONFLICTS}, looked up in the target). The archive is valid for these options exactly
     * when the import would go ahead (short of failures while writing).
     *
     * @param archive the archive file
     * @param options the import options to check for (mode, conflict policy, tables)
     * @return the report listing every problem found
     */
    public ValidationReport validate(Path archive, ImportOptions options) {
        Objects.requireNonNull(options, "options");
        try {
            return withArchive(archive, operation("validate", options), (file, operation) ->
                    engine.validate(file, options, operation));
        } catch (InvalidArchiveException e) {
            return e.report();
        }
    }

    /**
     * Validates an archive read from a stream of unknown length as an import with the given options would; see
     * {@link #validate(Path, ImportOptions)}. The stream is spooled to a temporary file, which is deleted before
     * this method returns.
     *
     * @param archive the stream; read to its end, not closed
     * @param options the import options to check for
     * @return the report
     */
    public ValidationReport validate(InputStream archive, ImportOptions options) {
        Objects.requireNonNull(options, "options");
        try {
            return spooled(archive, path -> validate(path, options));
        } catch (InvalidArchiveException e) {
            return e.report();
        }
    }

    /**
     * Computes what importing an archive with the given options would do, without writing anything: per table the
     * rows that are new and those whose key exists (keys compared as the store compares them), and every reason
     * the import would be refused before writing ({@link ImportPreview#refusals()}, with the codes and messages
     * the import would give).
     *
     * @param archive the archive file
     * @param options the import options to preview
     * @return the preview
     * @throws InvalidArchiveException if the archive is invalid (as the import would)
     */
    public ImportPreview preview(Path archive, ImportOptions options) {
        Objects.requireNonNull(options, "options");
        return withArchive(archive, operation("preview", options), (file, operation) ->
                engine.preview(file, options, operation));
    }

    /**
     * Previews the import of an archive read from a stream; see {@link #preview(Path, ImportOptions)}.
     *
     * @param archive the stream; read to its end, not closed
     * @param options the import options to preview
     * @return the preview
     */
    public ImportPreview preview(InputStream archive, ImportOptions options) {
        return spooled(archive, path -> preview(path, options));
    }

    /**
     * Imports an archive file in one unit of work. On any failure nothing is written and every table is left
     * exactly as it was.
     *
     * <p>By default the import reads the archive once: the container, the manifest and the tables' schemas are
     * checked first, and everything that would make the import refuse (conflicts under MERGE with FAIL, triggers,
     * cascades, foreign-key cycles the store cannot load, tables that cannot roll back) is found before the first
     * write; each row is then checked (checksums, row counts, values, duplicate keys, the target's limits),
     * migrated and written in the same streaming pass, and the first problem rolls the import back and is
     * reported alone. {@link #validate(Path)} lists every problem of an archive.
     * {@link ImportOptions#withValidationFirst(boolean)} validates the whole archive before the first write
     * instead, as imports that may write tables that cannot roll back always do.
     *
     * @param archive the archive file
     * @param options mode, conflict policy, tables, batch size, progress and cancellation
     * @return what the import did
     * @throws InvalidArchiveException if the archive is invalid (nothing was imported: refused before writing,
     *     or rolled back at the first problem found while writing)
     * @throws dev.portability.api.ImportRefusedException if the import cannot be done as asked: MERGE into a table
     *     without a primary key, a foreign-key cycle the store cannot load (nothing was written)
     * @throws dev.portability.api.ImportConflictException under MERGE with policy FAIL when keys exist
     * @throws StoreException if the store fails (the import was rolled back)
     * @throws dev.portability.api.OperationCancelledException if cancelled (the import was rolled back)
     */
    public ImportResult importArchive(Path archive, ImportOptions options) {
        Objects.requireNonNull(options, "options");
        return withArchive(archive, operation("import", options), (file, operation) ->
                engine.importArchive(file, options, operation));
    }

    /**
     * Imports an archive read from a stream of unknown length (an upload). The stream is spooled to a temporary
     * file, which is deleted before this method returns, whatever happens; see
     * {@link #importArchive(Path, ImportOptions)}.
     *
     * @param archive the stream; read to its end, not closed
     * @param options the import options
     * @return what the import did
     */
    public ImportResult importArchive(InputStream archive, ImportOptions options) {
        return spooled(archive, path -> importArchive(path, options));
    }

    /** An operation with the options' listener (else the builder's) and cancellation. */
    private Operation operation(String kind, ImportOptions options) {
        return operation(kind, options.listener().orElse(listener), options.cancellation().orElse(null));
    }

    private Operation operation(String kind, ProgressListener progress, dev.portability.api.Cancellation cancel) {
        return new Operation(kind, progress, cancel);
    }

    @FunctionalInterface
    private interface ArchiveWork<T> {
        T apply(ArchiveFile archive, Operation operation);
    }

    /** Opens the archive for the operation, runs the work, and ends both; the operation's threads end with it. */
    private <T> T withArchive(Path path, Operation operation, ArchiveWork<T> work) {
        try (operation) {
            Objects.requireNonNull(path, "archive");
            if (!Files.isRegularFile(path)) {
                throw new PortabilityException(ErrorCode.IO_FAILURE, "Archive " + path.toAbsolutePath()
                        + " does not exist or is not a file.");
            }
            ArchiveFile archive;
            try {
                archive = ArchiveFile.open(path, limits(), operation.workers());
            } catch (ArchiveFile.ArchiveUnreadableException e) {
                throw new InvalidArchiveException(new ValidationReport(null, List.of(e.problem()), 1, List.of()));
            }
            try (archive) {
                return work.apply(archive, operation);
            } catch (IOException e) {
                throw new PortabilityException(ErrorCode.IO_FAILURE, "Closing archive " + path.toAbsolutePath()
                        + " failed: " + e.getMessage() + ". The operation itself had finished.", e);
            }
        }
    }

    private <T> T spooled(InputStream in, java.util.function.Function<Path, T> work) {
        Objects.requireNonNull(in, "archive");
        Path temp = null;
        try {
            temp = Files.createTempFile("portability-upload-", ".zip");
            long limit = limits().maxArchiveBytes();
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > limit) {
                        throw new InvalidArchiveException(new ValidationReport(null, List.of(new Problem(
                                ErrorCode.LIMIT_EXCEEDED, "the uploaded archive is larger than " + limit + " bytes "
                                + "(limit maxArchiveBytes; if you trust it, raise it with "
                                + "ArchiveLimits.withMaxArchiveBytes(...)); reading stopped there", null, null, null,
                                null)), 1, List.of()));
                    }
                    out.write(buffer, 0, n);
                }
            }
            return work.apply(temp);
        } catch (IOException e) {
            throw new PortabilityException(ErrorCode.IO_FAILURE, "Reading the archive stream failed: " + e
                    + ". Nothing was imported.", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger("dev.portability").warn("cannot delete temporary file {}", path,
                        e);
            }
        }
    }

    private static String libraryVersion() {
        try (InputStream in = Portability.class.getResourceAsStream("portability.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Configures a {@link Portability} instance. Settings are checked as they are set; {@link #build()} copies
     * them, so the builder can be reused.
     */
    public static final class Builder {
        private String application;
        private int schemaVersion = 1;
        private DataStore<?> store;
        private ProgressListener listener = ProgressListener.NONE;
        private ArchiveLimits limits = ArchiveLimits.defaults();
        private int maxProblems = 1000;
        private List<Migration> migrations = List.of();

        private Builder() {
        }

        /**
         * Sets the application id written into archives; an import refuses archives of another application.
         *
         * @param id a stable id such as {@code "shop"}; 1 to 256 characters
         * @return this builder
         * @throws ConfigurationException if blank or too long
         */
        public Builder application(String id) {
            if (id == null || id.isBlank() || id.length() > 256) {
                throw new ConfigurationException("application: must be 1 to 256 characters and not blank, was "
                        + (id == null ? "null" : "'" + id + "'"));
            }
            this.application = id;
            return this;
        }

        /**
         * Sets the current version of the application's data schema (default 1). Archives record it; older
         * archives are upgraded by registered migrations, newer ones are refused.
         *
         * @param version 0 or more
         * @return this builder
         * @throws ConfigurationException if negative
         */
        public Builder schemaVersion(int version) {
            if (version < 0) {
                throw new ConfigurationException("schemaVersion: must be 0 or more, was " + version);
            }
            this.schemaVersion = version;
            return this;
        }

        /**
         * Sets the migration steps that upgrade archives of older schema versions to {@link #schemaVersion(int)},
         * replacing any set before. The steps must form one chain, in any order: each version from the oldest
         * step's start to the current version is reached by exactly one step. {@link #build()} checks that.
         *
         * <pre>{@code
         * .schemaVersion(3).migrations(
         *         Migration.from(1).to(2).renameTable("clients", "customers").build(),
         *         Migration.from(2).to(3).dropColumn("customers", "fax").build())
         * }</pre>
         *
         * @param steps the steps; none means only archives of the current version are accepted
         * @return this builder
         * @see Migration
         */
        public Builder migrations(Migration... steps) {
            List<Migration> list = new ArrayList<>(steps.length);
            for (int i = 0; i < steps.length; i++) {
                list.add(Objects.requireNonNull(steps[i], "migrations[" + i + "]"));
            }
            this.migrations = List.copyOf(list);
            return this;
        }

        /**
         * Sets the store: the tables and how to work on them atomically, e.g.
         * {@code JdbcStore.discover(dataSource)} from {@code portability-jdbc}.
         *
         * @param dataStore the store
         * @return this builder
         */
        public Builder store(DataStore<?> dataStore) {
            this.store = Objects.requireNonNull(dataStore, "store");
            return this;
        }

        /**
         * Sets the default progress listener; an operation's options may set another.
         *
         * @param progressListener the listener
         * @return this builder
         */
        public Builder listener(ProgressListener progressListener) {
            this.listener = Objects.requireNonNull(progressListener, "listener");
            return this;
        }

        /**
         * Sets the limits that stop hostile or runaway archives (default {@link ArchiveLimits#defaults()}).
         *
         * @param archiveLimits the limits
         * @return this builder
         */
        public Builder limits(ArchiveLimits archiveLimits) {
            this.limits = Objects.requireNonNull(archiveLimits, "limits");
            return this;
        }

        /**
         * Sets how many problems a validation report lists at most (default 1000); all are counted.
         *
         * @param max 1 or more
         * @return this builder
         * @throws ConfigurationException if below 1
         */
        public Builder maxProblems(int max) {
            if (max < 1) {
                throw new ConfigurationException("maxProblems: must be 1 or more, was " + max);
            }
            this.maxProblems = max;
            return this;
        }

        /**
         * Builds the instance, reading the store's table list once.
         *
         * @return the immutable instance
         * @throws ConfigurationException if the application id or the store is missing, the store's tables are
         *     inconsistent, or the migration steps overlap, leave a gap, or lead past or stop short of the schema
         *     version
         */
        public Portability build() {
            if (application == null) {
                throw new ConfigurationException("application: not set; call application(\"your-app-id\")");
            }
            if (store == null) {
                throw new ConfigurationException("store: not set; call store(...) with your DataStore, e.g. "
                        + "JdbcStore.discover(dataSource)");
            }
            return new Portability(this);
        }
    }
}
