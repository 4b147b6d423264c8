package dev.portability.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.api.ConfigurationException;
import dev.portability.jdbc.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access policy decides view, export and import separately, and every state-changing request passes the
 * cross-site request checks, whatever the policy says.
 */
class AccessAndCrossSiteTest {

    @TempDir
    static Path spool;

    private static TestDatabase shop;
    private static ConsoleServer server;

    @BeforeAll
    static void start() {
        shop = WebShop.create(TestDatabase.Kind.H2, 3);
        server = ConsoleServer.start(Map.of(
                "admin", console(PortabilityWebAccess.requireRole("ADMIN"), "admin").build(),
                "split", console(PortabilityWebAccess.roles("VIEWER", "EXPORTER", "IMPORTER"), "split").build(),
                "readonly", console(PortabilityWebAccess.requireRole("ADMIN").withoutImport(), "readonly").build(),
                "signedin", console(PortabilityWebAccess.authenticated(), "signedin").build(),
                "proxied", console(PortabilityWebAccess.requireRole("ADMIN"), "proxied")
                        .allowedOrigins("https://Console.Example.com:443")
                        .csrfToken(request -> new CsrfToken("X-CSRF-TOKEN", "t0k\"<en>")).build()));
    }

    private static PortabilityWeb.Builder console(PortabilityWebAccess access, String name) {
        return PortabilityWeb.builder(WebShop.portability(shop)).access(access).spoolDirectory(spool.resolve(name));
    }

    @AfterAll
    static void stop() {
        server.close();
        shop.close();
    }

    private static Http client(String mount) {
        return new Http(server.console(mount));
    }

    private static void assertForbidden(Http.Answer answer, String... detail) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(answer.json().get("detail").asText()).contains(detail);
    }

    private static void assertCrossSiteRefused(Http.Answer answer, String detail) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.json().get("code").asText()).isEqualTo("CSRF_REJECTED");
        assertThat(answer.json().get("detail").asText()).contains(detail);
    }

    /** Starts an export and waits for it, so that the next one is not refused as concurrent. */
    private static Http.Answer export(Http client) {
        Http.Answer started = client.post("api/export/generate", "");
        if (started.status() == 202) {
            client.finish(started);
        }
        return started;
    }

    @Test
    void aConsoleCannotBeBuiltWithoutAnAccessPolicy() {
        assertThatThrownBy(() -> PortabilityWeb.builder(WebShop.portability(shop)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("access: not set");
        assertThatThrownBy(() -> PortabilityWeb.builder(WebShop.portability(shop)).maxUploadBytes(11L << 30))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxArchiveBytes");
    }

    @Test
    void withoutTheRoleEveryEndpointIsForbiddenAndTheDetailNamesThePolicy() {
        Http anonymous = client("admin");
        Http stranger = client("admin").as("eve", "USER");

        assertForbidden(anonymous.get(""), "not signed in", "role ADMIN");
        assertForbidden(anonymous.get("api/info"), "permission to view");
        assertForbidden(stranger.get("api/export/stats"), "user 'eve'", "role ADMIN");
        assertForbidden(stranger.post("api/export/generate", ""), "permission to export");
        assertForbidden(stranger.upload(new byte[] {1}), "permission to import");
        assertThat(client("admin").as("ann", "ADMIN").get("api/export/stats").status()).isEqualTo(200);
    }

    @Test
    void viewExportAndImportAreDecidedSeparately() {
        Http viewer = client("split").as("vic", "VIEWER");
        Http exporter = client("split").as("xena", "EXPORTER");
        Http importer = client("split").as("ivan", "IMPORTER");

        assertThat(viewer.get("api/info").json().get("permissions").toString())
                .isEqualTo("{\"view\":true,\"export\":false,\"import\":false}");
        assertThat(viewer.get("api/export/stats").status()).isEqualTo(200);
        assertForbidden(export(viewer), "permission to export", "view: role VIEWER, export: role EXPORTER");
        assertForbidden(viewer.upload(new byte[] {1}), "permission to import");

        Http.Answer exported = export(exporter);
        assertThat(exported.status()).isEqualTo(202);
        String id = exported.json().get("id").asText();
        assertThat(exporter.get("api/operations/" + id).status()).isEqualTo(200);
        assertThat(exporter.get("api/export/files/" + id).status()).isEqualTo(200);
        assertForbidden(exporter.get("api/export/stats"), "permission to view");
        assertForbidden(importer.get("api/export/files/" + id), "permission to export");
        assertForbidden(importer.delete("api/operations/" + id), "permission to export");

        Http.Answer uploaded = importer.upload(new byte[] {1, 2, 3});
        assertThat(uploaded.status()).isEqualTo(201);
        assertForbidden(exporter.post("api/import/validate", "{\"upload\":\"" + uploaded.json().get("id").asText()
                + "\"}"), "permission to import");
    }

    @Test
    void aReadOnlyConsoleViewsAndExportsButNeverImports() {
        Http admin = client("readonly").as("ann", "ADMIN");

        assertThat(admin.get("api/info").json().get("permissions").get("import").asBoolean()).isFalse();
        assertThat(export(admin).status()).isEqualTo(202);
        assertForbidden(admin.upload(new byte[] {1}), "permission to import", "role ADMIN, imports disabled");
        assertForbidden(admin.post("api/import/execute", "{\"upload\":\"0123456789abcdef0123456789abcdef\"}"),
                "permission to import");
    }

    @Test
    void authenticatedLetsAnySignedInUserIn() {
        assertThat(client("signedin").as("bob").get("api/info").status()).isEqualTo(200);
        assertForbidden(client("signedin").get("api/info"), "not signed in", "any signed-in user");
    }

    @Test
    void aStateChangingRequestWithoutTheRequestHeaderIsRefused() {
        Http admin = client("admin").as("ann", "ADMIN");

        assertCrossSiteRefused(admin.postRaw("api/export/generate", "application/json", "{}".getBytes()),
                "X-Portability-Request");
        assertCrossSiteRefused(admin.postRaw("api/import/uploads", "application/zip", new byte[] {1}),
                "X-Portability-Request");
        assertCrossSiteRefused(admin.send(admin.request("api/operations/0123456789abcdef0123456789abcdef")
                .DELETE()), "X-Portability-Request");
        Http.Answer form = admin.with(Http.CSRF, "1").postRaw("api/import/validate",
                "application/x-www-form-urlencoded", "upload=x".getBytes());
        assertThat(form.status()).isEqualTo(415);
    }

    @Test
    void aRequestFromAnotherSiteIsRefusedEvenWithTheHeader() {
        Http admin = client("admin").as("ann", "ADMIN");
        String own = "http://127.0.0.1:" + server.port();

        assertCrossSiteRefused(admin.with("Sec-Fetch-Site", "cross-site").post("api/export/generate", ""),
                "Sec-Fetch-Site: cross-site");
        assertCrossSiteRefused(admin.with("Sec-Fetch-Site", "same-site").post("api/export/generate", ""),
                "another site");
        assertCrossSiteRefused(admin.with("Origin", "https://evil.example").post("api/export/generate", ""),
                "origin 'https://evil.example'");
        assertCrossSiteRefused(admin.with("Origin", "null").post("api/export/generate", ""), "origin 'null'");
        assertThat(export(admin.with("Sec-Fetch-Site", "same-origin").with("Origin", own)).status()).isEqualTo(202);
        assertThat(export(admin.with("Origin", own)).status()).isEqualTo(202);
    }

    @Test
    void anOriginTheHostAllowsIsAcceptedAndTheHostsTokenIsHandedToThePage() {
        Http admin = client("proxied").as("ann", "ADMIN");

        assertThat(export(admin.with("Origin", "https://console.example.com")).status()).isEqualTo(202);
        assertCrossSiteRefused(admin.with("Origin", "http://console.example.com").post("api/export/generate", ""),
                "allowedOrigins");
        JsonNode csrf = admin.get("api/info").json().get("csrf");
        assertThat(csrf.get("headerName").asText()).isEqualTo("X-CSRF-TOKEN");
        assertThat(csrf.get("token").asText()).isEqualTo("t0k\"<en>");
        assertThat(admin.get("").text())
                .contains("<meta name=\"portability-csrf-header\" content=\"X-CSRF-TOKEN\">")
                .contains("<meta name=\"portability-csrf-token\" content=\"t0k&quot;&lt;en&gt;\">");
    }
}
