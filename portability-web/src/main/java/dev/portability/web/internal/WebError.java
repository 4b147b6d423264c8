package dev.portability.web.internal;

/**
 * The console's own error codes, for failures of HTTP requests rather than of the library; carried in the
 * {@code code} member of problem details beside the library's {@code ErrorCode}s. Each has its status, title and
 * recovery suggestion.
 */
public enum WebError {
    /** A request the console cannot act on: bad JSON, an unknown field, a bad value. */
    BAD_REQUEST(400, "Bad request", false,
            "Correct the request as the detail says; docs/web.md lists each endpoint's fields."),
    /** REPLACE without {@code confirmReplace: true}. */
    REPLACE_NOT_CONFIRMED(400, "REPLACE not confirmed", false,
            "REPLACE deletes the rows of the imported tables that the archive lacks: preview it, then send the "
                    + "same request with \"confirmReplace\": true."),
    /** The access policy does not grant what the request needs. */
    FORBIDDEN(403, "Forbidden", false,
            "Sign in as a user the host's access policy allows, or ask the operator for the permission the detail "
                    + "names."),
    /** A state-changing request failed the cross-site request checks. */
    CSRF_REJECTED(403, "Cross-site request refused", false,
            "Send changes from the console's own page, or from a script with the header X-Portability-Request: 1 "
                    + "and no Origin or Sec-Fetch-Site header of another site."),
    /** No such page, endpoint, upload, operation or export file. */
    NOT_FOUND(404, "Not found", false,
            "Check the address and the id; uploads, operations and export files are deleted after their "
                    + "retention time (api/info tells it) and when the server stops."),
    /** The endpoint does not take this method. */
    METHOD_NOT_ALLOWED(405, "Method not allowed", false, "Use one of the methods the Allow header lists."),
    /** Another operation of the same kind runs, or the thing asked for is not ready. */
    BUSY(409, "Busy", true,
            "Wait until the running operation has finished (GET api/operations/{id} shows it), then try again."),
    /** The upload is larger than the upload limit. */
    UPLOAD_TOO_LARGE(413, "Upload too large", false,
            "Upload a smaller archive, or ask the operator to raise the console's upload limit (maxUploadBytes; "
                    + "it never exceeds the library's maxArchiveBytes) and that of any proxy in front."),
    /** A body of a type the endpoint does not take. */
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", false,
            "Send an archive as the raw request body with Content-Type: application/zip, and other requests as "
                    + "JSON with Content-Type: application/json."),
    /** Too many uploads, validations or previews at once, or too many uploads kept. */
    TOO_MANY_REQUESTS(429, "Too many requests", true,
            "Wait for a running upload, validation or preview to finish, or delete uploads you no longer need, "
                    + "then try again."),
    /** The console is shutting down. */
    UNAVAILABLE(503, "Service unavailable", true, "The console is stopping; try again once it runs again."),
    /** The spool directory lacks room for the upload. */
    INSUFFICIENT_STORAGE(507, "Insufficient storage", false,
            "Free disk space in the console's spool directory, or configure one on a larger disk, then upload "
                    + "again."),
    /** A bug, or a host configuration the console cannot work with. */
    INTERNAL(500, "Internal error", false,
            "The server log has the details (search for the operation id); report it to the operator.");

    private final int status;
    private final String title;
    private final boolean retryable;
    private final String suggestion;

    WebError(int status, String title, boolean retryable, String suggestion) {
        this.status = status;
        this.title = title;
        this.retryable = retryable;
        this.suggestion = suggestion;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the problem's title */
    public String title() {
        return title;
    }

    /** @return whether the same request may succeed later, unchanged */
    public boolean retryable() {
        return retryable;
    }

    /** @return what to do */
    public String suggestion() {
        return suggestion;
    }
}
