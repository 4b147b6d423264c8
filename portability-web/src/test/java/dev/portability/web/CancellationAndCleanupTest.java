package dev.portability.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.jdbc.JdbcStore;
import dev.portability.jdbc.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations can be cancelled while they run (an import rolls back), one export and one import run at a time, and
 * spooled files go away: after a successful import, on DELETE, after their retention, and at shutdown.
 */
class CancellationAndCleanupTest {

    @TempDir
    static Path spool;

    private static TestDatabase source;
    private static TestDatabase target;
    private static final Gate GATE = new Gate();
    private static ConsoleServer server;
    private static Http gated;
    private static byte[] archive;

    @BeforeAll
    static void start() {
        source = WebShop.create(TestDatabase.Kind.H2, 20);
        target = WebShop.create(TestDatabase.Kind.H2, 5);
        PortabilityWebAccess admin = PortabilityWebAccess.requireRole("ADMIN");
        server = ConsoleServer.start(Map.of(
                "gated", PortabilityWeb.builder(WebShop.portability(GATE.around(JdbcStore.discover(
                        target.dataSource())))).access(admin).spoolDirectory(spool.resolve("gated")).build(),
                "short", PortabilityWeb.builder(WebShop.portability(source)).access(admin)
                        .retention(Duration.ofSeconds(1)).spoolDirectory(spool.resolve("short")).build()));
        gated = new Http(server.console("gated")).as("ann", "ADMIN");
        Http shortLived = new Http(server.console("short")).as("ann", "ADMIN");
        JsonNode exported = shortLived.finish(shortLived.post("api/export/generate", ""));
        archive = shortLived.get(exported.get("result").get("file").get("href").asText()).body();
    }

    @AfterAll
    static void stop() {
        GATE.open();
        server.close();
        source.close();
        target.close();
    }

    @Test
    void aCancelledImportRollsBackAndASecondImportMeanwhileIsRefused() {
        List<List<String>> before = WebShop.rows(target, "customers");
        String upload = gated.upload(archive).json().get("id").asText();
        String replace = "{\"upload\":\"" + upload + "\",\"mode\":\"REPLACE\",\"confirmReplace\":true}";
        GATE.close();
        Http.Answer started = gated.post("api/import/execute", replace);
        String href = started.json().get("href").asText();
        try {
            GATE.awaitReached();
            Http.Answer second = gated.post("api/import/execute", replace);
            assertThat(second.status()).as(second.toString()).isEqualTo(409);
            assertThat(second.json().get("code").asText()).isEqualTo("BUSY");
            assertThat(second.json().get("retryable").asBoolean()).isTrue();
            assertThat(second.header("Retry-After")).isEqualTo("10");
            assertThat(gated.delete("api/import/uploads/" + upload).status()).isEqualTo(409);

            Http.Answer cancel = gated.delete(href);

            assertThat(cancel.status()).isEqualTo(202);
            assertThat(cancel.json().get("cancelRequested").asBoolean()).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            GATE.open();
        }
        JsonNode done = gated.await(href, "RUNNING", false);

        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("CANCELLED");
        assertThat(done.get("problem").get("code").asText()).isEqualTo("CANCELLED");
        assertThat(done.get("problem").get("retryable").asBoolean()).isTrue();
        assertThat(WebShop.rows(target, "customers")).isEqualTo(before);
        assertThat(WebShop.rows(target, "orders")).hasSize(10);
        assertThat(gated.get("api/import/uploads/" + upload).status()).isEqualTo(200);
        assertThat(gated.delete(href).status()).isEqualTo(204);
    }

    @Test
    void aCancelledExportLeavesNoFileAndASecondExportMeanwhileIsRefused() throws InterruptedException {
        GATE.close();
        Http.Answer started = gated.post("api/export/generate", "");
        String id = started.json().get("id").asText();
        try {
            GATE.awaitReached();
            Http.Answer second = gated.post("api/export/generate", "");
            assertThat(second.status()).isEqualTo(409);
            Http.Answer early = gated.get("api/export/files/" + id);
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.json().get("detail").asText()).contains("still running");
            assertThat(gated.get("api/operations/" + id).json().get("phase").asText()).isEqualTo("EXPORTING");
            assertThat(gated.delete("api/operations/" + id).status()).isEqualTo(202);
        } finally {
            GATE.open();
        }
        JsonNode done = gated.await("api/operations/" + id, "RUNNING", false);

        assertThat(done.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(gated.get("api/export/files/" + id).status()).isEqualTo(404);
        assertThat(EndpointsTest.listing(spool.resolve("gated"))).noneMatch(name -> name.startsWith("export-"));
    }

    @Test
    void uploadsOperationsAndExportFilesGoAwayAfterTheirRetention() {
        Http shortLived = new Http(server.console("short")).as("ann", "ADMIN");
        String upload = shortLived.upload(archive).json().get("id").asText();
        JsonNode exported = shortLived.finish(shortLived.post("api/export/generate", ""));
        String id = exported.get("id").asText();
        assertThat(EndpointsTest.listing(spool.resolve("short"))).contains("upload-" + upload + ".zip",
                "export-" + id + ".zip");

        awaitStatus(shortLived, "api/import/uploads/" + upload, 404);
        awaitStatus(shortLived, "api/operations/" + id, 404);

        assertThat(shortLived.get("api/export/files/" + id).status()).isEqualTo(404);
        assertThat(EndpointsTest.listing(spool.resolve("short"))).isEmpty();
    }

    @Test
    void shutdownCancelsRunningWorkAndDeletesTheSpool() throws Exception {
        Gate gate = new Gate();
        try (TestDatabase db = WebShop.create(TestDatabase.Kind.H2, 5)) {
            List<List<String>> before = WebShop.rows(db, "customers");
            Path root = spool.resolve("shutdown");
            ConsoleServer own = ConsoleServer.start(Map.of("console", PortabilityWeb.builder(WebShop.portability(
                    gate.around(JdbcStore.discover(db.dataSource())))).access(PortabilityWebAccess.allowAll())
                    .spoolDirectory(root).build()));
            Http console = new Http(own.console("console"));
            String upload = console.upload(archive).json().get("id").asText();
            gate.close();
            Http.Answer started = console.post("api/import/execute", "{\"upload\":\"" + upload
                    + "\",\"mode\":\"REPLACE\",\"confirmReplace\":true}");
            assertThat(started.status()).isEqualTo(202);
            gate.awaitReached();
            Path directory = own.servlet("console").spoolDirectory();
            assertThat(directory).isDirectory();

            Thread opener = new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                gate.open();
            });
            opener.start();
            own.close();
            opener.join();

            assertThat(WebShop.rows(db, "customers")).isEqualTo(before);
            assertThat(Files.exists(directory)).isFalse();
            assertThat(EndpointsTest.listing(root)).isEmpty();
        }
    }

    private static void awaitStatus(Http client, String path, int status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (client.get(path).status() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " did not answer " + status + " within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
