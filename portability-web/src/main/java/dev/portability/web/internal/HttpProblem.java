package dev.portability.web.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure to answer as RFC 9457 problem details ({@code application/problem+json}): {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code code} (a library {@code ErrorCode} or a {@link WebError}),
 * {@code retryable}, {@code suggestion}, and members of its own. Thrown inside the handler, turned into the
 * response at its edge; also the {@code problem} of a failed operation.
 */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The prefix of every problem type. */
    static final String TYPE_PREFIX = "urn:dev.portability:problem:";

    private final int status;
    private final String title;
    private final String code;
    private final boolean retryable;
    private final String suggestion;
    private final transient ObjectNode extensions;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /**
     * @param status the HTTP status
     * @param title a short summary of the kind of problem
     * @param code the stable code
     * @param detail what happened, and where
     * @param retryable whether the same request may succeed later
     * @param suggestion what to do
     */
    public HttpProblem(int status, String title, String code, String detail, boolean retryable, String suggestion) {
        super(detail);
        this.status = status;
        this.title = title;
        this.code = code;
        this.retryable = retryable;
        this.suggestion = suggestion;
        this.extensions = Json.object();
    }

    /**
     * @param error the console's error
     * @param detail what happened, and where
     */
    public HttpProblem(WebError error, String detail) {
        this(error.status(), error.title(), error.name(), detail, error.retryable(), error.suggestion());
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the code */
    public String code() {
        return code;
    }

    /** @return extra members, to add to */
    public ObjectNode extensions() {
        return extensions;
    }

    /**
     * Adds a response header (Retry-After, Allow).
     *
     * @param name the header
     * @param value its value
     * @return this problem
     */
    public HttpProblem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** @return the extra response headers */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the problem details document */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("type", TYPE_PREFIX + code);
        node.put("title", title);
        node.put("status", status);
        node.put("detail", getMessage());
        node.put("code", code);
        node.put("retryable", retryable);
        node.put("suggestion", suggestion);
        node.setAll(extensions);
        return node;
    }
}
