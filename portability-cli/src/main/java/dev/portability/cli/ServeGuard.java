package dev.portability.cli;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * What stands in front of the console of {@code portability serve}, whose access policy lets everybody in:
 * <ul>
 *   <li>the {@code Host} header must name this machine (localhost, a loopback or other IP literal, or the
 *       {@code --host} given): a page of another site whose name was rebound to 127.0.0.1 (DNS rebinding) gets
 *       400;</li>
 *   <li>the printed URL's one-time token is traded, once, for an {@code HttpOnly; SameSite=Strict} session cookie,
 *       and the browser is sent on to the same page without the token; every request then needs the cookie.</li>
 * </ul>
 */
final class ServeGuard implements Filter {

    /** The session cookie's name. */
    static final String COOKIE = "portability-session";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token = random();
    private final String session = random();
    private final AtomicBoolean tokenUsed = new AtomicBoolean();
    private final Set<String> names;
    private final boolean anyAddress;

    /**
     * @param host the address the server binds, as given with --host
     */
    ServeGuard(String host) {
        String own = hostName(host);
        this.anyAddress = "0.0.0.0".equals(own) || "[::]".equals(own) || "[0:0:0:0:0:0:0:0]".equals(own);
        Set<String> known = new java.util.HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        if (own != null) {
            known.add(own);
        }
        this.names = Set.copyOf(known);
    }

    /** @return the one-time token of the printed URL */
    String token() {
        return token;
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String host = request.getHeader("Host");
        if (host == null || !allowed(hostName(host))) {
            refuse(response, 400, "HOST_REJECTED", "The Host header '" + (host == null ? "" : host.replaceAll(
                    "[^\\x20-\\x7e]", "?")) + "' does not name this machine.", "Open the address that "
                    + "'portability serve' printed; other names are refused against DNS rebinding.");
            return;
        }
        boolean signedIn = hasSession(request);
        String given = queryToken(request.getQueryString());
        if (given != null) {
            if (signedIn || constantTimeEquals(given, token) && tokenUsed.compareAndSet(false, true)) {
                response.setStatus(303);
                response.setHeader("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
                response.setHeader("Location", request.getRequestURI());
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("Referrer-Policy", "no-referrer");
                return;
            }
            refuse(response, 403, "TOKEN_REJECTED", "This link's token is wrong or was used already.",
                    "Use the browser that opened the link first, or restart 'portability serve' for a new link.");
            return;
        }
        if (!signedIn) {
            refuse(response, 403, "SESSION_REQUIRED", "This request has no session of this console.",
                    "Open the address with the token that 'portability serve' printed; it is traded for a "
                            + "session cookie (curl: -c cookies -b cookies).");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean allowed(String host) {
        return host != null && (names.contains(host) || anyAddress && (IPV4.matcher(host).matches()
                || host.startsWith("[")));
    }

    /** @return the host part of a Host header or address, lower case, IPv6 in brackets; null if malformed */
    static String hostName(String header) {
        String value = header.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? null : value.substring(0, end + 1);
        }
        if (value.indexOf(':') != value.lastIndexOf(':')) {
            return "[" + value + "]"; // a bare IPv6 address, as given with --host
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    private boolean hasSession(HttpServletRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (jakarta.servlet.http.Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && constantTimeEquals(cookie.getValue(), session)) {
                return true;
            }
        }
        return false;
    }

    private static String queryToken(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                return URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(HttpServletResponse response, int status, String code, String detail,
            String suggestion) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        var node = JsonOut.object();
        node.put("type", "urn:dev.portability:problem:" + code);
        node.put("title", status == 400 ? "Bad request" : "Forbidden");
        node.put("status", status);
        node.put("detail", detail);
        node.put("code", code);
        node.put("retryable", false);
        node.put("suggestion", suggestion);
        response.getWriter().print(node.toPrettyString());
    }
}
