package dev.portability.core.internal.archive;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.portability.api.ArchiveLimits;
import java.io.IOException;

/** An archive went past one of its {@link ArchiveLimits} while it was read. */
public final class LimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param what what went past the limit, e.g. "the entry expands beyond 1048576 bytes"
     * @param limit the limit's name, e.g. "maxEntryBytes"
     */
    public LimitExceededException(String what, String limit) {
        super(what + " (limit " + limit + "; if you trust this archive, raise it with ArchiveLimits.with"
                + Character.toUpperCase(limit.charAt(0)) + limit.substring(1) + "(...))");
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
