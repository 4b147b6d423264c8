package dev.portability.api.spi;

/** What a {@link UnitOfWork} is opened for. */
public enum Access {
    /**
     * Reading only (export, statistics, preview): every read of the unit sees one consistent snapshot of all
     * tables, and nothing is written.
     */
    READ,
    /** Reading and writing (import): all writes of the unit become visible together at commit, or never. */
    WRITE
}
