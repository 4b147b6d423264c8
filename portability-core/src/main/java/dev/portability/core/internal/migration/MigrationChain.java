package dev.portability.core.internal.migration;

import dev.portability.api.Column;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.migration.Migration;
import dev.portability.api.migration.MigrationException;
import dev.portability.api.migration.TableMigration;
import dev.portability.core.internal.json.ValueCodec;
import dev.portability.core.internal.json.ValueException;
import java.util.ArrayList;
import java.util.List;

/**
 * The upgrade of one archive: the host's steps from the archive's schema version to the current one, in order.
 * Each table gets its chain of per-step migrations; every row a step returns is checked against the table that
 * step declares, with the same value checkers as validation, before the next step sees it.
 */
public final class MigrationChain implements ArchiveMigration {

    private final List<Migration> path;
    private final List<String> steps;

    public MigrationChain(List<Migration> path) {
        this.path = List.copyOf(path);
        List<String> described = new ArrayList<>();
        for (Migration step : path) {
            described.add(step.fromVersion() + " -> " + step.toVersion() + ": " + MigrationRegistry.describe(step));
        }
        this.steps = List.copyOf(described);
    }

    @Override
    public List<String> steps() {
        return steps;
    }

    @Override
    public TableMigrationSteps table(TableSchema archived) throws MigrationStepException {
        List<Stage> stages = new ArrayList<>();
        TableSchema current = archived;
        for (Migration step : path) {
            TableMigration migration;
            try {
                migration = step.table(current);
            } catch (MigrationException e) {
                throw new MigrationStepException(MigrationRegistry.name(step) + " does not fit table " + current.name()
                        + ": " + e.getMessage(), e.column(), e);
            } catch (RuntimeException e) {
                throw new MigrationStepException(MigrationRegistry.name(step) + " failed on table " + current.name()
                        + ": " + e, null, e);
            }
            if (migration == null) {
                continue;
            }
            TableSchema result = migration.result();
            stages.add(new Stage(step, migration, current, result));
            if (result == null) {
                break;
            }
            current = result;
        }
        return stages.isEmpty() ? null : new ChainedTable(stages);
    }

    /** One step's migration of one table. */
    private static final class Stage {
        final String name;
        final TableMigration migration;
        final TableSchema input;
        final TableSchema result;
        final ValueCodec[] codecs;
        final boolean[] nullable;

        public Stage(Migration step, TableMigration migration, TableSchema input, TableSchema result) {
            this.name = MigrationRegistry.name(step);
            this.migration = migration;
            this.input = input;
            this.result = result;
            int n = result == null ? 0 : result.columns().size();
            this.codecs = new ValueCodec[n];
            this.nullable = new boolean[n];
            for (int i = 0; i < n; i++) {
                Column column = result.columns().get(i);
                // a step that declares no native type keeps the one of the column it came from
                Column before = column.nativeType() != null ? column : input.column(column.name()).orElse(column);
                codecs[i] = ValueCodec.of(column.type(), ValueCodec.CURRENT_FORMAT,
                        before.nativeType() == null ? null : before.nativeType().engine());
                nullable[i] = column.nullable();
            }
        }

        public Row apply(Row row) throws MigrationStepException {
            Row out;
            try {
                out = migration.apply(row);
            } catch (MigrationException e) {
                throw new MigrationStepException(name + " failed: " + e.getMessage(), e.column(), e);
            } catch (RuntimeException e) {
                throw new MigrationStepException(name + " failed on table " + input.name() + ": " + e, null, e);
            }
            return out == null ? null : check(out);
        }

        /** Checks a row the step returned against the table it declares, and makes its values canonical. */
        private Row check(Row out) throws MigrationStepException {
            if (out.size() != codecs.length || !out.schema().name().equals(result.name())) {
                throw new MigrationStepException(name + " returned a row of table " + out.schema().name() + " with "
                        + out.size() + " values, but declares table " + result.name() + " with " + codecs.length
                        + " columns " + result.columnNames(), null, null);
            }
            Object[] values = out.values();
            for (int i = 0; i < values.length; i++) {
                String column = result.columns().get(i).name();
                if (values[i] == null) {
                    if (!nullable[i]) {
                        throw new MigrationStepException(name + " produced NULL in column " + column + " of table "
                                + result.name() + ", which the step declares NOT NULL", column, null);
                    }
                    continue;
                }
                try {
                    values[i] = codecs[i].check(values[i]);
                } catch (ValueException e) {
                    throw new MigrationStepException(name + " produced an invalid value in column " + column
                            + " of table " + result.name() + ": " + e.getMessage(), column, null);
                }
            }
            return Row.of(result, values);
        }

        /** Whether this step writes the column: it adds it, or changes its type or nullability. */
        public boolean writes(String column) {
            if (result == null) {
                return false;
            }
            Column after = result.column(column).orElse(null);
            if (after == null) {
                return false;
            }
            Column before = input.column(column).orElse(null);
            return before == null || !before.type().equals(after.type()) || before.nullable() != after.nullable();
        }
    }

    /** The chained stages of one table. */
    private static final class ChainedTable implements TableMigrationSteps {
        private final Stage[] stages;
        private final TableSchema result;

        public ChainedTable(List<Stage> stages) {
            this.stages = stages.toArray(new Stage[0]);
            this.result = this.stages[this.stages.length - 1].result;
        }

        @Override
        public TableSchema result() {
            return result;
        }

        @Override
        public Row apply(Row row) throws MigrationStepException {
            Row current = row;
            for (Stage stage : stages) {
                current = stage.apply(current);
                if (current == null) {
                    return null;
                }
            }
            return current;
        }

        @Override
        public String explain(String column) {
            if (column != null) {
                for (int i = stages.length - 1; i >= 0; i--) {
                    if (stages[i].writes(column)) {
                        return "after " + stages[i].name + ", which writes column " + column;
                    }
                }
            }
            List<String> names = new ArrayList<>();
            for (Stage stage : stages) {
                names.add(stage.name.substring("migration step ".length()));
            }
            return "after migration step" + (names.size() == 1 ? " " : "s ") + String.join(", ", names);
        }
    }
}
