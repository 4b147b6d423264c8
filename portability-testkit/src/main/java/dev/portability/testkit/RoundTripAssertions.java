package dev.portability.testkit;

import dev.portability.api.ImportOptions;
import dev.portability.api.spi.DataStore;
import dev.portability.core.Portability;
import dev.portability.testkit.internal.Contents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions that a host's data survives an export and an import: export the source, import the archive into an
 * empty target, and compare every table row by row and value by value.
 *
 * <pre>{@code
 * RoundTripAssertions.assertRoundTrip(Portability.builder().application("shop").schemaVersion(3),
 *         sourceStore, () -> newEmptyStore());
 * }</pre>
 *
 * <p>Values are compared as a user would: decimals by numeric value, doubles bit for bit (NaN equals NaN, -0.0
 * differs from 0.0), binary by content, JSON by structure, TIMESTAMP_TZ with its offset, and every value must
 * have its type's canonical Java type. A failure lists the first {@value Differences#SHOWN} differences (table,
 * primary key, column, expected and actual value) and counts the rest. Both stores are read into memory for the
 * comparison: this is for test data, not for production volumes.
 */
public final class RoundTripAssertions {

    private RoundTripAssertions() {
    }

    /**
     * Exports {@code source}, imports the archive into a new store from {@code emptyTarget} and asserts that the
     * target then holds exactly what the source holds.
     *
     * @param configuration the host's configuration (application id, schema version, ...); its store is set to
     *     the source and then to the target, each time for a build of its own
     * @param source the store to export
     * @param emptyTarget makes the store to import into; it must be empty
     * @throws AssertionFailedError if the target is not empty before the import, or differs after it
     */
    public static void assertRoundTrip(Portability.Builder configuration, DataStore<?> source,
            Supplier<? extends DataStore<?>> emptyTarget) {
        Differences differences = roundTrip(configuration, source, emptyTarget);
        if (!differences.isEmpty()) {
            throw new AssertionFailedError("After export and import into an empty store, the target differs from "
                    + "the source in " + differences.describe());
        }
    }

    /**
     * Exports {@code source}, imports the archive into a new store from {@code emptyTarget} with
     * {@link ImportOptions#replace()}, and compares the two stores.
     *
     * @param configuration the host's configuration (application id, schema version, ...)
     * @param source the store to export
     * @param emptyTarget makes the store to import into; it must be empty
     * @return the differences, empty when the data survived
     * @throws AssertionFailedError if the target is not empty before the import
     */
    public static Differences roundTrip(Portability.Builder configuration, DataStore<?> source,
            Supplier<? extends DataStore<?>> emptyTarget) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(source, "source");
        DataStore<?> target = Objects.requireNonNull(emptyTarget.get(), "emptyTarget returned null");
        requireEmpty(target);
        Portability from = configuration.store(source).build();
        Portability to = configuration.store(target).build();
        Path archive = null;
        try {
            archive = Files.createTempFile("portability-roundtrip-", ".zip");
            from.export(archive);
            to.importArchive(archive, ImportOptions.replace());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(archive);
        }
        return compare(source, target);
    }

    /**
     * Asserts that two stores hold the same tables with the same rows and values.
     *
     * @param expected the store holding what is expected
     * @param actual the store to check
     * @throws AssertionFailedError listing the differences
     */
    public static void assertSameContent(DataStore<?> expected, DataStore<?> actual) {
        Differences differences = compare(expected, actual);
        if (!differences.isEmpty()) {
            throw new AssertionFailedError("The store differs from the expected content in "
                    + differences.describe());
        }
    }

    /**
     * Compares two stores table by table: rows are matched by primary key (tables without one as multisets),
     * values as described in the class documentation.
     *
     * @param expected the store holding what is expected
     * @param actual the store to check
     * @return the differences
     */
    public static Differences compare(DataStore<?> expected, DataStore<?> actual) {
        return Contents.compare(Contents.read(expected), Contents.read(actual), false);
    }

    private static void requireEmpty(DataStore<?> target) {
        for (Map.Entry<String, Long> count : Stores.counts(target).entrySet()) {
            if (count.getValue() != 0) {
                throw new AssertionFailedError("The target of a round trip must be empty, but table "
                        + count.getKey() + " holds " + count.getValue() + " rows; make emptyTarget return a new, "
                        + "empty store");
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
