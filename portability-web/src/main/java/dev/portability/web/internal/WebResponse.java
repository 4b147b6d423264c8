package dev.portability.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the handler answers: status, headers, and a body written by the binding. */
public final class WebResponse {

    /** Writes a body. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param out the response stream; not closed here
         * @throws IOException if writing fails (the client went away)
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Body body;
    private final long contentLength;

    private WebResponse(int status, String contentType, Body body, long contentLength) {
        this.status = status;
        this.body = body;
        this.contentLength = contentLength;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    /**
     * @param status the status
     * @param node the JSON document
     * @return a JSON response
     */
    static WebResponse json(int status, JsonNode node) {
        return bytes(status, "application/json", Json.bytes(node));
    }

    /**
     * @param problem the problem
     * @return its problem details response, with its headers
     */
    static WebResponse problem(HttpProblem problem) {
        WebResponse response = bytes(problem.status(), "application/problem+json", Json.bytes(problem.toJson()));
        problem.headers().forEach(response::header);
        return response;
    }

    /**
     * @param status the status
     * @param contentType the content type
     * @param bytes the body
     * @return the response
     */
    static WebResponse bytes(int status, String contentType, byte[] bytes) {
        return new WebResponse(status, contentType, out -> out.write(bytes), bytes.length);
    }

    /**
     * @param status the status
     * @param contentType the content type
     * @param length the body's length in bytes
     * @param body writes it
     * @return a streamed response
     */
    static WebResponse stream(int status, String contentType, long length, Body body) {
        return new WebResponse(status, contentType, body, length);
    }

    /**
     * @param status the status
     * @return a response without a body
     */
    static WebResponse empty(int status) {
        return new WebResponse(status, null, null, 0);
    }

    /**
     * Sets a header, replacing any earlier value.
     *
     * @param name the header
     * @param value its value
     * @return this response
     */
    WebResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** @return the status */
    public int status() {
        return status;
    }

    /** @return the headers, Content-Type included */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /** @return the body, or null for none */
    public Body body() {
        return body;
    }

    /** @return the body's length in bytes */
    public long contentLength() {
        return contentLength;
    }
}
