package dev.portability.web;

import java.util.Objects;

/**
 * The host's own CSRF token for a request (Spring Security's {@code CsrfToken}, for instance), so that hosts keep
 * their CSRF protection switched on for the console's path. The console's page carries it in
 * {@code <meta name="portability-csrf-header">} and {@code <meta name="portability-csrf-token">}, {@code api/info}
 * returns it as {@code csrf}, and the page sends it with every state-changing request; the host's filter checks
 * it. The console's own checks (a custom header, {@code Sec-Fetch-Site} and {@code Origin}) apply either way.
 *
 * @param headerName the request header the host's filter reads the token from, e.g. {@code X-CSRF-TOKEN}
 * @param token the token
 */
public record CsrfToken(String headerName, String token) {

    /** Checks both values are present. */
    public CsrfToken {
        Objects.requireNonNull(headerName, "headerName");
        Objects.requireNonNull(token, "token");
    }
}
