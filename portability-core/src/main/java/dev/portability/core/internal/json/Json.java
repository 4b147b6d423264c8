package dev.portability.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portability.api.ArchiveLimits;

/**
 * The one place Jackson is configured. Strict reading: duplicate keys, NaN tokens, comments and trailing
 * tokens are refused; no polymorphic typing is ever enabled.
 */
public final class Json {

    /** Streaming factory for whole documents (the manifest, JSON text values): duplicate keys refused. */
    public static final JsonFactory FACTORY = builder(ArchiveLimits.defaults())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Streaming factory for single JSON column values: carried as they are, duplicate keys included. */
    public static final JsonFactory VALUES = builder(ArchiveLimits.defaults()).build();

    /** The deepest nesting accepted inside a JSON value carried as a string: beyond what any database stores. */
    public static final int MAX_CONTENT_NESTING = 100_000;

    /**
     * Streaming factory for checking the text of a JSON value carried as a string (format 2): the archive's own
     * limits already bound the string, so the text inside may hold numbers as long as the store allowed
     * (PostgreSQL numbers of thousands of digits) and nest as deep as any database stores (up to
     * {@value #MAX_CONTENT_NESTING} levels, which bounds the parser's memory for hostile text). The check reads
     * tokens without recursion and without converting numbers.
     */
    public static final JsonFactory CONTENT = new JsonFactoryBuilder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_CONTENT_NESTING)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1)
                    .build())
            .build();

    /** Tree mapper for the manifest and for reports. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    /**
     * A streaming factory for table entries with the given limits. Rows detect repeated column names themselves
     * (cheaper than Jackson's per-object set); JSON column values are carried as they are, duplicate keys and all.
     *
     * @param limits the limits on nesting, string and number length
     * @return the factory
     */
    public static JsonFactory factory(ArchiveLimits limits) {
        return builder(limits).build();
    }

    private static JsonFactoryBuilder builder(ArchiveLimits limits) {
        return new JsonFactoryBuilder()
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxNameLength(1024)
                        .maxDocumentLength(-1)
                        .build())
                .rootValueSeparator((String) null);
    }

    /**
     * A short description of a JSON parse failure without Jackson's source excerpt.
     *
     * @param e the failure
     * @return the description
     */
    public static String describe(Exception e) {
        if (e instanceof JsonProcessingException json) {
            String message = json.getOriginalMessage();
            JsonLocation location = json.getLocation();
            if (location != null && location.getLineNr() > 0) {
                return message + " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            }
            return message;
        }
        return String.valueOf(e.getMessage());
    }
}
