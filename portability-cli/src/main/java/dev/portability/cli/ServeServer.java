package dev.portability.cli;

import dev.portability.web.PortabilityWebServlet;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The embedded Jetty 12 of {@code portability serve}: the console at the root, behind its {@link ServeGuard}. */
final class ServeServer implements AutoCloseable {

    private final Server server;
    private final ServeGuard guard;
    private final String url;

    private ServeServer(Server server, ServeGuard guard, String url) {
        this.server = server;
        this.guard = guard;
        this.url = url;
    }

    /**
     * Starts the server.
     *
     * @param console the console
     * @param host the address to bind
     * @param port the port, 0 for a free one
     * @return the running server
     * @throws Exception if Jetty cannot start (the port is taken, the address is not this machine's)
     */
    static ServeServer start(PortabilityWebServlet console, String host, int port) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("portability-serve");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServeGuard guard = new ServeGuard(host);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(guard), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("portability", console), "/*");
        server.setHandler(context);
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        String shown = InetAddress.getByName(host).isAnyLocalAddress() ? "127.0.0.1" : host;
        if (shown.indexOf(':') >= 0 && !shown.startsWith("[")) {
            shown = "[" + shown + "]";
        }
        String url = "http://" + shown + ":" + connector.getLocalPort() + "/";
        return new ServeServer(server, guard, url);
    }

    /** @return the console's address, without the token */
    String url() {
        return url;
    }

    /** @return the address with the one-time token, to print */
    String urlWithToken() {
        return url + "?token=" + guard.token();
    }

    /** Stops Jetty; the console's destroy() cancels running work and deletes its spool. */
    @Override
    public void close() throws Exception {
        server.stop();
    }
}
