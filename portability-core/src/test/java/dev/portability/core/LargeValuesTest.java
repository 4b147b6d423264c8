package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ArchiveLimits;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.LogicalType;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large values: binary values longer than the parser's small-value path are decoded exactly, whatever their length
 * modulo 3; a long base64 string with a character outside the alphabet or padding before its end is an invalid
 * value of its row (not a broken entry), as for short ones; and a value longer than {@link ArchiveLimits}'
 * {@code maxStringLength} is refused by its size while it is read, naming table, row, key, column, the size and
 * the setting.
 */
class LargeValuesTest {

    private static final TableSchema BLOBS = TableSchema.builder("blobs")
            .column("id", LogicalType.integer(), false)
            .column("data", LogicalType.binary(), true)
            .column("note", LogicalType.text(), true)
            .primaryKey("id")
            .build();

    @TempDir
    Path dir;

    private Path export(MemoryStore store) {
        Path archive = dir.resolve("blobs.zip");
        Portability.builder().application("blobs").store(store).build().export(archive);
        return archive;
    }

    @Test
    void largeBinaryValuesOfEveryLengthModuloThreeComeBackExactly() {
        Random random = new Random(7);
        MemoryStore source = new MemoryStore(BLOBS);
        List<byte[]> values = new ArrayList<>();
        for (int length : new int[] {12_288, 12_289, 12_290, 12_291, 100_000, 1_000_001, 0, 3}) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            values.add(bytes);
            source.put("blobs", new Object[] {(long) values.size(), bytes, "n" + length});
        }
        Path archive = export(source);
        MemoryStore target = new MemoryStore(BLOBS);

        Portability.builder().application("blobs").store(target).build().importArchive(archive,
                ImportOptions.replace());

        java.util.Collection<Row> rows = target.rows("blobs").values();
        assertThat(rows).hasSize(values.size());
        for (Row row : rows) {
            assertThat((byte[]) row.get("data")).isEqualTo(values.get((int) (long) (Long) row.get("id") - 1));
        }
    }

    @Test
    void aLongStringThatIsNotBase64IsAnInvalidValueOfItsRowAndTheOtherRowsAreChecked() throws Exception {
        MemoryStore source = new MemoryStore(BLOBS);
        byte[] bytes = new byte[30_000];
        new Random(3).nextBytes(bytes);
        for (long id = 1; id <= 4; id++) {
            source.put("blobs", new Object[] {id, bytes, null});
        }
        Path archive = export(source);
        String good = Base64.getEncoder().encodeToString(bytes);
        Path broken = Archives.withRows(archive, dir.resolve("broken.zip"), "blobs", lines -> {
            List<String> changed = new ArrayList<>(lines);
            changed.set(0, changed.get(0).replace(good, good.substring(0, 100) + "*" + good.substring(101)));
            changed.set(1, changed.get(1).replace(good, good.substring(0, 100) + "=" + good.substring(101)));
            changed.set(2, changed.get(2).replace(good, good.substring(0, good.length() - 3) + "==="));
            return changed;
        });

        ValidationReport report = Portability.builder().application("blobs").store(new MemoryStore(BLOBS)).build()
                .validate(broken);

        assertThat(report.problems()).extracting(Problem::code, Problem::line, Problem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, 1L, "data"),
                org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, 2L, "data"),
                org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, 3L, "data"));
        assertThat(report.problems().get(0).message()).contains("character 100 is U+002A, which is not in the base64 "
                + "alphabet");
        assertThat(report.problems().get(1).message()).contains("character 100 is padding ('=') before the end");
        assertThat(report.problems().get(2).message()).contains("its last unit is wrong");
    }

    @Test
    void aValueLongerThanMaxStringLengthIsRefusedByItsSizeNamingTableRowKeyAndColumn() {
        MemoryStore source = new MemoryStore(BLOBS);
        source.put("blobs", new Object[] {1L, new byte[300], "short"});
        source.put("blobs", new Object[] {2L, new byte[3000], null});
        source.put("blobs", new Object[] {3L, null, "x".repeat(5000)});
        Path archive = export(source);

        List<Problem> text = Portability.builder().application("blobs").store(new MemoryStore(BLOBS))
                .limits(ArchiveLimits.defaults().withMaxStringLength(4096)).build().validate(archive).problems();
        List<Problem> binary = Portability.builder().application("blobs").store(new MemoryStore(BLOBS))
                .limits(ArchiveLimits.defaults().withMaxStringLength(1024)).build().validate(archive).problems();

        assertThat(text).hasSize(1);
        assertThat(text.get(0).code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(text.get(0).table()).isEqualTo("blobs");
        assertThat(text.get(0).line()).isEqualTo(3L);
        assertThat(text.get(0).column()).isEqualTo("note");
        assertThat(text.get(0).message()).startsWith("key 3: a TEXT value longer than 4,096 characters (limit "
                + "maxStringLength; if you trust this archive, raise it with ArchiveLimits.withMaxStringLength(...))");
        assertThat(binary).hasSize(1);
        assertThat(binary.get(0).line()).isEqualTo(2L);
        assertThat(binary.get(0).column()).isEqualTo("data");
        assertThat(binary.get(0).message()).startsWith("key 2: a BINARY value of more than 768 bytes (its base64 "
                + "text is longer than 1,024 characters) (limit maxStringLength");
        assertThat(Map.of("text", text.get(0).message(), "binary", binary.get(0).message()))
                .allSatisfy((kind, message) -> assertThat(message).contains("the rest of the entry was not read"));
    }
}
