package dev.portability.api;

import java.util.List;
import java.util.Map;

/**
 * MERGE with {@link ConflictPolicy#FAIL} found rows whose keys already exist. Nothing was written.
 */
public class ImportConflictException extends PortabilityException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<Key>> conflicts;
    private final long conflictCount;

    /**
     * Creates the exception.
     *
     * @param conflicts per table, the first conflicting keys found
     * @param conflictCount the number of conflicting rows in all tables
     */
    public ImportConflictException(Map<String, List<Key>> conflicts, long conflictCount) {
        super(ErrorCode.CONFLICTS, message(conflicts, conflictCount));
        this.conflicts = Map.copyOf(conflicts);
        this.conflictCount = conflictCount;
    }

    private static String message(Map<String, List<Key>> conflicts, long count) {
        StringBuilder out = new StringBuilder("Import refused: ").append(count)
                .append(count == 1 ? " row of the archive has a key" : " rows of the archive have keys")
                .append(" that already exist (MERGE with conflict policy FAIL). Nothing was written.");
        conflicts.forEach((table, keys) -> out.append("\n  table ").append(table).append(": keys ").append(keys));
        out.append("\nUse conflict policy SKIP to keep the existing rows, OVERWRITE to take the archive's, "
                + "or REPLACE mode.");
        return out.toString();
    }

    /** @return per table, the first conflicting keys (at most 20 per table) */
    public Map<String, List<Key>> conflicts() {
        return conflicts;
    }

    /** @return the number of conflicting rows in all tables */
    public long conflictCount() {
        return conflictCount;
    }
}
