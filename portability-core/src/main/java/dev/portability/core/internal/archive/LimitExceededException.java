package dev.portability.core.internal.archive;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.portability.api.ArchiveLimits;
import java.io.IOException;

/** An archive went past one of its {@link ArchiveLimits} while it was read. */
public final class LimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String what;
    private final String limit;
    private final Long line;
    private final String column;

    /**
     * @param what what went past the limit, e.g. "the entry expands beyond 1048576 bytes"
     * @param limit the limit's name, e.g. "maxEntryBytes"
     */
    public LimitExceededException(String what, String limit) {
        this(what, limit, null, null);
    }

    private LimitExceededException(String what, String limit, Long line, String column) {
        super(what + " (limit " + limit + "; if you trust this archive, raise it with ArchiveLimits.with"
                + Character.toUpperCase(limit.charAt(0)) + limit.substring(1) + "(...))");
        this.what = what;
        this.limit = limit;
        this.line = line;
        this.column = column;
    }

    /**
     * The same failure, at a value of a row.
     *
     * @param row the 1-based row (line) of the entry
     * @param columnName the column whose value went past the limit
     * @param key the row's primary key, when it was read before the value; else null
     * @param value what the value is, e.g. "a TEXT value longer than 67108864 characters", replacing the
     *     description of the JSON; null to keep it
     * @return the exception
     */
    public LimitExceededException at(long row, String columnName, Object key, String value) {
        return new LimitExceededException((key == null ? "" : "key " + key + ": ") + (value == null ? what : value),
                limit, row, columnName);
    }

    /** @return the row (line) of the entry, or null when the limit is not one of a row */
    public Long line() {
        return line;
    }

    /** @return the column whose value went past the limit, or null */
    public String column() {
        return column;
    }

    /** @return the limit's name, e.g. {@code maxStringLength} */
    public String limit() {
        return limit;
    }

    /**
     * Translates Jackson's constraint failure into the name of our limit.
     *
     * @param e Jackson's exception
     * @param limits the limits in force
     * @return our exception
     */
    public static LimitExceededException of(StreamConstraintsException e, ArchiveLimits limits) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return new LimitExceededException("JSON nested deeper than " + limits.maxNestingDepth() + " levels",
                    "maxNestingDepth");
        }
        if (message.contains("Number value length") || message.contains("Number length")) {
            return new LimitExceededException("a JSON number longer than " + limits.maxNumberLength()
                    + " characters", "maxNumberLength");
        }
        if (message.contains("String value length") || message.contains("String length")) {
            return new LimitExceededException("a JSON string longer than " + limits.maxStringLength()
                    + " characters", "maxStringLength");
        }
        return new LimitExceededException("JSON beyond a parser limit: " + message, "maxStringLength");
    }
}
