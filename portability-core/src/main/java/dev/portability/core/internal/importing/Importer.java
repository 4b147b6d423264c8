package dev.portability.core.internal.importing;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportConflictException;
import dev.portability.api.ImportMode;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportRefusedException;
import dev.portability.api.ImportResult;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.Key;
import dev.portability.api.Manifest;
import dev.portability.api.OutsideChange;
import dev.portability.api.Phase;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.StoreException;
import dev.portability.api.TableImportResult;
import dev.portability.api.TablePreview;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.UnitOfWork;
import dev.portability.core.internal.archive.ArchiveFile;
import dev.portability.core.internal.archive.LimitExceededException;
import dev.portability.core.internal.engine.CycleWrites;
import dev.portability.core.internal.engine.DuplicateKeys;
import dev.portability.core.internal.engine.Handoff;
import dev.portability.core.internal.engine.Host;
import dev.portability.core.internal.engine.Operation;
import dev.portability.core.internal.engine.TableOrder;
import dev.portability.core.internal.engine.TablePlan;
import dev.portability.core.internal.validation.RowKeys;
import dev.portability.core.internal.validation.TableRows;
import dev.portability.core.internal.validation.TargetKeys;
import dev.portability.core.internal.validation.Validator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Previews and executes imports of a validated archive. An import is one unit of work: any failure rolls
 * everything back and the target is left exactly as it was.
 *
 * @param <U> the store's unit of work
 */
public final class Importer<U extends UnitOfWork> {

    private final Host<U> host;
    private final Validator.Settings settings;
    /**
     * For a one-pass import, which checks each row's key while writing: the target's comparison of keys, in the
     * import's own unit of work, on the writing thread (the reading thread checks keys by value); null when the
     * archive was validated before writing.
     */
    private TargetKeys<U> targetKeys;
    /** The tables whose keys a one-pass import has checked: each in its first pass over the rows, not again. */
    private final java.util.Set<String> keysChecked = new java.util.HashSet<>();

    /**
     * @param host the host
     * @param settings the JSON limits for reading entries
     */
    public Importer(Host<U> host, Validator.Settings settings) {
        this.host = host;
        this.settings = settings;
    }

    /**
     * Computes what an import would do, writing nothing: per table the counts, the triggers its writes would fire,
     * the rows outside the import a REPLACE would change, and whether it can roll back; and every reason the
     * import would be refused.
     *
     * @param archive the archive
     * @param outcome its successful validation
     * @param options the import options to preview
     * @param operation progress and cancellation
     * @return the preview
     */
    public ImportPreview preview(ArchiveFile archive, Validator.Outcome<U> outcome, ImportOptions options,
            Operation operation) {
        List<TablePreview> tables = new ArrayList<>();
        Safeguards<U> guard = Safeguards.of(host, outcome.tables(), options);
        host.store().inUnitOfWork(Access.READ, work -> {
            guard.checkTriggers(work);
            List<TablePlan<U>> plans = guard.plans();
            operation.started(Phase.PREVIEWING, null, plans.size());
            Map<String, List<Key>> missing = new LinkedHashMap<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, KeyScan> scans = new LinkedHashMap<>();
            Map<String, Long> before = count(plans, work);
            for (TablePlan<U> plan : plans) {
                long targetRows = before.get(plan.table());
                boolean inPlace = guard.inPlace().contains(plan.table());
                KeyScan scan = scanKeys(archive, plan, work, options.batchSize(), operation, Phase.PREVIEWING,
                        inPlace);
                if (inPlace) {
                    missing.put(plan.table(), missingKeys(plan, work, scan.hashes));
                }
                counts.put(plan.table(), targetRows);
                scans.put(plan.table(), scan);
            }
            List<OutsideChange> outside = outsideChanges(guard, work, missing);
            for (TablePlan<U> plan : plans) {
                KeyScan scan = scans.get(plan.table());
                long targetRows = counts.get(plan.table());
                List<OutsideChange> own = new ArrayList<>();
                outside.stream().filter(c -> c.importedTable().equals(plan.table())).forEach(own::add);
                tables.add(new TablePreview(plan.table(), scan.rows, scan.rows - scan.existing, scan.existing,
                        scan.sample, targetRows, targetRows - scan.existing, guard.triggers(plan.table()), own,
                        Safeguards.nonTransactionalEngine(plan.adapter())));
            }
            operation.finished(Phase.PREVIEWING, null, plans.size(), plans.size(), 0);
            return null;
        });
        return new ImportPreview(options.mode(), options.conflictPolicy(), tables,
                outcome.report().migrationSteps(), refusals(ImportRefusals.of(host, outcome.tables(), options), guard));
    }

    /** The refusals of the tables themselves ({@link ImportRefusals}), then those of the safeguards. */
    private static List<Problem> refusals(List<Problem> tableRefusals, Safeguards<?> guard) {
        List<Problem> all = new ArrayList<>(tableRefusals);
        all.addAll(guard.refusals());
        return all;
    }

    /**
     * Everything that would make an import of a validated archive with these options refuse before writing, as
     * problems, found as the preview finds them: the preview's {@link ImportPreview#refusals() refusals} (what
     * {@link ImportRefusedException} would carry), then under MERGE with policy FAIL one
     * {@link ErrorCode#CONFLICTS} problem per table whose keys exist.
     *
     * @param archive the archive
     * @param outcome its successful validation
     * @param options the import options
     * @param operation progress and cancellation
     * @return the problems, refusals first; empty when the import would go ahead
     */
    public List<Problem> refusals(ArchiveFile archive, Validator.Outcome<U> outcome, ImportOptions options,
            Operation operation) {
        ImportPreview preview = preview(archive, outcome, options, operation);
        List<Problem> problems = new ArrayList<>(preview.refusals());
        if (options.mode() == ImportMode.MERGE && options.conflictPolicy() == ConflictPolicy.FAIL) {
            for (TablePreview table : preview.tables()) {
                if (table.conflicts() > 0) {
                    TablePlan<U> plan = outcome.tables().stream().filter(p -> p.table().equals(table.table()))
                            .findFirst().orElseThrow();
                    problems.add(ImportRefusals.conflicts(plan, table.conflicts(), table.sampleConflictKeys()));
                }
            }
        }
        return problems;
    }

    /**
     * Asks the store what deleting the rows a REPLACE in place lacks would change outside the import, and records
     * the refusals that follow.
     */
    private List<OutsideChange> outsideChanges(Safeguards<U> guard, U work, Map<String, List<Key>> missing) {
        Map<String, List<Key>> deleted = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        missing.forEach((table, keys) -> {
            counts.put(table, (long) keys.size());
            if (!keys.isEmpty()) {
                deleted.put(table, keys);
            }
        });
        if (deleted.isEmpty()) {
            return List.of();
        }
        List<OutsideChange> changes = store(null, "checking what deleting rows changes outside the import",
                () -> host.store().outsideChanges(work, guard.scope(), deleted));
        guard.checkOutsideChanges(changes, counts);
        return changes;
    }

    /**
     * The keys of the target's rows that the archive lacks: every target row's key is looked up among the hashes
     * of the archive's keys. A key whose hash is absent is certainly missing; a missing key whose hash collides
     * with an archive key's (a one in 2^64 chance per pair) is kept, and the count check after the import finds it.
     */
    private List<Key> missingKeys(TablePlan<U> plan, U work, LongSet archiveKeys) {
        TableSchema schema = plan.mapping().target();
        List<Key> missing = new ArrayList<>();
        store(plan, "reading the keys of", () -> {
            plan.adapter().read(work, row -> {
                Key key = schema.keyOf(row);
                if (!archiveKeys.contains(DuplicateKeys.hash(key.values().toArray()))) {
                    missing.add(key);
                }
            });
            return 0L;
        });
        return missing;
    }

    /**
     * Imports a validated archive.
     *
     * @param archive the archive
     * @param outcome its successful validation
     * @param options the import options
     * @param operation progress and cancellation
     * @param startNanos when the import started (validation included)
     * @param onePass true when the outcome checked only the manifest and plans ({@link Validator.Depth#PLAN}):
     *     every row is then checked while it is read for writing (values, checksums, row counts, duplicate keys),
     *     and the first problem rolls the import back
     * @return what the import did
     */
    public ImportResult run(ArchiveFile archive, Validator.Outcome<U> outcome, ImportOptions options,
            Operation operation, long startNanos, boolean onePass) {
        boolean merge = options.mode() == ImportMode.MERGE;
        List<Problem> tableRefusals = ImportRefusals.of(host, outcome.tables(), options);
        Safeguards<U> guard = Safeguards.of(host, outcome.tables(), options);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Written<U> written;
        try {
            written = host.store().inUnitOfWork(Access.WRITE, work -> {
                targetKeys = onePass ? new TargetKeys<>(work) : null;
                guard.checkTriggers(work);
                List<TablePlan<U>> plans = guard.plans();
                TableOrder order = guard.order();
                Map<String, Long> before = count(plans, work);
                for (TablePlan<U> plan : plans) {
                    Tally tally = new Tally();
                    tally.before = before.get(plan.table());
                    tallies.put(plan.table(), tally);
                }
                Map<String, List<Key>> missing = new LinkedHashMap<>();
                for (TablePlan<U> plan : plans) {
                    if (guard.inPlace().contains(plan.table())) {
                        KeyScan scan = scanKeys(archive, plan, work, options.batchSize(), operation, Phase.VALIDATING,
                                true);
                        missing.put(plan.table(), missingKeys(plan, work, scan.hashes));
                    }
                }
                // every refusal, as the preview lists them
                outsideChanges(guard, work, missing);
                List<Problem> refusals = refusals(tableRefusals, guard);
                if (!refusals.isEmpty()) {
                    throw new ImportRefusedException(refusals);
                }
                if (merge && options.conflictPolicy() == ConflictPolicy.FAIL) {
                    refuseConflicts(archive, plans, work, options, operation);
                }
                store(null, "preparing the target", () -> {
                    host.store().prepareImport(work, guard.scope());
                    return 0L;
                });
                if (!merge) {
                    List<TablePlan<U>> whole = new ArrayList<>();
                    plans.stream().filter(p -> !guard.inPlace().contains(p.table())).forEach(whole::add);
                    deleteAll(whole, work, tallies, operation);
                }
                operation.started(Phase.WRITING, null, outcome.info().totalRows());
                List<Runnable> secondPasses = new ArrayList<>();
                for (int i = 0; i < plans.size(); i++) {
                    TablePlan<U> plan = plans.get(i);
                    store(plan, "preparing to write", () -> {
                        plan.adapter().beforeWrite(work);
                        return 0L;
                    });
                    writeTable(archive, plan, order, work, options, guard.inPlace().contains(plan.table()),
                            tallies.get(plan.table()), operation, secondPasses);
                    if (i == plans.size() - 1 || order.component(plans.get(i + 1).table())
                            != order.component(plan.table())) {
                        // only now does every row exist that a self- or cyclic reference of this component points at
                        secondPasses.forEach(Runnable::run);
                        secondPasses.clear();
                    }
                }
                operation.finished(Phase.WRITING, null, outcome.info().totalRows(), outcome.info().totalRows(), 0);
                if (!guard.inPlace().isEmpty()) {
                    deleteMissing(plans, missing, work, tallies, options, operation);
                }
                List<TableImportResult> results = finish(plans, outcome.info(), work, tallies, merge, operation);
                operation.checkCancelled("committing");
                operation.log().info("[{}] committing the import", operation.id());
                return new Written<>(plans, results);
            }, (work, done) -> Generators.afterCommit(done.plans(), outcome.info(), work, operation));
        } catch (PortabilityException e) {
            operation.log().info("[{}] import failed, rolled back: {}", operation.id(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            operation.log().info("[{}] import failed, rolled back: {}", operation.id(), e.getMessage());
            throw new StoreException("Import failed: " + e.getMessage()
                    + ". Nothing was imported: every table is as it was before.", false, e);
        }
        int tables = written.plans().size();
        operation.finished(Phase.COMMITTING, null, tables, tables, 0);
        operation.log().info("[{}] import committed: {} tables", operation.id(), tables);
        return new ImportResult(options.mode(), options.conflictPolicy(), written.results(),
                outcome.report().migrationSteps(), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** What an import's unit of work wrote: the tables in the order written, and what it did to each. */
    private record Written<U extends UnitOfWork>(List<TablePlan<U>> plans, List<TableImportResult> results) {
    }

    /**
     * The last step of a REPLACE in place: deletes the rows whose key the archive lacks, referencing tables first,
     * and checks that each table now holds exactly the archive's rows.
     */
    private void deleteMissing(List<TablePlan<U>> plans, Map<String, List<Key>> missing, U work,
            Map<String, Tally> tallies, ImportOptions options, Operation operation) {
        operation.started(Phase.DELETING, null, missing.size());
        for (int i = plans.size() - 1; i >= 0; i--) {
            TablePlan<U> plan = plans.get(i);
            List<Key> keys = missing.get(plan.table());
            if (keys == null) {
                continue;
            }
            operation.checkCancelled("deleting from table " + plan.table());
            operation.started(Phase.DELETING, plan.table(), keys.size());
            for (int from = 0; from < keys.size(); from += options.batchSize()) {
                List<Key> batch = keys.subList(from, Math.min(keys.size(), from + options.batchSize()));
                store(plan, "deleting the rows the archive lacks from", () -> {
                    plan.adapter().delete(work, batch);
                    return 0L;
                });
            }
            tallies.get(plan.table()).deleted = keys.size();
            operation.finished(Phase.DELETING, plan.table(), keys.size(), keys.size(), 0);
        }
        operation.finished(Phase.DELETING, null, missing.size(), missing.size(), 0);
        if (options.triggersFiring()) {
            return; // the host let triggers change the tables: no exact count to hold them to
        }
        for (TablePlan<U> plan : plans) {
            if (!missing.containsKey(plan.table())) {
                continue;
            }
            long rows = store(plan, "recounting", () -> plan.adapter().count(work));
            if (rows != plan.archived().rows()) {
                throw new StoreException("Import: after replacing table " + plan.table() + " in place it holds "
                        + rows + " rows, but the archive holds " + plan.archived().rows() + "; something else "
                        + "changed the table during the import (a cascade from a table outside the import, or "
                        + "another writer). Nothing was imported: every table is as it was before.", false, null);
            }
        }
    }

    private void refuseConflicts(ArchiveFile archive, List<TablePlan<U>> plans, U work, ImportOptions options,
            Operation operation) {
        Map<String, List<Key>> conflicts = new LinkedHashMap<>();
        long count = 0;
        for (TablePlan<U> plan : plans) {
            KeyScan scan = scanKeys(archive, plan, work, options.batchSize(), operation, Phase.VALIDATING);
            if (scan.existing > 0) {
                conflicts.put(plan.table(), scan.sample);
                count += scan.existing;
            }
        }
        if (count > 0) {
            throw new ImportConflictException(conflicts, count);
        }
    }

    private void deleteAll(List<TablePlan<U>> plans, U work, Map<String, Tally> tallies, Operation operation) {
        operation.started(Phase.DELETING, null, plans.size());
        Set<String> tables = new java.util.LinkedHashSet<>();
        plans.forEach(p -> tables.add(p.table()));
        Set<String> names = java.util.Collections.unmodifiableSet(tables);
        for (TablePlan<U> plan : plans) {
            store(plan, "preparing to delete the rows of", () -> {
                plan.adapter().beforeDeleteAll(work, names);
                return 0L;
            });
        }
        for (int i = plans.size() - 1; i >= 0; i--) {
            TablePlan<U> plan = plans.get(i);
            operation.checkCancelled("deleting table " + plan.table());
            operation.started(Phase.DELETING, plan.table(), tallies.get(plan.table()).before);
            long deleted = store(plan, "deleting the rows of", () -> plan.adapter().deleteAll(work));
            tallies.get(plan.table()).deleted = deleted;
            operation.finished(Phase.DELETING, plan.table(), deleted, deleted, 0);
        }
        operation.finished(Phase.DELETING, null, plans.size(), plans.size(), 0);
    }

    private void writeTable(ArchiveFile archive, TablePlan<U> plan, TableOrder order, U work,
            ImportOptions options, boolean inPlace, Tally tally, Operation operation, List<Runnable> secondPasses) {
        long start = System.nanoTime();
        TableSchema schema = plan.mapping().target();
        TableAdapter<U> adapter = plan.adapter();
        CycleWrites cycle = CycleWrites.of(order, schema, adapter);
        BitSet secondPass = cycle.any() ? new BitSet() : null;
        long total = plan.archived().rows();
        operation.started(Phase.WRITING, plan.table(), total);
        boolean merge = options.mode() == ImportMode.MERGE;
        // a REPLACE in place writes like a MERGE that overwrites: existing keys are updated, new keys inserted
        ConflictPolicy policy = inPlace ? ConflictPolicy.OVERWRITE : options.conflictPolicy();
        boolean lookUp = inPlace || merge && policy != ConflictPolicy.FAIL;
        forEachBatch(archive, plan, options.batchSize(), operation, Phase.WRITING, (batch, firstRow) -> {
            List<Row> rows = batch;
            if (secondPass != null) {
                rows = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    Row row = batch.get(i);
                    Row withoutForward = cycle.firstPass(row);
                    if (withoutForward != row) {
                        secondPass.set((int) (firstRow - 1 + i));
                    }
                    rows.add(withoutForward);
                }
            }
            String range = "archive rows " + firstRow + "-" + (firstRow + batch.size() - 1);
            if (!lookUp) {
                List<Row> insert = rows;
                store(plan, "inserting " + range + " into", () -> {
                    adapter.insert(work, insert);
                    return 0L;
                });
                tally.inserted += rows.size();
                return;
            }
            List<Key> keys = new ArrayList<>(rows.size());
            rows.forEach(r -> keys.add(schema.keyOf(r)));
            Set<Key> existing = store(plan, "looking up " + range + " in", () -> adapter.existingKeys(work, keys));
            List<Row> inserts = new ArrayList<>(rows.size());
            List<Row> updates = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (!existing.contains(keys.get(i))) {
                    inserts.add(rows.get(i));
                } else if (policy == ConflictPolicy.OVERWRITE) {
                    updates.add(rows.get(i));
                } else if (secondPass != null) {
                    secondPass.clear((int) (firstRow - 1 + i)); // skipped: its existing row stays as it is
                }
            }
            if (!inserts.isEmpty()) {
                store(plan, "inserting " + range + " into", () -> {
                    adapter.insert(work, inserts);
                    return 0L;
                });
            }
            if (!updates.isEmpty()) {
                store(plan, "overwriting " + range + " in", () -> {
                    adapter.update(work, updates);
                    return 0L;
                });
            }
            tally.inserted += inserts.size();
            tally.updated += updates.size();
            tally.skipped += policy == ConflictPolicy.SKIP ? existing.size() : 0;
        });
        if (secondPass != null && !secondPass.isEmpty()) {
            secondPasses.add(() -> updateForwardReferences(archive, plan, work, options.batchSize(), secondPass,
                    operation));
        }
        tally.duration = Duration.ofNanos(System.nanoTime() - start);
        operation.finished(Phase.WRITING, plan.table(), tally.inserted + tally.updated + tally.skipped, total, 0);
    }

    private void updateForwardReferences(ArchiveFile archive, TablePlan<U> plan, U work, int batchSize,
            BitSet rows, Operation operation) {
        forEachBatch(archive, plan, batchSize, operation, Phase.WRITING, (batch, firstRow) -> {
            List<Row> updates = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (rows.get((int) (firstRow - 1 + i))) {
                    updates.add(batch.get(i));
                }
            }
            if (!updates.isEmpty()) {
                store(plan, "setting the self- or cyclic references of archive rows " + firstRow + "-"
                        + (firstRow + batch.size() - 1) + " in", () -> {
                            plan.adapter().update(work, updates);
                            return 0L;
                        });
            }
        });
    }

    private List<TableImportResult> finish(List<TablePlan<U>> plans, Manifest info, U work,
            Map<String, Tally> tallies, boolean merge, Operation operation) {
        // REPLACE: the archive's rows (inserted, or updated in place); MERGE: the rows before and the new ones
        operation.started(Phase.COMMITTING, null, plans.size());
        for (TablePlan<U> plan : plans) {
            store(plan, "finishing the import of", () -> {
                plan.adapter().afterImport(work);
                return 0L;
            });
            store(plan, "moving to the archive's positions the generators of", () -> {
                plan.adapter().advanceGenerators(work, Generators.of(plan, info));
                return 0L;
            });
        }
        List<TableImportResult> results = new ArrayList<>();
        Map<String, Long> after = count(plans, work);
        for (TablePlan<U> plan : plans) {
            Tally tally = tallies.get(plan.table());
            long expected = merge ? tally.before + tally.inserted : tally.inserted + tally.updated;
            long actual = after.get(plan.table());
            if (actual != expected) {
                operation.log().warn("[{}] table {} holds {} rows after the import, expected {}", operation.id(),
                        plan.table(), actual, expected);
            }
            results.add(new TableImportResult(plan.table(), tally.inserted, tally.updated, tally.skipped,
                    tally.deleted, expected, actual, tally.duration));
        }
        return results;
    }

    /**
     * Counts the rows of every planned table, in as few round trips as the store can
     * ({@link dev.portability.api.spi.DataStore#count}); a table that fails is named, as when counted alone.
     */
    private Map<String, Long> count(List<TablePlan<U>> plans, U work) {
        if (plans.size() == 1) {
            TablePlan<U> plan = plans.get(0);
            return Map.of(plan.table(), store(plan, "counting", () -> plan.adapter().count(work)));
        }
        List<String> names = new ArrayList<>();
        plans.forEach(p -> names.add(p.table()));
        return store(null, "counting the rows of the imported tables", () -> host.store().count(work, names));
    }

    private KeyScan scanKeys(ArchiveFile archive, TablePlan<U> plan, U work, int batchSize, Operation operation,
            Phase phase) {
        return scanKeys(archive, plan, work, batchSize, operation, phase, false);
    }

    /** Counts the archive's keys that exist in the target; with {@code hashes}, also keeps a hash of each key. */
    private KeyScan scanKeys(ArchiveFile archive, TablePlan<U> plan, U work, int batchSize, Operation operation,
            Phase phase, boolean hashes) {
        KeyScan scan = new KeyScan();
        scan.hashes = hashes ? new LongSet() : null;
        TableSchema schema = plan.mapping().target();
        operation.started(phase, plan.table(), plan.archived().rows());
        forEachBatch(archive, plan, batchSize, operation, phase, (batch, firstRow) -> {
            scan.rows += batch.size();
            if (!schema.hasPrimaryKey()) {
                return;
            }
            List<Key> keys = new ArrayList<>(batch.size());
            batch.forEach(r -> keys.add(schema.keyOf(r)));
            if (scan.hashes != null) {
                keys.forEach(k -> scan.hashes.add(DuplicateKeys.hash(k.values().toArray())));
            }
            Set<Key> existing = store(plan, "looking up archive rows " + firstRow + "-"
                    + (firstRow + batch.size() - 1) + " in", () -> plan.adapter().existingKeys(work, keys));
            scan.existing += existing.size();
            for (Key key : keys) {
                if (scan.sample.size() < TablePreview.SAMPLE_SIZE && existing.contains(key)) {
                    scan.sample.add(key);
                }
            }
        });
        operation.finished(phase, plan.table(), scan.rows, plan.archived().rows(), 0);
        return scan;
    }

    /** Receives one batch of host rows and the archive row number of its first row. */
    @FunctionalInterface
    private interface BatchHandler {
        public void accept(List<Row> batch, long firstRow);
    }

    /**
     * Streams a table's rows in batches to {@code handler} on the caller's thread, while a second thread reads,
     * checks and maps the rows of the next batches: reading the archive and writing the store overlap. A batch
     * ends after {@code batchSize} rows or {@link #BATCH_BYTES} bytes of the archive, whichever comes first, and
     * the reading thread starts no new batch while the batches handed over and not yet written hold
     * {@link #BATCH_BYTES} or more (nor more than {@link #BATCHES_AHEAD} of them): memory is bounded by rows and by
     * bytes, and rows of large values are read one at a time. A table whose entry the manifest declares at most
     * {@link #READ_INLINE_BYTES} long is read on the caller's thread, batch by batch as well: for a few rows, waking
     * a second thread costs more than the overlap gains (a schema of thousands of small tables).
     */
    private void forEachBatch(ArchiveFile archive, TablePlan<U> plan, int batchSize, Operation operation,
            Phase phase, BatchHandler handler) {
        long total = plan.archived().rows();
        archive.startPass();
        boolean checkKeys = targetKeys != null && keysChecked.add(plan.table());
        InFlight inFlight = new InFlight();
        List<Problem> collationProblems = new ArrayList<>();
        TargetKeys<U>.Table collated = checkKeys
                ? targetKeys.table(plan, settings.maxTrackedKeys(), collationProblems::add) : null;
        int[] keyIndexes = RowKeys.keyIndexes(plan.mapping().target());
        Consumer<Batch> write = batch -> {
            if (collated != null) {
                // the target compares the batch's keys before any of its rows is written: a key it takes for
                // an earlier one must never be written, nor taken by MERGE for an existing row
                for (int r = 0; r < batch.rows().size(); r++) {
                    collated.add(Key.of(RowKeys.values(batch.rows().get(r), keyIndexes)), batch.firstRow() + r);
                }
                collated.finish();
                if (!collationProblems.isEmpty()) {
                    throw changed(collationProblems);
                }
            }
            handler.accept(batch.rows(), batch.firstRow());
            inFlight.release(batch.size());
            operation.progress(phase, plan.table(), batch.firstRow() + batch.rows().size() - 1, total,
                    batch.bytes());
        };
        if (plan.archived().bytes() <= READ_INLINE_BYTES) {
            readBatches(archive, plan, batchSize, new Inline(write, operation, phase, plan.table()), inFlight,
                    checkKeys);
            return;
        }
        Handoff<Batch> handoff = new Handoff<>(BATCHES_AHEAD);
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        AtomicBoolean started = new AtomicBoolean();
        java.util.concurrent.Future<?> reader = operation.workers().submit(() -> {
            started.set(true);
            try {
                readBatches(archive, plan, batchSize, new Handed(handoff), inFlight, checkKeys);
            } finally {
                ended.countDown();
            }
        });
        try {
            while (true) {
                Batch batch = take(handoff, operation, phase, plan.table());
                if (batch == null) {
                    return;
                }
                write.accept(batch);
            }
        } finally {
            handoff.stop();
            // a reader cancelled before it started never runs; one that runs is interrupted and waited for, so
            // that it never reads on while the next pass starts
            reader.cancel(true);
            if (started.get()) {
                try {
                    ended.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The largest entry (uncompressed bytes, as the manifest declares) {@link #forEachBatch} reads inline. */
    private static final long READ_INLINE_BYTES = 256 * 1024;

    /** Where {@link #readBatches} puts the batches it reads, and says how the table's rows ended. */
    private interface BatchSink {
        /** @return false when the writer stopped: read no further */
        boolean put(Batch batch) throws InterruptedException;

        boolean stopped();

        void end() throws InterruptedException;

        void fail(RuntimeException failure) throws InterruptedException;
    }

    /** To the writing thread, through a hand-off. */
    private record Handed(Handoff<Batch> handoff) implements BatchSink {
        @Override
        public boolean put(Batch batch) throws InterruptedException {
            return handoff.put(batch);
        }

        @Override
        public boolean stopped() {
            return handoff.stopped();
        }

        @Override
        public void end() throws InterruptedException {
            handoff.end();
        }

        @Override
        public void fail(RuntimeException failure) throws InterruptedException {
            handoff.fail(failure);
        }
    }

    /** Written at once on the reading thread, which is the writing thread; a failure is thrown there. */
    private record Inline(Consumer<Batch> write, Operation operation, Phase phase, String table)
            implements BatchSink {
        @Override
        public boolean put(Batch batch) {
            operation.checkCancelled(phase.name().toLowerCase(java.util.Locale.ROOT) + " table " + table);
            write.accept(batch);
            return true;
        }

        @Override
        public boolean stopped() {
            return false;
        }

        @Override
        public void end() {
        }

        @Override
        public void fail(RuntimeException failure) {
            throw failure;
        }
    }

    /** How many batches the reading thread may prepare ahead of the writes. */
    private static final int BATCHES_AHEAD = 2;

    /**
     * The most bytes of the archive (uncompressed JSON) in one batch, and in the batches handed to the writing
     * thread and not yet written: what bounds the memory of rows with large values (docs/performance.md).
     */
    public static final long BATCH_BYTES = 16L << 20;

    /**
     * A batch of rows.
     *
     * @param bytes the entry's bytes read up to the batch's end, for progress
     * @param size the batch's own bytes of the entry
     */
    private record Batch(List<Row> rows, long firstRow, long bytes, long size) {
    }

    /** The bytes of the batches handed to the writing thread and not yet written. */
    private static final class InFlight {
        private long bytes;

        public synchronized void add(long size) {
            bytes += size;
        }

        public synchronized void release(long size) {
            bytes -= size;
            notifyAll();
        }

        /** Waits until fewer than {@link #BATCH_BYTES} are in flight, or the writer stopped. */
        public synchronized void awaitRoom(java.util.function.BooleanSupplier stopped) throws InterruptedException {
            while (bytes >= BATCH_BYTES && !stopped.getAsBoolean()) {
                wait(200);
            }
        }
    }

    /** The next batch, null at the table's end; checks cancellation while it waits, rethrows the reader's failure. */
    private Batch take(Handoff<Batch> handoff, Operation operation, Phase phase, String table) {
        try {
            return handoff.take(() -> operation.checkCancelled(phase.name().toLowerCase(java.util.Locale.ROOT)
                    + " table " + table));
        } catch (Handoff.Failed e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortabilityException(ErrorCode.CANCELLED, "The import was interrupted while reading table "
                    + table + ". Nothing was imported.", e);
        }
    }

    private void readBatches(ArchiveFile archive, TablePlan<U> plan, int batchSize, BatchSink out,
            InFlight inFlight, boolean checkKeys) {
        List<Problem> problems = new ArrayList<>();
        Consumer<Problem> sink = problems::add;
        RowKeys<U> keys = checkKeys ? RowKeys.of(plan, null, settings.maxTrackedKeys(), sink) : null;
        RuntimeException failure;
        try (TableRows rows = TableRows.open(archive, plan, settings.factory())) {
            List<Row> batch = new ArrayList<>(Math.min(batchSize, 1024));
            long batchBytes = 0;
            long done = 0;
            while (!out.stopped()) {
                if (batch.isEmpty()) {
                    inFlight.awaitRoom(out::stopped);
                }
                long before = rows.bytes();
                Row row = rows.next(sink);
                if (row != null && keys != null) {
                    keys.check(row, rows.row());
                }
                if (row == null || !problems.isEmpty()) {
                    break;
                }
                batch.add(row);
                batchBytes += rows.bytes() - before;
                done++;
                if (batch.size() == batchSize || batchBytes >= BATCH_BYTES) {
                    inFlight.add(batchBytes);
                    if (!out.put(new Batch(batch, done - batch.size() + 1, rows.bytes(), batchBytes))) {
                        return; // the writer stopped: nobody waits for the rest
                    }
                    batch = new ArrayList<>(Math.min(batchSize, 1024));
                    batchBytes = 0;
                }
            }
            if (out.stopped()) {
                return; // the writer stopped: nobody waits for the rest
            }
            if (problems.isEmpty() && !batch.isEmpty()) {
                inFlight.add(batchBytes);
                if (!out.put(new Batch(batch, done - batch.size() + 1, rows.bytes(), batchBytes))) {
                    return;
                }
            }
            if (problems.isEmpty() || rows.broken()) {
                // after an unreadable line too, as validation does: a damaged entry's checksum or size limit
                // says more than its first unreadable line
                rows.finish(sink);
            }
            failure = problems.isEmpty() ? null : changed(problems);
        } catch (LimitExceededException e) {
            problems.add(new Problem(ErrorCode.LIMIT_EXCEEDED, e.getMessage() + "; the rest of the entry was not "
                    + "read", plan.archived().entry(), e.line(), plan.archived().name(), e.column()));
            failure = changed(problems);
        } catch (IOException e) {
            failure = new PortabilityException(ErrorCode.IO_FAILURE, "Reading entry " + plan.archived().entry()
                    + " of table " + plan.archived().name() + " failed: " + e.getMessage() + ". Nothing was imported.",
                    e);
        } catch (InterruptedException e) {
            return; // the writer stopped: nobody waits for the rest
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            if (failure == null) {
                out.end();
            } else {
                out.fail(failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InvalidArchiveException changed(List<Problem> problems) {
        ValidationReport report = new ValidationReport(null, problems, problems.size(), List.of());
        return targetKeys == null ? new InvalidArchiveException(report)
                : new InvalidArchiveException(report, "Nothing was imported: the import read the archive in one "
                        + "pass, stopped at this first problem and rolled back. Validating the archive "
                        + "(Portability.validate; CLI: portability validate) lists every problem.");
    }

    /** Runs one call into the store, turning its failure into a {@link StoreException} that says where. */
    private <T> T store(TablePlan<U> plan, String what, StoreCall<T> call) {
        try {
            return call.run();
        } catch (PortabilityException e) {
            if (e instanceof StoreException store && plan != null) {
                throw new StoreException(describe(plan, what) + " failed: " + e.getMessage(), store.retryable(),
                        e);
            }
            if (e.code() == ErrorCode.INVALID_VALUE && plan != null && e.getClass() == PortabilityException.class) {
                // a value the store refused while writing: say which archive rows were being written
                throw new PortabilityException(ErrorCode.INVALID_VALUE, describe(plan, what) + " failed: "
                        + e.getMessage(), e);
            }
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException(describe(plan, what) + " failed: " + e.getMessage()
                    + ". Nothing was imported: every table is as it was before.", false, e);
        }
    }

    private static String describe(TablePlan<?> plan, String what) {
        return plan == null ? "Import: " + what : "Import: " + what + " table " + plan.table();
    }

    @FunctionalInterface
    private interface StoreCall<T> {
        public T run();
    }

    /** Keys of one table found in the target. */
    private static final class KeyScan {
        long rows;
        long existing;
        final List<Key> sample = new ArrayList<>();
        LongSet hashes;
    }

    /** Counts of one table's import. */
    private static final class Tally {
        long before;
        long inserted;
        long updated;
        long skipped;
        long deleted;
        Duration duration = Duration.ZERO;
    }
}
