package dev.portability.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The console's JSON: java.time values as ISO-8601 strings, strict reading of small request bodies. */
public final class Json {

    /** The largest JSON request body read, in bytes. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                .maxStringLength(MAX_REQUEST_BYTES).build());
    }

    private Json() {
    }

    /** @return a new empty object */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * @param value a value, java.time values included
     * @return it as a JSON tree
     */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * @param node a JSON tree
     * @return its UTF-8 bytes
     */
    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param body a request body
     * @return its JSON tree
     * @throws HttpProblem 400 when it is not JSON
     */
    static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.toString();
            throw new HttpProblem(WebError.BAD_REQUEST, "The request body is not valid JSON: " + why + ".");
        }
    }
}
