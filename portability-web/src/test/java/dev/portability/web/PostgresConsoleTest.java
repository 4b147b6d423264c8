package dev.portability.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.jdbc.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole round trip over HTTP between two PostgreSQL schemas: export, download, upload, preview, replace. */
class PostgresConsoleTest {

    @TempDir
    Path spool;

    @Test
    void anExportOfOneDatabaseReplacesTheContentsOfAnother() {
        try (TestDatabase source = WebShop.create(TestDatabase.Kind.POSTGRESQL, 25);
                TestDatabase target = WebShop.create(TestDatabase.Kind.POSTGRESQL, 4)) {
            PortabilityWebAccess admin = PortabilityWebAccess.requireRole("ADMIN");
            try (ConsoleServer server = ConsoleServer.start(Map.of(
                    "source", PortabilityWeb.builder(WebShop.portability(source)).access(admin)
                            .spoolDirectory(spool).build(),
                    "target", PortabilityWeb.builder(WebShop.portability(target)).access(admin)
                            .spoolDirectory(spool).build()))) {
                Http from = new Http(server.console("source")).as("ann", "ADMIN");
                Http to = new Http(server.console("target")).as("ann", "ADMIN");
                assertThat(from.get("api/export/stats").json().get("totalRows").asLong()).isEqualTo(25 + 50 + 3);

                JsonNode exported = from.finish(from.post("api/export/generate", ""));
                byte[] archive = from.get(exported.get("result").get("file").get("href").asText()).body();
                String upload = to.upload(archive).json().get("id").asText();
                JsonNode preview = to.finish(to.post("api/import/preview", "{\"upload\":\"" + upload
                        + "\",\"mode\":\"REPLACE\"}")).get("result");
                JsonNode imported = to.finish(to.post("api/import/execute", "{\"upload\":\"" + upload
                        + "\",\"mode\":\"REPLACE\",\"confirmReplace\":true}"));

                assertThat(preview.get("conflicts").asLong()).isEqualTo(4 + 8 + 3);
                assertThat(preview.get("rowsReplaceWouldDelete").asLong()).isZero();
                assertThat(imported.get("state").asText()).as(imported.toString()).isEqualTo("SUCCEEDED");
                for (String table : new String[] {"customers", "orders", "notes"}) {
                    assertThat(WebShop.rows(target, table)).as(table).isEqualTo(WebShop.rows(source, table));
                }
            }
        }
    }
}
