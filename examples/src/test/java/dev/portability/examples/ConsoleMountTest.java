package dev.portability.examples;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** docs/web.md's mounting snippet is the code {@link ConsoleMount} compiles, and it works in a servlet container. */
class ConsoleMountTest {

    @Test
    void theDocsSnippetIsTheCompiledExample() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "web.md"));
        int start = docs.indexOf("```java\n", docs.indexOf("## Mounting in a servlet container"))
                + "```java\n".length();
        String block = docs.substring(start, docs.indexOf("```\n", start));

        String source = Files.readString(Path.of("src/main/java/dev/portability/examples/ConsoleMount.java"));
        String region = source.substring(source.indexOf("// docs/web.md mounting begins\n")
                + "// docs/web.md mounting begins\n".length(), source.indexOf("        // docs/web.md mounting ends"));
        String unindented = Arrays.stream(region.split("\n", -1))
                .map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .collect(Collectors.joining("\n"));

        assertThat(block.strip()).isEqualTo(unindented.strip());
    }

    @Test
    void theMountedConsoleAnswersItsRoleAndRefusesOthers() throws Exception {
        DataSource dataSource = SampleShop.create("mounted", 10);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/shop");
        // the host's own security: here, a header names a user with the role
        Filter security = (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            boolean admin = "ann".equals(http.getHeader("X-User"));
            chain.doFilter(!admin ? http : new HttpServletRequestWrapper(http) {
                @Override
                public Principal getUserPrincipal() {
                    return () -> "ann";
                }

                @Override
                public boolean isUserInRole(String role) {
                    return role.equals("PORTABILITY_ADMIN");
                }
            }, response);
        };
        context.addFilter(new FilterHolder(security), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addEventListener(new ConsoleMount(dataSource));
        server.setHandler(context);
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/shop/portability/");
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> stats = client.send(HttpRequest.newBuilder(base.resolve("api/export/stats"))
                    .header("X-User", "ann").build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> stranger = client.send(HttpRequest.newBuilder(base.resolve("api/export/stats"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
            // 10 customers, 20 orders, 20 order lines, 100 products
            assertThat(stats.body()).contains("\"totalRows\" : 150");
            assertThat(stranger.statusCode()).isEqualTo(403);
            assertThat(stranger.body()).contains("role PORTABILITY_ADMIN");
        } finally {
            server.stop();
        }
    }
}
