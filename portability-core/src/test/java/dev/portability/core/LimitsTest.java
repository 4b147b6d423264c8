package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ArchiveLimits;
import dev.portability.api.ErrorCode;
import dev.portability.api.LogicalType;
import dev.portability.api.Problem;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every limit at, just under and just over the value the archive reaches: at and under are accepted, over is
 * refused with {@link ErrorCode#LIMIT_EXCEEDED} naming the limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsTest {

    private static final TableSchema DOCS = TableSchema.builder("docs")
            .column("id", LogicalType.integer(), false)
            .column("doc", LogicalType.json(), true)
            .column("note", LogicalType.text(), true)
            .column("grid", LogicalType.array(LogicalType.integer()), true)
            .primaryKey("id")
            .build();

    /** The deepest value: the row object, then the two dimensions of an array (JSON values are strings). */
    private static final int DEPTH = 3;
    /** The longest string: the note of the last row. */
    private static final int STRING = 5000;
    /** The longest number: the id of the last row. */
    private static final int NUMBER = 7;
    private static final int ROWS = 40_000; // the entry passes 1 MiB, where the ratio starts to count

    @TempDir
    Path dir;

    private Path archive;

    @BeforeAll
    void exportAnArchive(@TempDir Path tmp) {
        MemoryStore store = new MemoryStore(DOCS);
        for (long id = 1; id < ROWS; id++) {
            store.put("docs", new Object[] {id, id == 1 ? "[[[\"x\"]]]" : "{\"n\":" + id + "}", "note " + id % 7,
                id == 2 ? List.of(List.of(1L, 2L), List.of(3L, 4L)) : null});
        }
        store.put("docs", new Object[] {1_000_000L, null, "y".repeat(STRING), null});
        archive = tmp.resolve("docs.zip");
        Portability.builder().application("docs").store(store).build().export(archive);
    }

    private ValidationReport validate(ArchiveLimits limits) {
        return Portability.builder().application("docs").store(new MemoryStore(DOCS)).limits(limits).build()
                .validate(archive);
    }

    private long measure(String limit) throws IOException {
        Map<String, byte[]> entries = Archives.entries(archive);
        byte[] rows = entries.get("tables/0001.jsonl");
        return switch (limit) {
            case "maxArchiveBytes" -> Files.size(archive);
            case "maxEntries" -> entries.size();
            case "maxEntryBytes", "maxTotalBytes" -> rows.length;
            case "maxCompressionRatio" -> {
                try (ZipFile zip = new ZipFile(archive.toFile())) {
                    ZipEntry entry = zip.getEntry("tables/0001.jsonl");
                    yield (entry.getSize() + entry.getCompressedSize() - 1) / entry.getCompressedSize();
                }
            }
            case "maxNestingDepth" -> DEPTH;
            case "maxStringLength" -> STRING;
            case "maxNumberLength" -> NUMBER;
            case "maxLineBytes" -> {
                long longest = 0;
                for (String line : new String(rows, StandardCharsets.UTF_8).split("\n")) {
                    longest = Math.max(longest, line.getBytes(StandardCharsets.UTF_8).length);
                }
                yield longest;
            }
            case "maxRowsPerTable" -> ROWS;
            default -> throw new IllegalArgumentException(limit);
        };
    }

    private static LongFunction<ArchiveLimits> setter(String limit) {
        ArchiveLimits d = ArchiveLimits.defaults();
        return switch (limit) {
            case "maxArchiveBytes" -> d::withMaxArchiveBytes;
            case "maxEntries" -> n -> d.withMaxEntries((int) n);
            case "maxEntryBytes" -> d::withMaxEntryBytes;
            case "maxTotalBytes" -> d::withMaxTotalBytes;
            case "maxCompressionRatio" -> n -> d.withMaxCompressionRatio((int) n);
            case "maxNestingDepth" -> n -> d.withMaxNestingDepth((int) n);
            case "maxStringLength" -> n -> d.withMaxStringLength((int) n);
            case "maxNumberLength" -> n -> d.withMaxNumberLength((int) n);
            case "maxLineBytes" -> d::withMaxLineBytes;
            case "maxRowsPerTable" -> d::withMaxRowsPerTable;
            default -> throw new IllegalArgumentException(limit);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"maxArchiveBytes", "maxEntries", "maxEntryBytes", "maxTotalBytes", "maxCompressionRatio",
        "maxNestingDepth", "maxStringLength", "maxNumberLength", "maxLineBytes", "maxRowsPerTable"})
    void aLimitAcceptsAtAndUnderAndRefusesJustOver(String limit) throws IOException {
        long reached = measure(limit);
        LongFunction<ArchiveLimits> set = setter(limit);

        assertThat(validate(set.apply(reached)).problems()).as("limit %s at %d", limit, reached).isEmpty();
        assertThat(validate(set.apply(reached + 1)).problems()).as("limit %s at %d", limit, reached + 1).isEmpty();
        ValidationReport over = validate(set.apply(reached - 1));

        assertThat(over.problems()).as("limit %s at %d", limit, reached - 1).extracting(Problem::code)
                .containsExactly(ErrorCode.LIMIT_EXCEEDED);
        assertThat(over.problems().get(0).message()).contains("limit " + limit)
                .contains("ArchiveLimits.with" + Character.toUpperCase(limit.charAt(0)) + limit.substring(1));
    }
}
