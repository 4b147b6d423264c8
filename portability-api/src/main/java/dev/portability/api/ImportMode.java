package dev.portability.api;

/** How an import treats the rows a target table already holds. */
public enum ImportMode {
    /**
     * Keep the target's rows and add the archive's; an archive row whose key already exists in the target (a
     * conflict) is handled by the {@link ConflictPolicy}.
     */
    MERGE,
    /**
     * Replace the contents of the imported tables: afterwards each imported table holds exactly the archive's
     * rows, and the rows the archive lacks are deleted. Tables outside the import do not change. This is not a
     * per-row upsert (MySQL's {@code REPLACE} statement); that is {@link #MERGE} with
     * {@link ConflictPolicy#OVERWRITE}.
     */
    REPLACE
}
