package dev.portability.cli;

import dev.portability.core.Portability;
import dev.portability.web.PortabilityWeb;
import dev.portability.web.PortabilityWebAccess;
import java.net.InetAddress;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code portability serve}: the HTTP console over a database, on this machine. */
@Command(name = "serve", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Serve the export/import page and its JSON endpoints (docs/web.md) over a database, or "
                + "over the demo shop with --demo, in an embedded web server on this machine, until Ctrl-C.",
            "Prints an address with a one-time token: the first request with it gets a session cookie; requests "
                    + "without the cookie, and requests naming another host (DNS rebinding), are refused."})
final class ServeCommand extends DatabaseCommand {

    /** How the demo's database is named in the JSON output. */
    static final String DEMO_DATABASE = "demo shop (in-memory H2)";

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

    @Option(order = 44, names = "--demo", description = "Serve the console over the demo's online shop (an "
            + "in-memory H2 database of 10 tables, application " + DemoCommand.APPLICATION + "), with an earlier "
            + "backup of it to import. Needs no database: instead of --url.")
    boolean demo;

    /** The demo shop's default size: big enough for progress to show, small enough to start in seconds. */
    static final int DEFAULT_DEMO_ROWS = 20_000;

    @Option(order = 45, names = "--demo-rows", paramLabel = "N", defaultValue = "" + DEFAULT_DEMO_ROWS,
            description = "With --demo: about how many rows the shop holds, " + DemoShop.Size.MIN_ROWS + " or more. "
                    + "Default: ${DEFAULT-VALUE}.")
    int demoRows = DEFAULT_DEMO_ROWS;

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
        if (demo) {
            for (String option : List.of("--url", "--user", "--schema", "--include", "--exclude", "--application",
                    "--schema-version")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--demo serves the embedded demo "
                            + "shop (application " + DemoCommand.APPLICATION + "); leave out " + option
                            + ", or leave out --demo to serve a database of yours");
                }
            }
            if (demoRows < DemoShop.Size.MIN_ROWS) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--demo-rows must be "
                        + DemoShop.Size.MIN_ROWS + " or more, was " + demoRows);
            }
            err().println("Creating the demo shop (about " + Text.count(demoRows) + " rows) and a backup of it…");
            err().flush();
            try (ServeDemo shop = ServeDemo.create(demoRows)) {
                return serve(address, shop.portability(), shop);
            }
        }
        return serve(address, portability(dev.portability.api.ProgressListener.NONE), null);
    }

    /**
     * Serves until Ctrl-C.
     *
     * @param address the address to listen on
     * @param portability the library over the database
     * @param shop the demo shop, or null
     * @return the exit code
     */
    private int serve(InetAddress address, Portability portability, ServeDemo shop) throws Exception {
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
                node.put("database", shop == null ? database() : DEMO_DATABASE);
                node.put("application", portability.application());
                node.put("schemaVersion", portability.schemaVersion());
                node.put("readOnly", readOnly);
                if (shop != null) {
                    node.put("backup", shop.backup().toString());
                }
                printJson(node);
            } else {
                out().println("Portability console for " + (shop == null ? database() : "the demo shop, an "
                        + "in-memory H2 database of " + shop.statistics().tables().size() + " tables and "
                        + Text.count(shop.statistics().totalRows()) + " rows") + " (application " + portability.application() + ", schema version "
                        + portability.schemaVersion() + (readOnly ? ", read-only" : "") + "):");
                out().println("  " + server.urlWithToken());
                if (shop != null) {
                    out().println("To try an import, upload this earlier backup of the shop (deleted when the console "
                            + "stops):");
                    out().println("  " + shop.backup());
                    out().println("  Since the backup, the shop changed: " + shop.changes() + ".");
                }
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
