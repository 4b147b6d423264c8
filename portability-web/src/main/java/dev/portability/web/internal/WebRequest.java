package dev.portability.web.internal;

import dev.portability.web.CsrfToken;
import java.io.IOException;
import java.io.InputStream;

/** One HTTP request as the handler sees it, whatever server binding received it. */
public interface WebRequest {

    /** @return the method, upper case */
    String method();

    /**
     * @return the path below the mount without its leading slash ({@code ""} for the mount's root,
     *     {@code api/info}), or null for the bare mount path itself (no trailing slash)
     */
    String path();

    /** @return the last segment of the bare mount path, e.g. {@code portability}, for the redirect to it + "/" */
    String mountName();

    /**
     * @param name a header name, any case
     * @return its first value, or null
     */
    String header(String name);

    /** @return the declared body length, or -1 when unknown (chunked) */
    long contentLength();

    /**
     * @return the body; read once
     * @throws IOException if the binding cannot give it
     */
    InputStream body() throws IOException;

    /** @return this request's own origin as the server sees it, e.g. {@code https://shop.example:8443} */
    String origin();

    /** @return what the access policy grants to this request */
    Permissions permissions();

    /** @return the host's CSRF token for this request, or null */
    CsrfToken csrfToken();
}
