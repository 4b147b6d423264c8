package dev.portability.api;

/** What a {@link ImportMode#MERGE} import does with an archive row whose primary key already exists. */
public enum ConflictPolicy {
    /** Keep the existing row; the archive's row is skipped. */
    SKIP,
    /** Replace the existing row's values with the archive's. */
    OVERWRITE,
    /** Refuse the whole import, listing the conflicting keys; nothing is written. */
    FAIL
}
