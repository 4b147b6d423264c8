package dev.portability.core.internal.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.portability.core.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest's JSON Schema, loaded once from core's resources and checked with networknt. Nothing is ever
 * fetched: the schema has no remote references, and the manifest's own content never names a schema to load.
 */
public final class ManifestSchema {

    /** Classpath location of the schema, also printed in docs/archive-format.md. */
    public static final String RESOURCE = "/dev/portability/core/manifest-v1.schema.json";

    private static final Schema SCHEMA = load();

    private ManifestSchema() {
    }

    private static Schema load() {
        try (InputStream in = ManifestSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("manifest schema " + RESOURCE + " is missing from the classpath");
            }
            JsonNode schemaNode = Json.MAPPER.readTree(in);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            return registry.getSchema(schemaNode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest schema " + RESOURCE, e);
        }
    }

    /**
     * Checks a manifest against the schema.
     *
     * @param manifest the manifest tree
     * @return one message per violation, each naming the field (e.g. {@code $.tables[0].rows: required
     *     property 'rows' not found}); empty when valid
     */
    public static List<String> validate(JsonNode manifest) {
        List<String> messages = new ArrayList<>();
        for (Error error : SCHEMA.validate(manifest)) {
            messages.add(error.toString());
        }
        return messages;
    }
}
