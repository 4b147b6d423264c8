package dev.portability.cli;

import dev.portability.core.Portability;
import dev.portability.web.PortabilityWeb;
import dev.portability.web.PortabilityWebAccess;
import java.net.InetAddress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code portability serve}: the HTTP console over a database, on this machine. */
@Command(name = "serve", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Serve the export/import console (the JSON endpoints of docs/web.md, and its page) over a "
                + "database, in an embedded web server on this machine, until Ctrl-C.",
            "Prints an address with a one-time token: the first request with it gets a session cookie; requests "
                    + "without the cookie, and requests naming another host (DNS rebinding), are refused."})
final class ServeCommand extends DatabaseCommand {

    @Option(order = 40, names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on. Default: ${DEFAULT-VALUE} (this machine only). Another "
                    + "address makes the console reachable from the network without TLS: prefer an SSH tunnel.")
    String host = "127.0.0.1";

    @Option(order = 41, names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "The port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(order = 42, names = "--read-only", description = "Statistics and exports only: refuse uploads and "
            + "imports.")
    boolean readOnly;

    @Option(order = 43, names = "--max-upload-bytes", paramLabel = "BYTES",
            description = "The largest archive accepted for upload. Default: 1 GiB.")
    Long maxUploadBytes;

    @Override
    int execute() throws Exception {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535, was " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--host: unknown address '" + host + "'");
        }
        Portability portability = portability(dev.portability.api.ProgressListener.NONE);
        PortabilityWebAccess access = readOnly ? PortabilityWebAccess.allowAll().withoutImport()
                : PortabilityWebAccess.allowAll();
        PortabilityWeb.Builder console = PortabilityWeb.builder(portability).access(access);
        if (maxUploadBytes != null) {
            console.maxUploadBytes(maxUploadBytes);
        }
        if (!address.isLoopbackAddress()) {
            err().println("Warning: --host " + host + " makes the console reachable from other machines, over plain "
                    + "HTTP: whoever sees the printed address can use it once. Prefer the default 127.0.0.1 and "
                    + "an SSH tunnel (ssh -L 8080:127.0.0.1:PORT host).");
            err().flush();
        }
        try (ServeServer server = ServeServer.start(console.build(), host, port)) {
            if (json()) {
                var node = JsonOut.object();
                node.put("url", server.urlWithToken());
                node.put("database", database());
                node.put("application", portability.application());
                node.put("schemaVersion", portability.schemaVersion());
                node.put("readOnly", readOnly);
                printJson(node);
            } else {
                out().println("Portability console for " + database() + " (application " + portability.application()
                        + ", schema version " + portability.schemaVersion() + (readOnly ? ", read-only" : "")
                        + "):");
                out().println("  " + server.urlWithToken());
                out().println("The link works once: it is traded for a session cookie. Ctrl-C stops the console "
                        + "(a running import is rolled back).");
                out().flush();
            }
            dev.portability.api.Cancellation stop = context().cancellation();
            while (!stop.isCancelled()) {
                Thread.sleep(100);
            }
        }
        return ExitCodes.OK;
    }
}
