package dev.portability.web.internal;

import java.util.List;

/**
 * What a request may choose about an import: the mode, the conflict policy, the tables, and nothing else. The
 * host's configuration sets every other import option.
 *
 * @param mode MERGE or REPLACE
 * @param conflictPolicy for MERGE, what to do with an archive row whose key exists in the target
 * @param tables the tables to import; empty means all
 */
public record ImportChoice(Mode mode, ConflictPolicy conflictPolicy, List<String> tables) {

    /** Copies the table list. */
    public ImportChoice {
        tables = List.copyOf(tables);
    }

    /** The import modes, as the HTTP API names them. */
    public enum Mode {
        /** Keep the existing rows and add the archive's. */
        MERGE,
        /** The imported tables end up holding exactly the archive's rows. */
        REPLACE
    }

    /** What MERGE does with an archive row whose key already exists in the target (a conflict). */
    public enum ConflictPolicy {
        /** Keep the existing row. */
        SKIP,
        /** Take the archive's row. */
        OVERWRITE,
        /** Refuse the whole import, writing nothing. */
        FAIL
    }
}
