package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.LogicalType;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive of format version 1, written by the library before format 2 existed and committed as it was
 * ({@code archives/format-v1.zip}, see the README beside it), keeps importing: every value of every format-1 type
 * arrives exactly, a JSON value embedded as format 1 embeds it comes back as its JSON text, and a BOOLEAN column
 * (what format 1 made of a MariaDB {@code TINYINT(1)}) goes into an INTEGER column as 1 and 0.
 */
class FormatVersion1ArchiveTest {

    static final TableSchema ITEM = TableSchema.builder("item")
            .column("id", LogicalType.integer(), false)
            .column("flag", LogicalType.bool(), true)
            .column("amount", LogicalType.decimal(12, 2), true)
            .column("big", LogicalType.decimal(), true)
            .column("ratio", LogicalType.float64(), true)
            .column("name", LogicalType.text(20), true)
            .column("note", LogicalType.text(), true)
            .column("data", LogicalType.binary(), true)
            .column("day", LogicalType.date(), true)
            .column("at", LogicalType.time(), true)
            .column("seen", LogicalType.timestamp(), true)
            .column("stamped", LogicalType.timestampTz(), true)
            .column("uid", LogicalType.uuid(), true)
            .column("doc", LogicalType.json(), true)
            .column("tags", LogicalType.array(LogicalType.text()), true)
            .column("nums", LogicalType.array(LogicalType.integer()), true)
            .primaryKey("id")
            .build();

    static TableSchema pay(LogicalType payWay) {
        return TableSchema.builder("pay")
                .column("id", LogicalType.integer(), false)
                .column("item_id", LogicalType.integer(), true)
                .column("pay_way", payWay, true)
                .primaryKey("id")
                .foreignKey(dev.portability.api.ForeignKey.of("item_id", "item", "id"))
                .build();
    }

    @TempDir
    Path dir;

    private Path archive;

    @BeforeEach
    void copyTheCommittedArchive() throws Exception {
        archive = dir.resolve("format-v1.zip");
        try (InputStream in = getClass().getResourceAsStream("/archives/format-v1.zip")) {
            assertThat(in).as("the committed archive").isNotNull();
            Files.copy(in, archive);
        }
    }

    private static Portability host(MemoryStore store) {
        return Portability.builder().application("v1-archive").schemaVersion(1).store(store).build();
    }

    static List<Object[]> expectedItems() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1L, true, new BigDecimal("-12.50"),
            new BigDecimal("123456789012345678901234567890.123456789"), 0.1, "Zoë 🌍",
            "line\nbreak \"quoted\" \\ tab\t", null /* bytes, compared apart */, LocalDate.of(2024, 2, 29),
            LocalTime.of(13, 45, 30, 123_456_789), LocalDateTime.of(2024, 3, 31, 2, 30, 0, 1_000),
            OffsetDateTime.of(2024, 3, 31, 2, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
            UUID.fromString("6f1c2d3e-0000-4000-8000-00000000002a"),
            "{\"color\":\"red\",\"sizes\":[1,2.5],\"id\":7088992364139642880,\"nested\":{\"a\":[true,false,null]}}",
            Arrays.asList("a", null, "ü", ""), Arrays.asList(1L, null, Long.MIN_VALUE, Long.MAX_VALUE)});
        rows.add(new Object[] {2L, false, new BigDecimal("0.00"), new BigDecimal("-0.000000000000000000001"), -0.0,
            "", "", null, LocalDate.of(10000, 1, 1), LocalTime.of(23, 59, 59, 999_999_999),
            LocalDateTime.of(1, 1, 1, 0, 0), OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            UUID.fromString("00000000-0000-0000-0000-000000000000"),
            "[0.1000000000000000055511151231257827,-9223372036854775809,\"café\",1E+400]", List.of(), List.of()});
        rows.add(new Object[] {3L, null, null, null, Double.NaN, null, null, null, null, null, null, null, null,
            "\"just a string\"", null, null});
        rows.add(new Object[] {4L, null, null, null, Double.NEGATIVE_INFINITY, null, null, null, null, null, null,
            null, null, null, null, null});
        return rows;
    }

    @Test
    void theCommittedArchiveIsFormatVersion1AndValid() {
        MemoryStore store = new MemoryStore(ITEM, pay(LogicalType.bool()));

        ValidationReport report = host(store).validate(archive);

        assertThat(report.problems()).isEmpty();
        assertThat(report.archiveInfo().orElseThrow().formatVersion()).isEqualTo(1);
    }

    @Test
    void everyValueImportsExactly() {
        MemoryStore store = new MemoryStore(ITEM, pay(LogicalType.bool()));

        host(store).importArchive(archive, ImportOptions.replace());

        List<Row> items = new ArrayList<>(store.rows("item").values());
        items.sort((a, b) -> Long.compare((Long) a.get("id"), (Long) b.get("id")));
        List<Object[]> expected = expectedItems();
        assertThat(items).hasSize(expected.size());
        for (int i = 0; i < items.size(); i++) {
            Object[] actual = items.get(i).values();
            byte[] data = (byte[]) actual[7];
            actual[7] = null;
            assertThat(actual).as("item %d", i + 1).containsExactly(expected.get(i));
            assertThat(data).as("item %d data", i + 1).isEqualTo(i == 0 ? new byte[] {0, 1, 2, (byte) 255}
                    : i == 1 ? new byte[0] : null);
        }
        assertThat(store.rows("pay").values()).extracting(row -> row.get("pay_way"))
                .containsExactlyInAnyOrder(true, false, null);
    }

    @Test
    void aBooleanColumnOfFormat1GoesIntoAnIntegerColumnAsOneAndZero() {
        MemoryStore store = new MemoryStore(ITEM, pay(LogicalType.integer()));

        host(store).importArchive(archive, ImportOptions.replace());

        assertThat(store.rows("pay").values()).extracting(row -> row.get("id"), row -> row.get("pay_way"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1L, 1L),
                        org.assertj.core.groups.Tuple.tuple(2L, 0L), org.assertj.core.groups.Tuple.tuple(3L, null));
    }

    @Test
    void format1KeepsItsEncodingsAnInfinityThereIsNotAValue() throws Exception {
        Path altered = Archives.withRows(archive, dir.resolve("altered.zip"), "item",
                lines -> List.of(lines.get(0).replace("\"day\":\"2024-02-29\"", "\"day\":\"infinity\"")));
        MemoryStore store = new MemoryStore(ITEM, pay(LogicalType.bool()));

        ValidationReport report = host(store).validate(altered);

        assertThat(report.problems()).extracting(Problem::code, Problem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, "day"));
        assertThatThrownBy(() -> host(store).importArchive(altered, ImportOptions.replace()))
                .isInstanceOf(PortabilityException.class);
        assertThat(store.rows("item")).isEmpty();
    }
}
