package dev.portability.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;
import java.security.Principal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An embedded Jetty 12 on 127.0.0.1 and a free port, with consoles mounted at {@code /app/<name>/*} and the host's
 * security played by a filter: header {@code X-Test-User: alice:ROLE_A,ROLE_B} signs the request in as alice
 * with those roles.
 */
final class ConsoleServer implements AutoCloseable {

    /** The header the test filter reads the user and roles from. */
    static final String USER_HEADER = "X-Test-User";

    private final Server server;
    private final URI base;
    private final Map<String, PortabilityWebServlet> servlets;

    private ConsoleServer(Server server, URI base, Map<String, PortabilityWebServlet> servlets) {
        this.server = server;
        this.base = base;
        this.servlets = servlets;
    }

    /**
     * @param mounts mount name → console
     * @return the started server
     */
    static ConsoleServer start(Map<String, PortabilityWebServlet> mounts) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/app");
        Filter security = (request, response, chain) -> chain.doFilter(signedIn((HttpServletRequest) request),
                response);
        context.addFilter(new FilterHolder(security), "/*", EnumSet.of(DispatcherType.REQUEST));
        mounts.forEach((name, servlet) -> context.addServlet(new ServletHolder(name, servlet), "/" + name + "/*"));
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start", e);
        }
        URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app/");
        return new ConsoleServer(server, base, new LinkedHashMap<>(mounts));
    }

    private static HttpServletRequest signedIn(HttpServletRequest request) {
        String header = request.getHeader(USER_HEADER);
        if (header == null) {
            return request;
        }
        int colon = header.indexOf(':');
        String user = colon < 0 ? header : header.substring(0, colon);
        Set<String> roles = colon < 0 ? Set.of() : Set.of(header.substring(colon + 1).split(","));
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return () -> user;
            }

            @Override
            public String getRemoteUser() {
                return user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }
        };
    }

    /**
     * @param mount a mount name
     * @return the console's base URL, ending in '/'
     */
    URI console(String mount) {
        return base.resolve(mount + "/");
    }

    /** @return the port */
    int port() {
        return base.getPort();
    }

    /**
     * @param mount a mount name
     * @return its servlet
     */
    PortabilityWebServlet servlet(String mount) {
        return servlets.get(mount);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
