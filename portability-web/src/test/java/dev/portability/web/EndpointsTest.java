package dev.portability.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.api.ErrorCode;
import dev.portability.jdbc.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint and status of the console, over HTTP, against an embedded Jetty and real H2 databases: a source
 * shop (30 customers, 60 orders, 3 notes) and a target shop that each test resets (10 customers named "Old",
 * 5 orders, 1 note).
 */
class EndpointsTest {

    @TempDir
    static Path spool;

    private static TestDatabase source;
    private static TestDatabase target;
    private static ConsoleServer server;
    private static Http sourceConsole;
    private static Http targetConsole;
    private static byte[] archive;

    @BeforeAll
    static void start() {
        source = WebShop.create(TestDatabase.Kind.H2, 30);
        target = WebShop.create(TestDatabase.Kind.H2, 0);
        PortabilityWebAccess admin = PortabilityWebAccess.requireRole("ADMIN");
        server = ConsoleServer.start(Map.of(
                "source", PortabilityWeb.builder(WebShop.portability(source)).access(admin)
                        .spoolDirectory(spool.resolve("source")).build(),
                "target", PortabilityWeb.builder(WebShop.portability(target)).access(admin)
                        .spoolDirectory(spool.resolve("target")).build(),
                "small", PortabilityWeb.builder(WebShop.portability(target)).access(admin)
                        .spoolDirectory(spool.resolve("small")).maxUploadBytes(64 * 1024).build(),
                "full", PortabilityWeb.builder(WebShop.portability(target)).access(admin)
                        .spoolDirectory(spool.resolve("full")).usableSpace(dir -> 1000).build()));
        sourceConsole = new Http(server.console("source")).as("ann", "ADMIN");
        targetConsole = new Http(server.console("target")).as("ann", "ADMIN");
        archive = exported();
    }

    @AfterAll
    static void stop() {
        server.close();
        source.close();
        target.close();
    }

    @BeforeEach
    void resetTarget() {
        target.execute("DELETE FROM orders", "DELETE FROM customers", "DELETE FROM notes");
        for (int id = 1; id <= 10; id++) {
            target.execute("INSERT INTO customers VALUES (" + id + ", 'Old " + id + "')");
        }
        for (int id = 1; id <= 5; id++) {
            target.execute("INSERT INTO orders VALUES (" + id + ", " + id + ", 9.99)");
        }
        target.execute("INSERT INTO notes VALUES (1, 'kept')");
    }

    private static byte[] exported() {
        JsonNode done = sourceConsole.finish(sourceConsole.post("api/export/generate", "{}"));
        Http.Answer file = sourceConsole.get(done.get("result").get("file").get("href").asText());
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        return file.body();
    }

    private static String upload(Http console, byte[] bytes) {
        Http.Answer uploaded = console.upload(bytes);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().get("id").asText();
    }

    private static void assertProblem(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).isEqualTo("urn:dev.portability:problem:" + code);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("suggestion").asText()).isNotBlank();
        assertThat(problem.has("retryable")).isTrue();
    }

    private static List<List<String>> targetRows(String table) {
        return WebShop.rows(target, table);
    }

    @Test
    void infoNamesTheApplicationItsLimitsAndWhatTheCallerMayDo() {
        Http.Answer info = targetConsole.get("api/info");

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.contentType()).startsWith("application/json");
        JsonNode json = info.json();
        assertThat(json.get("application").asText()).isEqualTo("shop");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("libraryVersion").asText()).isEqualTo(dev.portability.core.Portability.version());
        assertThat(json.get("maxUploadBytes").asLong()).isEqualTo(1L << 30);
        assertThat(json.get("retentionSeconds").asLong()).isEqualTo(3600);
        assertThat(json.get("permissions").toString()).isEqualTo("{\"view\":true,\"export\":true,\"import\":true}");
        assertThat(json.get("requestHeader").asText()).isEqualTo("X-Portability-Request");
        assertThat(json.get("csrf").isNull()).isTrue();
        assertThat(new Http(server.console("small")).as("ann", "ADMIN").get("api/info").json()
                .get("maxUploadBytes").asLong()).isEqualTo(64 * 1024);
    }

    @Test
    void statsCountsEveryTableInOneSnapshot() {
        Http.Answer stats = sourceConsole.get("api/export/stats");

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("totalRows").asLong()).isEqualTo(93);
        assertThat(stats.json().get("tables").toString()).contains("{\"table\":\"customers\",\"rows\":30}")
                .contains("{\"table\":\"orders\",\"rows\":60}").contains("{\"table\":\"notes\",\"rows\":3}");
    }

    @Test
    void anExportIsAnOperationWhoseArchiveDownloadsUnderTheApplicationsName() throws IOException {
        Http.Answer started = sourceConsole.post("api/export/generate", "");

        assertThat(started.status()).isEqualTo(202);
        String id = started.json().get("id").asText();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(started.header("Location")).isEqualTo("../operations/" + id);
        assertThat(started.json().get("kind").asText()).isEqualTo("EXPORT");
        JsonNode done = sourceConsole.finish(started);
        assertThat(done.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("finishedAt").asText()).endsWith("Z");
        JsonNode result = done.get("result");
        assertThat(result.get("totalRows").asLong()).isEqualTo(93);
        assertThat(result.get("verified").asBoolean()).isTrue();
        assertThat(result.get("file").get("href").asText()).isEqualTo("api/export/files/" + id);

        Http.Answer file = sourceConsole.get("api/export/files/" + id);

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/zip");
        assertThat(file.header("Content-Length")).isEqualTo(String.valueOf(file.body().length));
        assertThat(file.header("Content-Disposition")).matches("attachment; filename=\"shop-\\d{8}T\\d{6}Z\\.zip\"; "
                + "filename\\*=UTF-8''shop-\\d{8}T\\d{6}Z\\.zip");
        assertThat(file.header("Content-Disposition")).contains(result.get("file").get("fileName").asText());
        assertThat(entries(file.body())).contains("manifest.json");
        Path copy = spool.resolve("downloaded.zip");
        Files.write(copy, file.body());
        assertThat(WebShop.portability(source).validate(copy).valid()).isTrue();
    }

    @Test
    void anUploadIsValidatedPreviewedAndMergedKeepingTheExistingRows() {
        Http.Answer uploaded = targetConsole.with("X-Portability-Filename", "my%20shop%E2%80%99s.zip")
                .upload(archive);
        assertThat(uploaded.status()).isEqualTo(201);
        String id = uploaded.json().get("id").asText();
        assertThat(uploaded.header("Location")).isEqualTo("uploads/" + id);
        assertThat(uploaded.json().get("size").asLong()).isEqualTo(archive.length);
        assertThat(uploaded.json().get("fileName").asText()).isEqualTo("my shop\u2019s.zip");
        assertThat(targetConsole.get("api/import/uploads/" + id).json().get("size").asLong())
                .isEqualTo(archive.length);

        JsonNode validated = targetConsole.finish(targetConsole.post("api/import/validate",
                "{\"upload\":\"" + id + "\"}"));
        assertThat(validated.get("kind").asText()).isEqualTo("VALIDATE");
        assertThat(validated.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(validated.get("result").get("valid").asBoolean()).isTrue();
        assertThat(validated.get("result").get("manifest").get("application").asText()).isEqualTo("shop");
        assertThat(validated.get("result").get("manifest").get("totalRows").asLong()).isEqualTo(93);

        JsonNode preview = targetConsole.finish(targetConsole.post("api/import/preview",
                "{\"upload\":\"" + id + "\",\"mode\":\"MERGE\",\"conflictPolicy\":\"SKIP\"}")).get("result");
        assertThat(preview.get("conflictPolicy").asText()).isEqualTo("SKIP");
        assertThat(preview.get("conflicts").asLong()).isEqualTo(10 + 5 + 1);
        assertThat(preview.get("newRows").asLong()).isEqualTo(93 - 16);
        assertThat(preview.get("wouldBeRefused").asBoolean()).isFalse();
        assertThat(preview.get("tables").toString()).contains("\"table\":\"customers\"")
                .contains("\"sampleConflictKeys\":[1,2,3,4,5,6,7,8,9,10]");
        assertThat(targetRows("customers")).hasSize(10);

        JsonNode imported = targetConsole.finish(targetConsole.post("api/import/execute",
                "{\"upload\":\"" + id + "\",\"mode\":\"merge\",\"conflictPolicy\":\"skip\"}"));
        assertThat(imported.get("state").asText()).as(imported.toString()).isEqualTo("SUCCEEDED");
        assertThat(imported.get("result").get("inserted").asLong()).isEqualTo(77);
        assertThat(imported.get("result").get("skipped").asLong()).isEqualTo(16);

        List<List<String>> customers = targetRows("customers");
        assertThat(customers).hasSize(30);
        assertThat(customers.get(0)).containsExactly("1", "Old 1");
        assertThat(customers.get(29)).containsExactly("30", "Customer 30");
        assertThat(targetRows("orders")).hasSize(60).first().isEqualTo(List.of("1", "1", "9.99"));
        assertThat(targetRows("notes")).containsExactly(List.of("1", "kept"), List.of("2", "second"),
                List.of("3", "third"));
        assertProblem(targetConsole.get("api/import/uploads/" + id), 404, "NOT_FOUND");
    }

    @Test
    void replaceNeedsConfirmationThenLeavesTheImportedTablesHoldingTheArchive() {
        String id = upload(targetConsole, archive);
        String request = "{\"upload\":\"" + id + "\",\"mode\":\"REPLACE\",\"tables\":[\"customers\",\"orders\"]";

        Http.Answer unconfirmed = targetConsole.post("api/import/execute", request + "}");

        assertProblem(unconfirmed, 400, "REPLACE_NOT_CONFIRMED");
        assertThat(targetRows("customers")).hasSize(10);

        JsonNode preview = targetConsole.finish(targetConsole.post("api/import/preview", request + "}"))
                .get("result");
        assertThat(preview.get("mode").asText()).isEqualTo("REPLACE");
        assertThat(preview.get("conflictPolicy").isNull()).isTrue();
        JsonNode done = targetConsole.finish(targetConsole.post("api/import/execute",
                request + ",\"confirmReplace\":true}"));

        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("result").get("deleted").asLong()).isEqualTo(15);
        assertThat(targetRows("customers")).isEqualTo(WebShop.rows(source, "customers"));
        assertThat(targetRows("orders")).isEqualTo(WebShop.rows(source, "orders"));
        assertThat(targetRows("notes")).containsExactly(List.of("1", "kept"));
    }

    @Test
    void mergeWithPolicyFailRefusesConflictsNamingTheKeysAndWritesNothing() {
        String id = upload(targetConsole, archive);

        JsonNode failed = targetConsole.finish(targetConsole.post("api/import/execute",
                "{\"upload\":\"" + id + "\",\"mode\":\"MERGE\"}"));

        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        JsonNode problem = failed.get("problem");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("code").asText()).isEqualTo("CONFLICTS");
        assertThat(problem.get("conflictCount").asLong()).isEqualTo(16);
        assertThat(problem.get("conflicts").get("customers").toString()).startsWith("[1,2,3");
        assertThat(problem.get("suggestion").asText()).isEqualTo(ErrorCode.CONFLICTS.suggestion());
        assertThat(problem.get("retryable").asBoolean()).isFalse();
        assertThat(failed.get("result").isNull()).isTrue();
        assertThat(targetRows("customers")).hasSize(10);
        assertThat(targetConsole.get("api/import/uploads/" + id).status()).isEqualTo(200);
    }

    @Test
    void aDamagedArchiveIsReportedByValidationAndRefusedByPreviewWithWhatToDo() throws IOException {
        String damaged = upload(targetConsole, tamper(archive));
        String notZip = upload(targetConsole, "not an archive".getBytes(StandardCharsets.UTF_8));

        JsonNode report = targetConsole.finish(targetConsole.post("api/import/validate",
                "{\"upload\":\"" + damaged + "\"}")).get("result");
        JsonNode refused = targetConsole.finish(targetConsole.post("api/import/preview",
                "{\"upload\":\"" + notZip + "\",\"mode\":\"MERGE\",\"conflictPolicy\":\"SKIP\"}"));

        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("problemCount").asLong()).isPositive();
        JsonNode first = report.get("problems").get(0);
        assertThat(first.get("code").asText()).isEqualTo("CHECKSUM_MISMATCH");
        assertThat(first.get("table").asText()).isEqualTo("customers");
        assertThat(report.get("suggestions").get("CHECKSUM_MISMATCH").asText())
                .isEqualTo(ErrorCode.CHECKSUM_MISMATCH.suggestion());
        assertThat(refused.get("state").asText()).isEqualTo("FAILED");
        JsonNode problem = refused.get("problem");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("code").asText()).isEqualTo("NOT_AN_ARCHIVE");
        assertThat(problem.get("problems").get(0).get("code").asText()).isEqualTo("NOT_AN_ARCHIVE");
        assertThat(problem.get("suggestion").asText()).isEqualTo(ErrorCode.NOT_AN_ARCHIVE.suggestion());
        assertThat(targetRows("customers")).hasSize(10);
    }

    @Test
    void badRequestsAreRefusedWithWhatIsWrong() {
        String id = upload(targetConsole, archive);

        Http.Answer cascades = targetConsole.post("api/import/execute",
                "{\"upload\":\"" + id + "\",\"mode\":\"REPLACE\",\"confirmReplace\":true,\"acceptCascades\":true}");
        Http.Answer badMode = targetConsole.post("api/import/preview", "{\"upload\":\"" + id + "\",\"mode\":\"UPSERT\"}");
        Http.Answer policyWithReplace = targetConsole.post("api/import/preview",
                "{\"upload\":\"" + id + "\",\"mode\":\"REPLACE\",\"conflictPolicy\":\"SKIP\"}");
        Http.Answer notJson = targetConsole.post("api/import/validate", "{upload:");
        Http.Answer unknownUpload = targetConsole.post("api/import/validate",
                "{\"upload\":\"0123456789abcdef0123456789abcdef\"}");
        Http.Answer exportOptions = targetConsole.post("api/export/generate", "{\"tables\":[\"customers\"]}");
        Http.Answer textBody = targetConsole.with("X-Portability-Request", "1")
                .postRaw("api/import/validate", "text/plain", ("{\"upload\":\"" + id + "\"}").getBytes());
        Http.Answer formUpload = targetConsole.with("X-Portability-Request", "1")
                .postRaw("api/import/uploads", "application/x-www-form-urlencoded", archive);
        Http.Answer empty = targetConsole.upload(new byte[0]);

        assertProblem(cascades, 400, "BAD_REQUEST");
        assertThat(cascades.json().get("detail").asText()).contains("'acceptCascades'")
                .contains("the host's configuration");
        assertProblem(badMode, 400, "BAD_REQUEST");
        assertThat(badMode.json().get("detail").asText()).contains("[MERGE, REPLACE]");
        assertProblem(policyWithReplace, 400, "BAD_REQUEST");
        assertProblem(notJson, 400, "BAD_REQUEST");
        assertProblem(unknownUpload, 404, "NOT_FOUND");
        assertProblem(exportOptions, 400, "BAD_REQUEST");
        assertThat(exportOptions.json().get("detail").asText()).contains("every table");
        assertProblem(textBody, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(formUpload, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(empty, 400, "BAD_REQUEST");
        assertThat(targetRows("customers")).hasSize(10);
    }

    @Test
    void anUploadOverTheLimitIsRefusedBeforeItsBodyIsRead() throws IOException {
        Http small = new Http(server.console("small")).as("ann", "ADMIN");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /app/small/api/import/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Test-User: ann:ADMIN\r\nX-Portability-Request: 1\r\nContent-Type: application/zip\r\n"
                    + "Content-Length: 1099511627776\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }

        Http.Answer chunked = small.send(small.request("api/import/uploads").header(Http.CSRF, "1")
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[200 * 1024]))));

        assertProblem(chunked, 413, "UPLOAD_TOO_LARGE");
        assertThat(chunked.json().get("detail").asText()).contains("65536 bytes");
        assertThat(small.upload(new byte[64 * 1024 + 1]).status()).isEqualTo(413);
        assertThat(listing(spool.resolve("small"))).allMatch(name -> !name.startsWith("upload-"));
    }

    @Test
    void anUploadTheDiskHasNoRoomForIsRefused() {
        Http full = new Http(server.console("full")).as("ann", "ADMIN");

        Http.Answer answer = full.upload(archive);

        assertProblem(answer, 507, "INSUFFICIENT_STORAGE");
        assertThat(answer.json().get("detail").asText()).contains("1000 bytes free");
    }

    @Test
    void unknownPathsMethodsAndIdsAreProblems() {
        assertProblem(targetConsole.get("api/nothing"), 404, "NOT_FOUND");
        assertProblem(targetConsole.get("secret.properties"), 404, "NOT_FOUND");
        assertProblem(targetConsole.get("api/operations/0123456789abcdef0123456789abcdef"), 404, "NOT_FOUND");
        assertProblem(targetConsole.get("api/operations/not-an-id"), 404, "NOT_FOUND");
        assertProblem(targetConsole.get("api/export/files/not-an-id"), 404, "NOT_FOUND");
        assertProblem(targetConsole.get("api/export/files/0123456789abcdef0123456789abcdef"), 404, "NOT_FOUND");
        assertProblem(targetConsole.delete("api/import/uploads/0123456789abcdef0123456789abcdef"), 404, "NOT_FOUND");
        Http.Answer wrongMethod = targetConsole.delete("api/info");
        assertProblem(wrongMethod, 405, "METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
        assertProblem(targetConsole.get("api/export/generate"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void theMountServesItsPageFromTheAllowListWithSecurityHeaders() {
        Http.Answer bare = new Http(server.console("target").resolve("..")).as("ann", "ADMIN").get("target");
        Http.Answer page = targetConsole.get("");
        Http.Answer css = targetConsole.get("app.css");
        Http.Answer again = targetConsole.with("If-None-Match", css.header("ETag")).get("app.css");

        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.header("Location")).isEqualTo("target/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html").containsIgnoringCase("charset=utf-8");
        assertThat(page.text()).contains("<title>Portability</title>").contains("href=\"app.css\"")
                .doesNotContain("{{");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(again.status()).isEqualTo(304);
        assertProblem(targetConsole.get("app.js"), 404, "NOT_FOUND");
        for (Http.Answer answer : List.of(bare, page, css, targetConsole.get("api/info"),
                targetConsole.get("api/nothing"))) {
            assertThat(answer.header("Content-Security-Policy")).as(answer.toString())
                    .isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(targetConsole.get("api/info").header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aFinishedOperationIsForgottenOnDeleteWithItsFile() {
        JsonNode done = sourceConsole.finish(sourceConsole.post("api/export/generate", "{}"));
        String id = done.get("id").asText();
        Path file = spool.resolve("source");

        Http.Answer deleted = sourceConsole.delete("api/operations/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(sourceConsole.get("api/operations/" + id), 404, "NOT_FOUND");
        assertProblem(sourceConsole.get("api/export/files/" + id), 404, "NOT_FOUND");
        assertThat(listing(file)).noneMatch(name -> name.contains(id));
    }

    @Test
    void anUploadCanBeDeleted() {
        String id = upload(targetConsole, archive);

        assertThat(targetConsole.delete("api/import/uploads/" + id).status()).isEqualTo(204);

        assertProblem(targetConsole.get("api/import/uploads/" + id), 404, "NOT_FOUND");
        assertThat(listing(spool.resolve("target"))).noneMatch(name -> name.contains(id));
    }

    /** @return the names of the files in the spool directories below a spool root */
    static List<String> listing(Path root) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (var files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> names.add(f.getFileName().toString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    /** @return the entry names of a ZIP */
    static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** @return the archive with one customer's name changed: its checksum no longer matches */
    static byte[] tamper(byte[] zip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = readAll(in);
                String text = new String(content, StandardCharsets.UTF_8);
                if (text.contains("\"Customer 7\"")) {
                    content = text.replace("\"Customer 7\"", "\"Customer X\"").getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
