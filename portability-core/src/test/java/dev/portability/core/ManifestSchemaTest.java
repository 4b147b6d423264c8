package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.api.ErrorCode;
import dev.portability.api.Problem;
import dev.portability.api.ValidationReport;
import dev.portability.core.internal.archive.ManifestSchema;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSchemaTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenManifestValidatesAgainstTheShippedSchema() throws Exception {
        Path archive = dir.resolve("a.zip");
        Fixtures.portability(Fixtures.shop(3)).export(archive);

        JsonNode manifest = Archives.manifest(archive);

        assertThat(ManifestSchema.validate(manifest)).isEmpty();
        assertThat(manifest.get("format").asText()).isEqualTo("portability-archive");
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(2);
        assertThat(manifest.get("tables")).hasSize(2);
    }

    @Test
    void aManifestMissingARequiredFieldIsRefusedWithTheFieldNamed() throws Exception {
        Path archive = dir.resolve("a.zip");
        Fixtures.portability(Fixtures.shop(3)).export(archive);
        Path broken = Archives.withManifest(archive, dir.resolve("b.zip"),
                m -> Archives.table(m, "orders").remove("rows"));

        ValidationReport report = Fixtures.portability(Fixtures.shop(0)).validate(broken);

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).extracting(Problem::code).containsOnly(ErrorCode.MANIFEST_INVALID);
        assertThat(report.problems().get(0).message()).contains("rows").contains("/tables/1");
        assertThat(report.problems().get(0).entry()).isEqualTo("manifest.json");
    }

    @Test
    void theSchemaInTheDocsIsTheSchemaTheLibraryUses() throws Exception {
        for (int version = 1; version <= 2; version++) {
            byte[] documented = Files.readAllBytes(Path.of("..", "docs", "manifest-v" + version + ".schema.json"));
            try (InputStream shipped = ManifestSchema.class.getResourceAsStream(ManifestSchema.resource(version))) {
                assertThat(shipped).as("schema of format version %d", version).isNotNull();
                assertThat(shipped.readAllBytes()).as("schema of format version %d", version)
                        .isEqualTo(documented);
            }
        }
    }
}
