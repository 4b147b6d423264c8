package dev.portability.api;

/** How an import treats the rows a target table already holds. */
public enum ImportMode {
    /** Keep existing rows and add the archive's; a key that exists is handled by the {@link ConflictPolicy}. */
    MERGE,
    /** Make each imported table hold exactly what the archive holds: existing rows are deleted first. */
    REPLACE
}
