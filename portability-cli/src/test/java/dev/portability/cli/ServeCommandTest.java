package dev.portability.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.api.Cancellation;
import dev.portability.jdbc.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code portability serve}: the console in an embedded Jetty on 127.0.0.1, reachable only with the printed
 * one-time token (traded for a cookie) and only under this machine's names.
 */
class ServeCommandTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** A running {@code serve} command. */
    private static final class Serving implements AutoCloseable {
        final Cancellation stop = new Cancellation();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger exit = new AtomicInteger(-1);
        final Thread thread;
        final JsonNode started;

        Serving(TestDatabase db, String... options) throws InterruptedException {
            String[] args = new String[5 + options.length];
            args[0] = "serve";
            args[1] = "--url";
            args[2] = db.url();
            args[3] = "--user";
            args[4] = db.user();
            System.arraycopy(options, 0, args, 5, options.length);
            Cli cli = new Cli(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), false, stop);
            thread = new Thread(() -> exit.set(cli.run(args)), "serve-test");
            thread.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!out.toString().contains("}") && thread.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(out.toString()).as("serve did not start: " + err).contains("\"url\"");
            started = CliRun.parse(out.toString());
        }

        URI url() {
            return URI.create(started.get("url").asText());
        }

        URI base() {
            String url = started.get("url").asText();
            return URI.create(url.substring(0, url.indexOf('?')));
        }

        @Override
        public void close() throws InterruptedException {
            stop.cancel();
            thread.join(30_000);
            assertThat(thread.isAlive()).isFalse();
            assertThat(exit.get()).as(err.toString()).isZero();
        }
    }

    private static HttpResponse<String> get(URI uri, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return the session cookie, after trading the token for it */
    private static String signIn(Serving serving) {
        HttpResponse<String> traded = get(serving.url(), null);
        assertThat(traded.statusCode()).isEqualTo(303);
        String setCookie = traded.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void theOneTimeTokenIsTradedForACookieThatEveryRequestNeeds() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            Shop.create(db);
            try (Serving serving = new Serving(db, "--application", "shop", "--json")) {
                assertThat(serving.url().getHost()).isEqualTo("127.0.0.1");
                assertThat(serving.url().getQuery()).matches("token=[0-9a-f]{32}");
                assertThat(serving.started.get("application").asText()).isEqualTo("shop");

                HttpResponse<String> noSession = get(serving.base().resolve("api/info"), null);
                HttpResponse<String> wrongToken = get(URI.create(serving.base() + "?token=0000"), null);
                HttpResponse<String> traded = get(serving.url(), null);
                String setCookie = traded.headers().firstValue("Set-Cookie").orElseThrow();
                String cookie = setCookie.substring(0, setCookie.indexOf(';'));
                HttpResponse<String> again = get(serving.url(), null);
                HttpResponse<String> againWithCookie = get(serving.url(), cookie);
                HttpResponse<String> info = get(serving.base().resolve("api/info"), cookie);
                HttpResponse<String> stats = get(serving.base().resolve("api/export/stats"), cookie);
                HttpResponse<String> page = get(serving.base(), cookie);

                assertThat(noSession.statusCode()).isEqualTo(403);
                assertThat(noSession.body()).contains("SESSION_REQUIRED");
                assertThat(wrongToken.statusCode()).isEqualTo(403);
                assertThat(wrongToken.body()).contains("TOKEN_REJECTED");
                assertThat(traded.statusCode()).isEqualTo(303);
                assertThat(traded.headers().firstValue("Location")).contains("/");
                assertThat(setCookie).startsWith("portability-session=").contains("HttpOnly")
                        .contains("SameSite=Strict");
                assertThat(again.statusCode()).as("the token works once").isEqualTo(403);
                assertThat(againWithCookie.statusCode()).isEqualTo(303);
                assertThat(info.statusCode()).isEqualTo(200);
                assertThat(CliRun.parse(info.body()).get("application").asText()).isEqualTo("shop");
                assertThat(CliRun.parse(stats.body()).get("totalRows").asLong()).isEqualTo(90);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
                assertThat(page.headers().firstValue("Server")).isEmpty();
            }
        }
    }

    @Test
    void aRequestNamingAnotherHostIsRefusedAgainstDnsRebinding() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            Shop.create(db);
            try (Serving serving = new Serving(db, "--json")) {
                String cookie = signIn(serving);
                int port = serving.base().getPort();

                assertThat(rawGet(port, "evil.example:" + port, cookie)).startsWith("HTTP/1.1 400")
                        .contains("HOST_REJECTED");
                assertThat(rawGet(port, "127.0.0.1.nip.io:" + port, cookie)).startsWith("HTTP/1.1 400");
                assertThat(rawGet(port, "localhost:" + port, cookie)).startsWith("HTTP/1.1 200");
                assertThat(rawGet(port, "127.0.0.1:" + port, cookie)).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void theConsoleExportsAndAReadOnlyConsoleRefusesUploads() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            Shop.create(db);
            int port;
            try (Serving serving = new Serving(db, "--json", "--read-only")) {
                String cookie = signIn(serving);
                port = serving.base().getPort();
                HttpResponse<String> started = send(HttpRequest.newBuilder(serving.base()
                        .resolve("api/export/generate")).header("Cookie", cookie)
                        .header("X-Portability-Request", "1").POST(HttpRequest.BodyPublishers.noBody()));
                HttpResponse<String> upload = send(HttpRequest.newBuilder(serving.base()
                        .resolve("api/import/uploads")).header("Cookie", cookie)
                        .header("X-Portability-Request", "1").header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2})));

                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                assertThat(upload.statusCode()).isEqualTo(403);
                assertThat(upload.body()).contains("imports disabled");
            }
            assertThat(listening(port)).as("the port is closed after Ctrl-C").isFalse();
        }
    }

    private static String rawGet(int port, String host, String cookie) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/info HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + cookie
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean listening(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }
}
