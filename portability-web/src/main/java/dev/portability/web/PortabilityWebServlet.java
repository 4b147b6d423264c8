package dev.portability.web;

import dev.portability.web.internal.Permissions;
import dev.portability.web.internal.WebHandler;
import dev.portability.web.internal.WebRequest;
import dev.portability.web.internal.WebResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console as one servlet: the page and its JSON endpoints below the path the host maps it to (map
 * {@code /portability/*}, say; the bare {@code /portability} redirects to {@code /portability/}). Made by
 * {@link PortabilityWeb#builder}; the request handling itself is free of the servlet API, this class only
 * translates. {@link #destroy()} cancels running operations (an import rolls back) and deletes every spooled file.
 */
public final class PortabilityWebServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger("dev.portability.web");

    private final transient WebHandler handler;
    private final transient PortabilityWebAccess access;
    private final transient Function<HttpServletRequest, CsrfToken> csrfToken;

    PortabilityWebServlet(WebHandler handler, PortabilityWebAccess access,
            Function<HttpServletRequest, CsrfToken> csrfToken) {
        this.handler = handler;
        this.access = access;
        this.csrfToken = csrfToken;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletRequestView view = new ServletRequestView(request);
        WebResponse answer = handler.handle(view);
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (view.bodyLeftUnread()) {
            // refused before its body was read (413, 415, 429, ...): the rest of the body is still on the wire, so
            // the connection cannot carry another request; say so, lest the client send one on it (RFC 9112 9.6)
            response.setHeader("Connection", "close");
        }
        WebResponse.Body body = answer.body();
        try {
            if (body != null) {
                response.setContentLengthLong(answer.contentLength());
                OutputStream out = response.getOutputStream();
                body.writeTo(out);
                out.flush();
            } else {
                response.flushBuffer();
            }
        } catch (IOException e) {
            LOG.debug("{} {}: the client went away while the response was sent: {}", request.getMethod(),
                    request.getRequestURI(), e.toString());
            return;
        }
        if (view.bodyLeftUnread()) {
            swallow(request);
        }
    }

    /** The most of a refused request's body read and discarded after the answer (Tomcat's maxSwallowSize). */
    static final long MAX_SWALLOW = 2L << 20;

    /**
     * Reads and discards what is left of a refused request's body, when it is small (declared or chunked, at most
     * {@link #MAX_SWALLOW} bytes): a client still sending it then reads the answer, where closing at once would
     * reset the connection under it and lose the answer (seen as "Broken pipe" with no response). A larger
     * declared body is not read: the connection closes.
     */
    private static void swallow(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > MAX_SWALLOW) {
            return;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long read = 0;
            int n;
            while (read < MAX_SWALLOW && (n = in.read(buffer, 0, (int) Math.min(buffer.length, MAX_SWALLOW - read)))
                    >= 0) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client stopped sending or went away: the connection closes either way
        }
    }

    /** Cancels running operations, waits up to 30 seconds for them to end, and deletes every spooled file. */
    @Override
    public void destroy() {
        handler.close();
    }

    /** @return the spool directory, or null before the first upload or export (for tests) */
    Path spoolDirectory() {
        return handler.spoolDirectory();
    }

    /** A servlet request as the handler sees it. */
    private final class ServletRequestView implements WebRequest {
        private final HttpServletRequest request;
        private Permissions permissions;
        private boolean bodyEnded;
        private long bodyBytes;

        ServletRequestView(HttpServletRequest request) {
            this.request = request;
        }

        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public String path() {
            String info = request.getPathInfo();
            if (info == null) {
                return request.getServletPath().isEmpty() ? "" : null;
            }
            return info.startsWith("/") ? info.substring(1) : info;
        }

        @Override
        public String mountName() {
            String uri = request.getRequestURI();
            return uri.substring(uri.lastIndexOf('/') + 1);
        }

        @Override
        public String header(String name) {
            return request.getHeader(name);
        }

        @Override
        public long contentLength() {
            return request.getContentLengthLong();
        }

        @Override
        public InputStream body() throws IOException {
            return new java.io.FilterInputStream(request.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    counted(b < 0 ? -1 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    counted(n);
                    return n;
                }
            };
        }

        private void counted(int n) {
            if (n < 0) {
                bodyEnded = true;
            } else {
                bodyBytes += n;
            }
        }

        /** @return whether the request came with a body that the handler did not read to its end */
        boolean bodyLeftUnread() {
            long declared = request.getContentLengthLong();
            if (declared <= 0 && request.getHeader("Transfer-Encoding") == null) {
                return false;
            }
            return !bodyEnded && (declared < 0 || bodyBytes < declared);
        }

        @Override
        public String origin() {
            String scheme = request.getScheme();
            String host = request.getServerName();
            if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
                host = "[" + host + "]";
            }
            int port = request.getServerPort();
            boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return scheme + "://" + host + (defaultPort || port <= 0 ? "" : ":" + port);
        }

        @Override
        public Permissions permissions() {
            if (permissions == null) {
                permissions = new Permissions(access.canView(request), access.canExport(request),
                        access.canImport(request), request.getRemoteUser(), access.describe());
            }
            return permissions;
        }

        @Override
        public CsrfToken csrfToken() {
            return csrfToken.apply(request);
        }
    }
}
