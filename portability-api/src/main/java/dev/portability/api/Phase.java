package dev.portability.api;

/** The phases of long-running work, as reported to a {@link ProgressListener}. */
public enum Phase {
    /** Counting rows (statistics, the start of an export). */
    COUNTING,
    /** Export: reading tables and writing the archive. */
    EXPORTING,
    /** Export: re-reading the written archive to confirm checksums and row counts. */
    VERIFYING,
    /** Import: checking the archive's manifest, checksums and every value. */
    VALIDATING,
    /** Preview: looking up which archive keys exist in the target. */
    PREVIEWING,
    /** Import (REPLACE): deleting the target tables' rows. */
    DELETING,
    /** Import: writing rows into the target tables. */
    WRITING,
    /** Import: committing and recounting the target tables. */
    COMMITTING
}
