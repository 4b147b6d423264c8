package dev.portability.api.migration;

import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** A {@link Migration} made by {@link Migration.Builder}: its changes, applied in order. */
final class BuiltMigration implements Migration {

    private final int from;
    private final int to;
    private final List<Change> changes;
    private final String description;

    BuiltMigration(int from, int to, List<Change> changes) {
        this.from = from;
        this.to = to;
        this.changes = List.copyOf(changes);
        StringJoiner joiner = new StringJoiner("; ");
        this.changes.forEach(c -> joiner.add(c.describe()));
        this.description = this.changes.isEmpty() ? "no change to the data" : joiner.toString();
    }

    @Override
    public int fromVersion() {
        return from;
    }

    @Override
    public int toVersion() {
        return to;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public TableMigration table(TableSchema table) {
        TableSchema current = table;
        List<TableMigration> parts = new ArrayList<>();
        for (Change change : changes) {
            TableMigration part = change.table(current);
            if (part == null) {
                continue;
            }
            current = part.result();
            if (current == null) {
                return TableMigration.drop();
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        TableMigration[] chain = parts.toArray(new TableMigration[0]);
        TableSchema result = current;
        return new TableMigration() {
            @Override
            public TableSchema result() {
                return result;
            }

            @Override
            public Row apply(Row row) {
                Row out = row;
                for (TableMigration part : chain) {
                    out = part.apply(out);
                    if (out == null) {
                        return null;
                    }
                }
                return out;
            }
        };
    }

    @Override
    public String toString() {
        return "Migration " + from + " -> " + to + ": " + description;
    }
}
