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
 * The manifest's JSON Schema of each format version, loaded once from core's resources and checked with
 * networknt. Nothing is ever fetched: the schemas have no remote references, and the manifest's own content never
 * names a schema to load.
 */
public final class ManifestSchema {

    /** Classpath location of the schema of the current format version, also in docs/. */
    public static final String RESOURCE = resource(ManifestJson.FORMAT_VERSION);

    private static final Schema[] SCHEMAS = new Schema[ManifestJson.FORMAT_VERSION + 1];

    static {
        for (int version = ManifestJson.OLDEST_FORMAT_VERSION; version <= ManifestJson.FORMAT_VERSION; version++) {
            SCHEMAS[version] = load(resource(version));
        }
    }

    private ManifestSchema() {
    }

    /**
     * @param formatVersion a format version this library reads
     * @return the classpath location of its schema, e.g. {@code /dev/portability/core/manifest-v2.schema.json}
     */
    public static String resource(int formatVersion) {
        return "/dev/portability/core/manifest-v" + formatVersion + ".schema.json";
    }

    private static Schema load(String resource) {
        try (InputStream in = ManifestSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("manifest schema " + resource + " is missing from the classpath");
            }
            JsonNode schemaNode = Json.MAPPER.readTree(in);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            return registry.getSchema(schemaNode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest schema " + resource, e);
        }
    }

    /**
     * Checks a manifest against the schema of the current format version.
     *
     * @param manifest the manifest tree
     * @return one message per violation, each naming the field (e.g. {@code $.tables[0].rows: required
     *     property 'rows' not found}); empty when valid
     */
    public static List<String> validate(JsonNode manifest) {
        return validate(manifest, ManifestJson.FORMAT_VERSION);
    }

    /**
     * Checks a manifest against the schema of its format version.
     *
     * @param manifest the manifest tree
     * @param formatVersion the version whose schema applies, {@link ManifestJson#OLDEST_FORMAT_VERSION} to
     *     {@link ManifestJson#FORMAT_VERSION}
     * @return one message per violation; empty when valid
     */
    public static List<String> validate(JsonNode manifest, int formatVersion) {
        List<String> messages = new ArrayList<>();
        for (Error error : SCHEMAS[formatVersion].validate(manifest)) {
            messages.add(error.toString());
        }
        return messages;
    }
}
