package dev.portability.core.internal.validation;

import com.fasterxml.jackson.core.JsonFactory;
import dev.portability.api.ArchiveTable;
import dev.portability.api.ErrorCode;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.TableAdapter;
import dev.portability.api.spi.ValueRefusal;
import dev.portability.core.internal.archive.ArchiveFile;
import dev.portability.core.internal.archive.EntryStream;
import dev.portability.core.internal.archive.RowReader.MalformedEntryException;
import dev.portability.core.internal.archive.RowReader;
import dev.portability.core.internal.engine.RowMapping;
import dev.portability.core.internal.engine.TablePlan;
import dev.portability.core.internal.migration.ArchiveMigration;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the rows of one archived table as rows of the host's table: parse and check against the manifest's
 * types, upgrade to the current schema version, map onto the host's columns. Every problem goes to a sink with
 * its entry, row, table and column; bad rows, and rows a migration step drops, are skipped. At the end, {@link #finish(Consumer)} checks the
 * row count, size and checksum against the manifest.
 */
public final class TableRows implements Closeable {

    private final TablePlan<?> plan;
    private final RowReader reader;
    private final String entry;
    private final String table;
    private boolean broken;
    /** The column problems of the row being converted (one list, cleared for each row). */
    private final List<RowMapping.ColumnProblem> columnProblems = RowMapping.problems();

    private TableRows(TablePlan<?> plan, RowReader reader) {
        this.plan = plan;
        this.reader = reader;
        this.entry = plan.archived().entry();
        this.table = plan.archived().name();
    }

    /**
     * Opens the table's entry.
     *
     * @param archive the archive
     * @param plan the table's plan
     * @param factory the JSON factory with the limits
     * @return the stream of rows
     * @throws IOException if the entry cannot be opened
     */
    public static TableRows open(ArchiveFile archive, TablePlan<?> plan, JsonFactory factory) throws IOException {
        EntryStream in = archive.openEntry(plan.archived().entry());
        if (in == null) {
            throw new IOException("entry " + plan.archived().entry() + " is missing");
        }
        return new TableRows(plan, new RowReader(plan.archived().entry(), plan.archived().schema(), in, factory,
                archive.limits().maxRowsPerTable(), plan.formatVersion()));
    }

    /**
     * Reads rows until the next good one.
     *
     * @param problems receives the problems of bad rows
     * @return the next good row as a row of the host's table, or null at the end of the entry
     * @throws IOException if reading the archive fails
     */
    public Row next(Consumer<Problem> problems) throws IOException {
        while (!broken) {
            boolean more;
            try {
                more = reader.next();
            } catch (MalformedEntryException e) {
                broken = true;
                problems.accept(new Problem(ErrorCode.MALFORMED_ROW, e.getMessage()
                        + "; the rest of this table's rows were not checked", entry, e.line(), table, null));
                return null;
            }
            if (!more) {
                return null;
            }
            Row row = convert(problems);
            if (row != null) {
                return row;
            }
        }
        return null;
    }

    private Row convert(Consumer<Problem> problems) {
        long line = reader.row();
        if (!reader.problems().isEmpty()) {
            reader.problems().forEach(problems);
            return null;
        }
        Object[] values = reader.values();
        if (plan.migration() != null) {
            Row upgraded;
            try {
                upgraded = plan.migration().apply(Row.of(reader.schema(), values));
            } catch (ArchiveMigration.MigrationStepException e) {
                problems.accept(new Problem(ErrorCode.MIGRATION_FAILED, e.getMessage(), entry, line, table,
                        e.column()));
                return null;
            }
            if (upgraded == null) {
                return null; // a step dropped the row
            }
            values = upgraded.values();
        }
        columnProblems.clear();
        Row row = plan.mapping().map(values, columnProblems);
        String key = columnProblems.isEmpty() ? "" : plan.mapping().keyPrefix(values);
        for (RowMapping.ColumnProblem problem : columnProblems) {
            problems.accept(new Problem(problem.code(), key + problem.message()
                    + (plan.migration() != null ? " (" + plan.migration().explain(problem.column()) + ")" : ""),
                    entry, line, table, problem.column()));
        }
        return row == null ? null : refused(row, line, problems) ? null : row;
    }

    /**
     * Asks the host's table whether it can store the row's values exactly (see {@link TableAdapter#refusals}):
     * the store's own rules, the same in validation, preview and import.
     *
     * @return whether it refused any
     */
    private boolean refused(Row row, long line, Consumer<Problem> problems) {
        if (plan.adapter() == null) {
            return false; // read as the archive declares it: no store to ask
        }
        List<ValueRefusal> refusals = plan.adapter().refusals(row);
        if (refusals.isEmpty()) {
            return false;
        }
        TableSchema target = plan.mapping().target();
        String key = target.hasPrimaryKey() ? "key " + target.keyOf(row) + ": " : "";
        for (ValueRefusal refusal : refusals) {
            problems.accept(new Problem(ErrorCode.INVALID_VALUE, key + refusal.reason(), entry, line, table,
                    refusal.column()));
        }
        return true;
    }

    /** @return the 1-based number of the last row read */
    public long row() {
        return reader.row();
    }

    /** @return uncompressed bytes read so far */
    public long bytes() {
        return reader.bytes();
    }

    /** @return whether an unreadable line ended the entry's rows (the rest can only be drained, not read) */
    public boolean broken() {
        return broken;
    }

    /**
     * Reads the rest of the entry and compares row count, size and checksum with the manifest.
     *
     * @param problems receives a problem per mismatch
     * @throws IOException if reading fails
     */
    public void finish(Consumer<Problem> problems) throws IOException {
        reader.drain();
        ArchiveTable archived = plan.archived();
        if (!broken && reader.row() != archived.rows()) {
            problems.accept(new Problem(ErrorCode.ROW_COUNT_MISMATCH, "the manifest says " + archived.rows()
                    + " rows but the entry holds " + reader.row() + "; the archive is incomplete or was altered",
                    entry, null, table, null));
        }
        if (reader.bytes() != archived.bytes()) {
            problems.accept(new Problem(ErrorCode.SIZE_MISMATCH, "the manifest says " + archived.bytes()
                    + " bytes but the entry holds " + reader.bytes() + "; the archive is incomplete or was altered",
                    entry, null, table, null));
        }
        String sha = reader.sha256();
        if (!sha.equals(archived.sha256())) {
            problems.accept(new Problem(ErrorCode.CHECKSUM_MISMATCH, "the entry's SHA-256 is " + sha
                    + " but the manifest says " + archived.sha256() + "; the archive was damaged or altered",
                    entry, null, table, null));
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
